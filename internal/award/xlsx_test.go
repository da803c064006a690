package award

import (
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/changle/subsidy/internal/table"
	"github.com/changle/subsidy/internal/workbook"
)

var testSpec = table.Spec{Fields: []table.Field{
	{Key: "name", Header: "企业名称", Kind: table.KindText, Presence: table.Required},
	{Key: "code", Header: "统一社会信用代码", Kind: table.KindCode, Presence: table.Required},
	{Key: "output", Header: "2023年产值(万元)", Kind: table.KindMoney, Presence: table.Required},
	{Key: "value_added_rate", Header: "增加值率(%)", Kind: table.KindPercent, Presence: table.Optional},
}}

// build writes a workbook from rows of cells and returns its path.
func build(t *testing.T, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "in.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func readTable(t *testing.T, path string) *table.Table {
	t.Helper()
	src, err := workbook.Open(path, "", workbook.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { src.Close() })
	tbl, err := table.ReadTable(src, testSpec, table.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return tbl
}

// dataRows scans a table and keeps copies of its data rows.
func dataRows(t *testing.T, tbl *table.Table) []table.Row {
	t.Helper()
	var rows []table.Row
	err := tbl.Scan(func(l table.Line) error {
		if l.Kind == table.DataLine {
			rows = append(rows, table.Row{Num: l.Row.Num, Cells: append([]workbook.Cell(nil), l.Row.Cells...)})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// The award workbook reads back with the same statuses and amounts, its own result
// columns dropped, and a <dimension> covering every row.
func TestWriteXLSXRoundTrip(t *testing.T) {
	path := build(t, [][]any{
		{"企业名称", "统一社会信用代码", "2023年产值(万元)", "增加值率(%)", "联系人"},
		{"甲", "913501127300791959", 60000, 24, "=cmd"},
		{"乙", "91350112730158387M", 60000, 23},
	})
	tbl := readTable(t, path)
	rows := dataRows(t, tbl)
	outcomes := []Outcome{
		{Status: Awarded, Award: decimal.RequireFromString("12345.68"), Clause: "第7条", Reasons: []string{"奖励"}},
		{Status: NotEligible, Award: decimal.Zero, Clause: "第7条", Reasons: []string{"不符合"}},
	}
	report := NewReport("valueadd", "增加值率奖励", "第7条", tbl)
	var buf bytes.Buffer
	w, err := NewXLSXWriter(&buf, report, Extents{LastRow: 3, LastDataRow: 3})
	if err != nil {
		t.Fatal(err)
	}
	err = tbl.Scan(func(l table.Line) error {
		if l.Kind != table.DataLine {
			return w.Line(l, nil)
		}
		res := Result{Row: l.Row, Outcome: outcomes[l.Row.Num-2]}
		report.Add(res)
		return w.Line(l, &res)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(report); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out.xlsx")
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// A 合计 row of its own follows the rows, the input having none: the sum of the awards.
	if dim, _ := f.GetSheetDimension("明细"); dim != "A1:I4" {
		t.Errorf("dimension %q, want A1:I4", dim)
	}
	if label, _ := f.GetCellValue("明细", "A4"); label != "合计" {
		t.Errorf("A4 %q, want 合计", label)
	}
	if v, _ := f.GetCellValue("明细", "G4", excelize.Options{RawCellValue: true}); v != "12345.68" {
		t.Errorf("合计 %q, want 12345.68", v)
	}
	if v, _ := f.GetCellValue("明细", "G2", excelize.Options{RawCellValue: true}); v != "12345.68" {
		t.Errorf("award cell %q, want 12345.68", v)
	}
	if typ, _ := f.GetCellType("明细", "E2"); typ == excelize.CellTypeFormula {
		t.Error("text starting with = became a formula")
	}
	again := readTable(t, out)
	if n := len(dataRows(t, again)); n != 2 || len(again.Dropped) != 4 {
		t.Errorf("re-read: %d rows, %d result columns dropped; want 2 and 4", n, len(again.Dropped))
	}
	if rows[0].Num != 2 {
		t.Errorf("first data row %d", rows[0].Num)
	}
}

// The row serialiser escapes text exactly as encoding/xml does.
func TestAppendEscapedMatchesEncodingXML(t *testing.T) {
	for _, s := range []string{"", "plain", "福州长乐甲纺织有限公司", `a&b<c>d"e'f`, "tab\there\nline\rret", "\x01ctl", "bad\xffutf8", "\uFFFE", "😀", "\uFFFD"} {
		var want bytes.Buffer
		xml.EscapeText(&want, []byte(s))
		if got := string(appendEscaped(nil, s)); got != want.String() {
			t.Errorf("%q: got %q, want %q", s, got, want.String())
		}
	}
}

// An award written into a number cell reads back as the same amount through a double.
func TestExactNumber(t *testing.T) {
	for _, s := range []string{"0", "0.01", "12345.68", "9999999999999.99", "199999.99", "30000000.00", "0.1"} {
		v := decimal.RequireFromString(s)
		text, err := exactNumber(v)
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		f, _ := strconv.ParseFloat(text, 64)
		if !decimal.NewFromFloat(f).Equal(v) {
			t.Errorf("%s written %s reads back as %v", s, text, f)
		}
	}
}
