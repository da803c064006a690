package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// benchBook is a 100k-row workbook in memory, shaped as Excel saves one (shared strings)
// or as excelize writes one (inline strings), deflated or stored.
func benchBook(b *testing.B, shared bool, method uint16) []byte {
	b.Helper()
	var sheet, sst strings.Builder
	var strs []string
	text := func(ref, v string) {
		if shared {
			fmt.Fprintf(&sheet, `<c r="%s" t="s"><v>%d</v></c>`, ref, len(strs))
			strs = append(strs, v)
		} else {
			fmt.Fprintf(&sheet, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, v)
		}
	}
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:G100001"/><sheetData>`)
	for i := 1; i <= 100000; i++ {
		r := i + 1
		fmt.Fprintf(&sheet, `<row r="%d" spans="1:7"><c r="A%d"><v>%d</v></c>`, r, r, i)
		text(fmt.Sprintf("B%d", r), fmt.Sprintf("福州市长乐区测试%07d实业有限公司", i))
		text(fmt.Sprintf("C%d", r), fmt.Sprintf("91350112%09dX", i))
		text(fmt.Sprintf("D%d", r), "航城街道")
		fmt.Fprintf(&sheet, `<c r="F%d" s="1"><v>%d.%02d</v></c><c r="G%d"><v>0.2%d</v></c></row>`, r, 5000+i%80000, i%100, r, i%10)
	}
	sheet.WriteString(`</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`)
	sst.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
	for _, s := range strs {
		fmt.Fprintf(&sst, `<si><t>%s</t></si>`, s)
	}
	sst.WriteString(`</sst>`)
	parts := minimalParts(sheet.String())
	if shared {
		parts["xl/sharedStrings.xml"] = sst.String()
	}
	return zipPartsBy(b, parts, method)
}

// minimalParts are the parts of a one-sheet workbook around a worksheet's XML.
func minimalParts(sheetXML string) map[string]string {
	return map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
		"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
		"xl/styles.xml":              `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="10"/></cellXfs></styleSheet>`,
		"xl/worksheets/sheet1.xml":   sheetXML,
	}
}

// zipParts packs parts into an xlsx, in a fixed order.
func zipParts(tb testing.TB, parts map[string]string) []byte {
	return zipPartsBy(tb, parts, zip.Deflate)
}

// zipPartsBy packs parts with a compression method (zip.Store isolates the XML reading).
func zipPartsBy(tb testing.TB, parts map[string]string, method uint16) []byte {
	tb.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"} {
		text, ok := parts[name]
		if !ok {
			continue
		}
		w, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: method})
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write([]byte(text)); err != nil {
			tb.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// openBytes opens an xlsx held in memory.
func openBytes(tb testing.TB, data []byte) (*Book, error) {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	return newBook(zr, nil, DefaultLimits)
}

// Opening a workbook and reading every row of its sheet: the path every run takes twice.
func BenchmarkBookRows(b *testing.B) {
	for _, c := range []struct {
		name   string
		shared bool
		method uint16
	}{{"shared", true, zip.Deflate}, {"inline", false, zip.Deflate}, {"shared-stored", true, zip.Store}, {"inline-stored", false, zip.Store}} {
		b.Run(c.name, func(b *testing.B) {
			data := benchBook(b, c.shared, c.method)
			b.SetBytes(int64(len(data)))
			b.ResetTimer()
			for range b.N {
				book, err := openBytes(b, data)
				if err != nil {
					b.Fatal(err)
				}
				n := 0
				if err := book.Rows("Sheet1", func(int, []Cell) error { n++; return nil }); err != nil || n != 100000 {
					b.Fatal(n, err)
				}
			}
		})
	}
}
