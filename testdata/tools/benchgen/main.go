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
	"strconv"
	"strings"
)

func main() {
	rows := flag.Int("rows", 10000, "data rows")
	style := flag.String("strings", "shared", "shared or inline (xlsx), or csv")
	out := flag.String("o", "bench.xlsx", "output file")
	flag.Parse()
	var err error
	switch *style {
	case "shared", "inline":
		err = write(*out, *rows, *style == "shared")
	case "csv":
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

func write(path string, n int, shared bool) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	z := zip.NewWriter(f)
	strs := &sst{index: map[string]int{}}
	files := map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
		"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
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
	w, err := z.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		return err
	}
	b := bufio.NewWriterSize(w, 1<<16)
	fmt.Fprintf(b, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:G%d"/><sheetData>`, n+1)
	text := func(ref, v string) {
		if shared {
			fmt.Fprintf(b, `<c r="%s" t="s"><v>%d</v></c>`, ref, strs.id(v))
		} else {
			fmt.Fprintf(b, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, v)
		}
	}
	b.WriteString(`<row r="1">`)
	for i, h := range headers {
		text(fmt.Sprintf("%c1", 'A'+i), h)
	}
	b.WriteString(`</row>`)
	for i := 1; i <= n; i++ {
		r := i + 1
		v := row(i)
		fmt.Fprintf(b, `<row r="%d"><c r="A%d"><v>%s</v></c>`, r, r, v[0])
		for col := 1; col <= 4; col++ {
			text(fmt.Sprintf("%c%d", 'A'+col, r), v[col])
		}
		fmt.Fprintf(b, `<c r="F%d"><v>%s</v></c>`, r, v[5])
		fmt.Fprintf(b, `<c r="G%d"><v>%s</v></c></row>`, r, v[6])
	}
	b.WriteString(`</sheetData></worksheet>`)
	if err := b.Flush(); err != nil {
		return err
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
