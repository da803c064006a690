package workbook

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Valid worksheet XML read as Excel reads it: each test is a shape the hand-written
// scanner once misread.

const wsOpen = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
	`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:y="urn:example:other">`

// sheetOf wraps rows in a worksheet.
func sheetOf(rows string) string { return wsOpen + `<sheetData>` + rows + `</sheetData></worksheet>` }

// sstOf wraps <si> elements in a shared string table.
func sstOf(items string) string {
	return `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + items + `</sst>`
}

// readXML reads a worksheet (and shared strings, if any) and returns its cells that are
// not blank, by reference, and the numbers of the rows delivered.
func readXML(t *testing.T, sheetXML, sstXML string) (map[string]Cell, []int, error) {
	t.Helper()
	parts := minimalParts(sheetXML)
	if sstXML != "" {
		parts["xl/sharedStrings.xml"] = sstXML
	}
	book, err := openBytes(t, zipParts(t, parts))
	if err != nil {
		return nil, nil, err
	}
	cells := map[string]Cell{}
	var rows []int
	err = book.Rows("Sheet1", func(n int, row []Cell) error {
		rows = append(rows, n)
		for col, c := range row {
			if c.Kind != Blank {
				cells[fmt.Sprintf("%s%d", ColumnName(col), n)] = c
			}
		}
		return nil
	})
	return cells, rows, err
}

func mustReadXML(t *testing.T, sheetXML, sstXML string) (map[string]Cell, []int) {
	t.Helper()
	cells, rows, err := readXML(t, sheetXML, sstXML)
	if err != nil {
		t.Fatalf("read: %v\n%s", err, sheetXML)
	}
	return cells, rows
}

func num(v string) Cell  { return Cell{Kind: Number, Value: v} }
func text(v string) Cell { return Cell{Kind: Text, Value: v} }

func checkCells(t *testing.T, got, want map[string]Cell) {
	t.Helper()
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("cells (-want +got):\n%s", diff)
	}
}

// A value in CDATA is the value, in a <v>, an inline string and a shared string.
func TestCDATAIsText(t *testing.T) {
	cells, _ := mustReadXML(t, sheetOf(`<row r="1">`+
		`<c r="A1"><v><![CDATA[42]]></v></c>`+
		`<c r="B1" t="inlineStr"><is><t>甲<![CDATA[<公司>]]></t></is></c>`+
		`<c r="C1" t="s"><v>0</v></c></row>`),
		sstOf(`<si><t><![CDATA[乙&公司]]></t></si>`))
	checkCells(t, cells, map[string]Cell{"A1": num("42"), "B1": text("甲<公司>"), "C1": text("乙&公司")})
}

// Cells out of column order are each in their own column; a cell named twice, or one
// without a reference after cells out of order, has no column one could tell.
func TestCellsOutOfColumnOrder(t *testing.T) {
	cells, _ := mustReadXML(t, sheetOf(`<row r="3"><c r="C3"><v>3</v></c><c r="A3"><v>1</v></c><c r="B3"><v>2</v></c></row>`), "")
	checkCells(t, cells, map[string]Cell{"A3": num("1"), "B3": num("2"), "C3": num("3")})
	for row, want := range map[string]string{
		`<row r="3"><c r="B3"><v>1</v></c><c r="B3"><v>2</v></c></row>`:                "单元格 B3 出现了两次",
		`<row r="3"><c r="C3"><v>3</v></c><c r="A3"><v>1</v></c><c><v>2</v></c></row>`: "第3行的单元格次序颠倒",
	} {
		if _, _, err := readXML(t, sheetOf(row), ""); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want an error saying %s", row, err, want)
		}
	}
}

// A row inside a comment, a processing instruction or a DOCTYPE is no row.
func TestMarkupHoldsNoRows(t *testing.T) {
	decoy := `<row r="2"><c r="A2"><v>9</v></c></row>`
	for name, sheet := range map[string]string{
		"comment":              sheetOf(`<row r="1"><c r="A1"><v>1</v></c></row><!-- ` + decoy + ` -->`),
		"comment inside a row": sheetOf(`<row r="1"><c r="A1"><v>1</v></c><!-- </row>` + decoy + ` --></row>`),
		"PI":                   sheetOf(`<row r="1"><c r="A1"><v>1</v></c></row><?note ` + decoy + `?>`),
		"DOCTYPE": `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY e "` + strings.ReplaceAll(decoy, `"`, `'`) + `">]>` +
			strings.TrimPrefix(sheetOf(`<row r="1"><c r="A1"><v>1</v></c></row>`), `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`),
	} {
		t.Run(name, func(t *testing.T) {
			cells, rows := mustReadXML(t, sheet, "")
			checkCells(t, cells, map[string]Cell{"A1": num("1")})
			if len(rows) != 1 {
				t.Errorf("rows %v, want [1]", rows)
			}
		})
	}
}

// References are decoded in texts and in attributes; line ends read as \n, and Excel's
// own _xHHHH_ escapes in strings are the characters they stand for.
func TestEntitiesAndEscapes(t *testing.T) {
	cells, _ := mustReadXML(t, sheetOf(`<row r="1">`+
		`<c r="A&#49;" t="&#115;"><v>0</v></c>`+
		`<c r="B1" t="inlineStr"><is><t>&amp;&#x4E2D;&#20013;&lt;&gt;&quot;&apos;</t></is></c>`+
		"<c r=\"C1\" t=\"inlineStr\"><is><t>a\r\nb\rc&#13;d_x000D__x005F_x0041_</t></is></c>"+
		`<c r="D1"><v>1&#x30;</v></c></row>`),
		sstOf(`<si><t>福州&#x957F;乐</t></si>`))
	checkCells(t, cells, map[string]Cell{"A1": text("福州长乐"), "B1": text("&中中<>\"'"),
		"C1": text("a\nb\nc\rd\r_x0041_"), "D1": num("10")})
	// &#X41; is not XML (the x is lower case), and an entity no DOCTYPE defines is no character.
	for _, v := range []string{"&#X41;", "&nbsp;"} {
		if _, _, err := readXML(t, sheetOf(`<row r="1"><c r="A1" t="inlineStr"><is><t>`+v+`</t></is></c></row>`), ""); err == nil {
			t.Errorf("%s read without error", v)
		}
	}
}

// A prefix bound to SpreadsheetML is SpreadsheetML; an element or attribute of another
// namespace is none of its cells, rows or references.
func TestNamespacePrefixes(t *testing.T) {
	cells, rows := mustReadXML(t, wsOpen+`<x:sheetData>`+
		`<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><y:c r="B1"><y:v>9</y:v></y:c><c r="C1" y:r="Z1" y:t="s"><v>5</v></c></x:row>`+
		`<y:row r="2"><c r="A2"><v>9</v></c></y:row></x:sheetData></worksheet>`,
		`<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:si><x:t>甲</x:t></x:si></x:sst>`)
	checkCells(t, cells, map[string]Cell{"A1": text("甲"), "C1": num("5")})
	if len(rows) != 1 {
		t.Errorf("rows %v, want [1]", rows)
	}
}

// Attributes in any order and either quote; text inside another attribute's value is not an attribute.
func TestAttributeOrderAndQuotes(t *testing.T) {
	cells, _ := mustReadXML(t, sheetOf(`<row r='2'>`+
		`<c t='s' s="1" r='A2'><v>0</v></c>`+
		`<c note=" t='s' r='Z9'" r="B2"><v>7</v></c>`+
		`<c r="C2" note="a>b" t="str"><v>x</v></c></row>`),
		sstOf(`<si><t>甲</t></si>`))
	checkCells(t, cells, map[string]Cell{"A2": {Kind: Text, Value: "甲", NumFmt: "0.00%"}, "B2": num("7"), "C2": text("x")})
}

// Empty and self-closing elements hold nothing; a formula with an empty result of a
// number type has no result.
func TestEmptyAndSelfClosingElements(t *testing.T) {
	cells, rows := mustReadXML(t, sheetOf(`<row r="1">`+
		`<c r="A1" t="s"><v/></c><c r="B1"><v></v></c><c r="C1" s="1"/><c r="D1" t="inlineStr"><is/></c>`+
		`<c r="E1"><f>A1*2</f><v/></c><c r="F1" t="inlineStr"><is><t/></is></c><c r="G1"><v>1</v></c></row><row r="2"/>`+
		`<row r="3"></row>`), sstOf(`<si/>`))
	checkCells(t, cells, map[string]Cell{"E1": {Kind: FormulaNoValue, Formula: "A1*2"}, "G1": num("1")})
	if !cmp.Equal(rows, []int{1, 2, 3}) {
		t.Errorf("rows %v, want [1 2 3]", rows)
	}
}

// Spaces, tabs and line breaks inside tags, and around a shared string's index.
func TestWhitespaceInsideTags(t *testing.T) {
	cells, _ := mustReadXML(t, sheetOf("<row\n r = \"1\"\t>\n  <c\r\n r='A1'\tt = \"s\" ><v> 0\n</v></c >\n<c r=\"B1\"\n/></row >"),
		sstOf(`<si><t xml:space="preserve"> 甲 </t></si>`))
	checkCells(t, cells, map[string]Cell{"A1": text(" 甲 ")})
}

// A worksheet cut off after a row is refused, not read as a shorter sheet.
func TestCutWorksheetIsRefused(t *testing.T) {
	sheet := wsOpen + `<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>`
	if _, _, err := readXML(t, sheet, ""); !errors.Is(err, ErrNotXLSX) {
		t.Errorf("got %v, want the sheet refused as damaged", err)
	}
}

// Where the scanner stops mid-sheet, the reference reader delivers the rest: every row
// once, in order, across the scanner's batches.
func TestReferenceReaderTakesOverMidSheet(t *testing.T) {
	for _, odd := range []string{`<!-- a comment -->`, `<v><![CDATA[7]]></v>`} {
		var sb strings.Builder
		const n = 20000
		for i := 1; i <= n; i++ {
			v := fmt.Sprintf("<v>%d</v>", i)
			if i == 15000 {
				v = odd + "<v>15000</v>"
				if strings.Contains(odd, "CDATA") {
					v = "<v><![CDATA[15000]]></v>"
				}
			}
			fmt.Fprintf(&sb, `<row r="%d" spans="1:2"><c r="A%d" t="inlineStr"><is><t>福州市长乐区测试%07d实业有限公司</t></is></c><c r="B%d">%s</c></row>`, i, i, i, i, v)
		}
		cells, rows := mustReadXML(t, sheetOf(sb.String()), "")
		if len(rows) != n {
			t.Fatalf("%s: %d rows, want %d", odd, len(rows), n)
		}
		for i, r := range rows {
			if r != i+1 || cells[fmt.Sprintf("B%d", r)] != num(fmt.Sprint(r)) {
				t.Fatalf("%s: row %d is %d with %+v", odd, i+1, r, cells[fmt.Sprintf("B%d", r)])
			}
		}
	}
}

// The shapes spreadsheet writers produce stay on the scanner (the fast path); markup it
// does not read goes to the reference reader.
func TestScannerKeepsPlainShapes(t *testing.T) {
	plain := []uint64{0, shapePrefix, shapeEntities, shapeNoRefs, shapeSelfClose, shapeAttrs, shapeSpace,
		shapeFullCalc, shapeDate1904, shapeRich, shapeEscapes, shapeSharedFormula, shapeLineEnds}
	odd := []uint64{shapeComments, shapePIs, shapeCDATA, shapeDoctype, shapeForeign}
	for seed := range uint64(20) {
		for _, shape := range append(plain, odd...) {
			g := makeGenBook("甲公司", "24", "", 1, 2, "x:", shape|seed<<shapeBits)
			book, err := openBytes(t, zipParts(t, g.parts))
			if err != nil {
				t.Fatal(err)
			}
			err = book.readPart("xl/worksheets/sheet1.xml", func(r io.Reader) error {
				_, _, _, err := book.scanRows(r, func(int, []Cell) error { return nil })
				return err
			})
			isPlain := slices.Contains(plain, shape)
			if isPlain && err != nil || !isPlain && !errors.Is(err, errNotPlain) {
				t.Errorf("shape %s seed %d: scanner says %v", describeShape(shape), seed, err)
			}
		}
	}
}
