package workbook

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

// The reader (scanner, or the reference reader where the scanner stops) and the reference
// reader alone both read a worksheet as excelize's own reader does, whatever shape its XML takes.
func FuzzReaderMatchesExcelize(f *testing.F) {
	f.Add("福州&<测试>", "49999.99", "s", uint8(2), uint16(3), "x:", uint64(0))
	f.Add("", "1E+3", "n", uint8(0), uint16(1), "", uint64(0))
	f.Add("a\"b'c", "#DIV/0!", "e", uint8(27), uint16(65535), "", uint64(0))
	f.Add("  spaced  ", "", "inlineStr", uint8(5), uint16(0), "", uint64(0))
	// One seed for each structural variation, then all of them at once.
	for i := range shapeBits {
		f.Add("甲公司]]>", "24", "", uint8(1), uint16(2), "x:", uint64(1)<<i|uint64(i+1)<<shapeBits)
	}
	f.Add("福州\r\n长乐_x000D_", "0.24", "str", uint8(0), uint16(1), "ns1:", uint64(1)<<shapeBits-1|7<<shapeBits)
	f.Fuzz(func(t *testing.T, text, value, typ string, col uint8, row uint16, prefix string, shape uint64) {
		if !xmlName(prefix) {
			return
		}
		g := makeGenBook(text, value, typ, col, row, prefix, shape)
		checkAgainstExcelize(t, g)
	})
}

// cellPos is a cell's column (0-based) and row.
type cellPos struct{ col, row int }

func (p cellPos) String() string { return fmt.Sprintf("%s%d", ColumnName(p.col), p.row) }

// checkAgainstExcelize reads the generated workbook three ways and compares the cells.
func checkAgainstExcelize(t *testing.T, g genBook) {
	t.Helper()
	data := zipParts(t, g.parts)
	book, err := openBytes(t, data)
	if err != nil {
		t.Fatalf("shape %s: open: %v\n%s", describeShape(g.shape), err, g.parts["xl/worksheets/sheet1.xml"])
	}
	ours := map[cellPos]Cell{}
	if err := book.Rows("Sheet1", collectCells(ours)); err != nil {
		t.Fatalf("shape %s: read: %v\n%s", describeShape(g.shape), err, g.parts["xl/worksheets/sheet1.xml"])
	}
	ref := map[cellPos]Cell{}
	err = book.readPart("xl/worksheets/sheet1.xml", func(r io.Reader) error { _, err := book.xmlRows(r, 0, 0, collectCells(ref)); return err })
	if err != nil {
		t.Fatalf("shape %s: reference reader: %v\n%s", describeShape(g.shape), err, g.parts["xl/worksheets/sheet1.xml"])
	}
	checkSharedStrings(t, g)

	xf, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("excelize cannot open it: %v", err)
	}
	defer xf.Close()
	styles := map[cellPos]int{}
	positions := map[cellPos]bool{{0, decoyRow}: true, {1, decoyRow}: true}
	for _, r := range g.rows {
		for _, c := range r.cells {
			p := cellPos{c.col, r.num}
			positions[p], styles[p] = true, c.style
		}
	}
	for p := range ours {
		positions[p] = true
	}
	for p := range ref {
		positions[p] = true
	}
	want := map[cellPos]Cell{}
	for p := range positions {
		if c := excelizeCell(t, xf, p, g, styles[p]); c.Kind != Blank {
			want[p] = c
		}
	}
	if g.sharedFormula { // excelize spells out a shared formula in each cell; the reader keeps its text where written
		for _, m := range []map[cellPos]Cell{ours, ref, want} {
			for p, c := range m {
				c.Formula = ""
				m[p] = c
			}
		}
	}
	if diff := cmp.Diff(want, ours); diff != "" {
		t.Errorf("shape %s: the reader differs from excelize (-excelize +reader):\n%s\n%s\n%s", describeShape(g.shape), diff, g.parts["xl/worksheets/sheet1.xml"], g.parts["xl/sharedStrings.xml"])
	}
	if diff := cmp.Diff(want, ref); diff != "" {
		t.Errorf("shape %s: the reference reader differs from excelize (-excelize +reference):\n%s\n%s", describeShape(g.shape), diff, g.parts["xl/worksheets/sheet1.xml"])
	}
}

// collectCells keeps every cell that is not blank.
func collectCells(into map[cellPos]Cell) func(int, []Cell) error {
	return func(row int, cells []Cell) error {
		for col, c := range cells {
			if c.Kind != Blank {
				into[cellPos{col, row}] = c
			}
		}
		return nil
	}
}

// checkSharedStrings: where the scanner reads the strings, the reference reader reads the same.
func checkSharedStrings(t *testing.T, g genBook) {
	t.Helper()
	part := g.parts["xl/sharedStrings.xml"]
	fast, err := readSharedStringsFrom(strings.NewReader(part))
	ref, refErr := readSharedStringsXML(strings.NewReader(part))
	if refErr != nil {
		t.Fatalf("reference reader: shared strings: %v\n%s", refErr, part)
	}
	if err != nil {
		return // left to the reference reader, as the book did
	}
	for i := range max(fast.len(), ref.len()) {
		if i >= fast.len() || i >= ref.len() || fast.at(i) != ref.at(i) {
			t.Fatalf("shared string %d differs: scanner %d strings, reference %d\n%s", i, fast.len(), ref.len(), part)
		}
	}
}

// excelizeCell is the cell excelize reads at p, as a Cell: its raw value and type, and
// whether it holds a formula. The style comes from the generator, since excelize's
// GetCellStyle takes a row's cells by position when they are out of order.
func excelizeCell(t *testing.T, f *excelize.File, p cellPos, g genBook, style int) Cell {
	t.Helper()
	ref := p.String()
	raw, err := f.GetCellValue("Sheet1", ref, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("excelize %s: %v", ref, err)
	}
	typ, err := f.GetCellType("Sheet1", ref)
	if err != nil {
		t.Fatalf("excelize %s: %v", ref, err)
	}
	formula, err := f.GetCellFormula("Sheet1", ref)
	if err != nil {
		t.Fatalf("excelize %s: %v", ref, err)
	}
	c := Cell{NumFmt: genNumFmts[style]}
	text := typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString ||
		typ == excelize.CellTypeFormula || typ == excelize.CellTypeDate
	switch {
	case formula != "" && (g.fullCalc || raw == "" && !text):
		c.Kind, c.Formula = FormulaNoValue, formula
	case raw == "":
		return Cell{}
	case text:
		c.Kind, c.Value = Text, raw
	case typ == excelize.CellTypeBool:
		c.Kind, c.Value = Boolean, raw
	case typ == excelize.CellTypeError:
		c.Kind, c.Value = ErrorValue, raw
	default:
		c.Kind, c.Value, c.Date1904 = Number, raw, g.date1904
	}
	return c
}

// xmlName: a prefix the generator can bind (xml… names are reserved; r, x14ac and y it binds itself).
func xmlName(prefix string) bool {
	if prefix == "" {
		return true
	}
	name, ok := strings.CutSuffix(prefix, ":")
	if !ok || name == "" || strings.HasPrefix(strings.ToLower(name), "xml") || name == "r" || name == "x14ac" || name == "y" {
		return false
	}
	for i, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
