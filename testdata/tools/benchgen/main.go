// Command benchgen writes deterministic valueadd workbooks for benchmarks: N data rows
// of 7 columns, with strings shared (as Excel and WPS save) or inline (as excelize writes),
// or the same rows as a UTF-8 CSV with BOM (as Excel saves "CSV UTF-8").
//
//	go run ./testdata/tools/benchgen -rows 100000 -strings shared -o /tmp/bench-100k.xlsx
//	go run ./testdata/tools/benchgen -rows 100000 -strings csv -o /tmp/bench-100k.csv
package main

import (
	"archive/zip"
	"bufio"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"slices"
	"strconv"
	"strings"
)

func main() {
	rows := flag.Int("rows", 10000, "data rows")
	style := flag.String("strings", "shared", "shared or inline (xlsx), or csv")
	out := flag.String("o", "bench.xlsx", "output file")
	quarter := flag.Bool("quarter", false, "five sheets, one per card measure, each of -rows rows (shared strings)")
	flag.Parse()
	var err error
	switch {
	case *quarter:
		err = write(*out, *rows, true, quarterSheets)
	case *style == "shared", *style == "inline":
		err = write(*out, *rows, *style == "shared", []sheet{{"Sheet1", headers, row, []int{0, 5, 6}}})
	case *style == "csv":
		err = writeCSV(*out, *rows)
	default:
		log.Fatal("-strings must be shared, inline or csv")
	}
	if err != nil {
		log.Fatal(err)
	}
}

var towns = []string{"航城街道", "金峰镇", "潭头镇", "漳港街道", "文岭镇", "鹤上镇", "古槐镇", "江田镇"}

var headers = []string{"序号", "企业名称", "统一社会信用代码", "所属乡镇(街道)", "是否规上工业企业", "2023年产值(万元)", "增加值率(%)"}

const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// code makes a valid 统一社会信用代码 from a serial number, check character included.
func code(n int) string {
	body := []byte(fmt.Sprintf("91350112%09d", n))
	for i := 8; i < 17; i++ {
		body[i] = alphabet[(int(body[i]-'0')+n/(i+1))%10]
	}
	sum, w := 0, 1
	for i := 0; i < 17; i++ {
		sum += strings.IndexByte(alphabet, body[i]) * w
		w = w * 3 % 31
	}
	return string(body) + string(alphabet[(31-sum%31)%31])
}

// row is data row i's cells as written: 序号 and the two figures are numbers in the xlsx.
func row(i int) []string {
	yes := "是"
	if i%17 == 0 {
		yes = "否"
	}
	return []string{
		strconv.Itoa(i),
		fmt.Sprintf("福州市长乐区测试%07d实业有限公司", i),
		code(i),
		towns[i%len(towns)],
		yes,
		fmt.Sprintf("%d.%02d", 5000+(i*7919)%80000, i%100),
		fmt.Sprintf("%d.%d", 18+(i*31)%10, i%10),
	}
}

// writeCSV writes the same rows as write, as a CSV: none of the values needs quoting.
func writeCSV(path string, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	b := bufio.NewWriterSize(f, 1<<16)
	b.WriteString("\ufeff" + strings.Join(headers, ",") + "\r\n")
	for i := 1; i <= n; i++ {
		b.WriteString(strings.Join(row(i), ",") + "\r\n")
	}
	if err := b.Flush(); err != nil {
		return err
	}
	return f.Close()
}

type sst struct {
	index map[string]int
	list  []string
}

func (s *sst) id(v string) int {
	if i, ok := s.index[v]; ok {
		return i
	}
	s.index[v] = len(s.list)
	s.list = append(s.list, v)
	return len(s.list) - 1
}

// sheet is one generated worksheet: its header, its rows, and which columns are numbers.
type sheet struct {
	name    string
	headers []string
	row     func(i int) []string
	numbers []int
}

// quarterSheets are the five card measures' lists, one sheet each, as a quarter's 申报汇总.
var quarterSheets = []sheet{
	{"增加值率", headers, row, []int{0, 5, 6}},
	{"增产增效", []string{"序号", "企业名称", "统一社会信用代码", "所属乡镇(街道)", "是否符合省级增产增效奖励条件", "一季度产值增幅(%)", "一季度用电增幅(%)", "市级奖励金额(元)"},
		func(i int) []string {
			v := row(i)
			return []string{v[0], v[1], v[2], v[3], v[4], strconv.Itoa(5 + i%20), strconv.Itoa(3 + i%17), strconv.Itoa(10000 + (i*7919)%400000)}
		}, []int{0, 5, 6, 7}},
	{"春节用电", []string{"序号", "企业名称", "统一社会信用代码", "所属乡镇(街道)", "春节期间用电量(千瓦时)", "市级奖励金额(元)"},
		func(i int) []string {
			v := row(i)
			return []string{v[0], v[1], v[2], v[3], strconv.Itoa(300000 + (i*7919)%900000), strconv.Itoa(10000 + (i*104729)%300000)}
		}, []int{0, 4, 5}},
	{"新增纳统", []string{"序号", "企业名称", "统一社会信用代码", "所属乡镇(街道)", "是否纳入小升规培育库", "纳统类型", "是否首次纳统", "纳统时间"},
		func(i int) []string {
			v := row(i)
			kind := []string{"新投产纳统", "规下转规上", "其他"}[i%3]
			return []string{v[0], v[1], v[2], v[3], v[4], kind, "是", fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+i%28)}
		}, []int{0}},
	{"技改项目", []string{"序号", "企业名称", "统一社会信用代码", "所属乡镇(街道)", "项目名称", "开工时间", "省级技改补助(元)", "市级技改补助(元)"},
		func(i int) []string {
			v := row(i)
			return []string{v[0], v[1], v[2], v[3], "技改项目" + strconv.Itoa(i), fmt.Sprintf("2024-%02d-%02d", 1+i%6, 1+i%28),
				strconv.Itoa((i * 7919) % 2000000), strconv.Itoa((i * 104729) % 1000000)}
		}, []int{0, 6, 7}},
}

func write(path string, n int, shared bool, sheets []sheet) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	z := zip.NewWriter(f)
	strs := &sst{index: map[string]int{}}
	var overrides, entries, rels strings.Builder
	for k, sh := range sheets {
		fmt.Fprintf(&overrides, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, k+1)
		fmt.Fprintf(&entries, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, sh.name, k+1, k+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, k+1, k+1)
	}
	m := len(sheets)
	files := map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` + overrides.String() + `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
		"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` + entries.String() + `</sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() + fmt.Sprintf(`<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`, m+1, m+2),
		"xl/styles.xml":              `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf/></cellXfs></styleSheet>`,
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"} {
		w, err := z.Create(name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(w, files[name]); err != nil {
			return err
		}
	}
	for k, sh := range sheets {
		if err := writeSheet(z, fmt.Sprintf("xl/worksheets/sheet%d.xml", k+1), sh, n, shared, strs); err != nil {
			return err
		}
	}
	if shared {
		w, err := z.Create("xl/sharedStrings.xml")
		if err != nil {
			return err
		}
		b := bufio.NewWriterSize(w, 1<<16)
		fmt.Fprintf(b, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, len(strs.list), len(strs.list))
		for _, s := range strs.list {
			fmt.Fprintf(b, `<si><t>%s</t></si>`, s)
		}
		b.WriteString(`</sst>`)
		if err := b.Flush(); err != nil {
			return err
		}
	}
	return z.Close()
}

// writeSheet writes one worksheet of n data rows below its header.
func writeSheet(z *zip.Writer, part string, sh sheet, n int, shared bool, strs *sst) error {
	w, err := z.Create(part)
	if err != nil {
		return err
	}
	b := bufio.NewWriterSize(w, 1<<16)
	last := string(rune('A' + len(sh.headers) - 1))
	fmt.Fprintf(b, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:%s%d"/><sheetData>`, last, n+1)
	text := func(ref, v string) {
		if shared {
			fmt.Fprintf(b, `<c r="%s" t="s"><v>%d</v></c>`, ref, strs.id(v))
		} else {
			fmt.Fprintf(b, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, v)
		}
	}
	b.WriteString(`<row r="1">`)
	for i, h := range sh.headers {
		text(fmt.Sprintf("%c1", 'A'+i), h)
	}
	b.WriteString(`</row>`)
	for i := 1; i <= n; i++ {
		r := i + 1
		fmt.Fprintf(b, `<row r="%d">`, r)
		for col, v := range sh.row(i) {
			ref := fmt.Sprintf("%c%d", 'A'+col, r)
			if slices.Contains(sh.numbers, col) {
				fmt.Fprintf(b, `<c r="%s"><v>%s</v></c>`, ref, v)
			} else {
				text(ref, v)
			}
		}
		b.WriteString(`</row>`)
	}
	b.WriteString(`</sheetData></worksheet>`)
	return b.Flush()
}
