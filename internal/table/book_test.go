package table

import (
	"github.com/changle/subsidy/internal/workbook"

	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

var testSpec = Spec{Fields: []Field{
	{Key: "name", Header: "企业名称", Kind: KindText, Presence: Required},
	{Key: "code", Header: "统一社会信用代码", Kind: KindCode, Presence: Required},
	{Key: "above_scale", Header: "是否规上工业企业", Kind: KindYesNo, Presence: AssumedYes},
	{Key: "output", Header: "2023年产值(万元)", Kind: KindMoney, Presence: Required, Synonyms: []string{"2023年工业总产值"}},
	{Key: "value_added_rate", Header: "增加值率(%)", Kind: KindPercent, Presence: Optional},
}}

// build writes a workbook from rows of cells (nil = no cell) and returns its path.
func build(t *testing.T, rows [][]any, edit func(f *excelize.File)) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if edit != nil {
		edit(f)
	}
	path := filepath.Join(t.TempDir(), "in.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func readTable(t *testing.T, path string, opts ReadOptions) *Table {
	t.Helper()
	b, err := workbook.Open(path, "", workbook.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	table, err := ReadTable(b, testSpec, opts)
	if err != nil {
		t.Fatal(err)
	}
	return table
}

// dataRows scans a table and keeps copies of its data rows.
func dataRows(t *testing.T, table *Table) []Row {
	t.Helper()
	var rows []Row
	err := table.Scan(func(l Line) error {
		if l.Kind == DataLine {
			rows = append(rows, Row{l.Row.Num, append([]workbook.Cell(nil), l.Row.Cells...)})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestReadTableFindsHeaderBelowTitles(t *testing.T) {
	path := build(t, [][]any{
		{"2024年增加值率奖励测算表"},
		{"填报单位（盖章）：", nil, nil, "单位：万元"},
		{"序号", "企业名称", "统一社会信用代码", "2023年产值", "增加值率\n（%）", "联系人"},
		{1, "甲", "913501127300791959", 60000, 0.24, "张三"},
		{},
		{2, "乙", "91350112730158387M", 1, 25},
		{"合 计", nil, nil, 60001},
		{"注：数据来自联网直报"},
	}, func(f *excelize.File) {
		pct, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
		f.SetCellStyle("Sheet1", "E4", "E4", pct)
		f.MergeCell("Sheet1", "A1", "F1")
	})
	table := readTable(t, path, ReadOptions{})
	if table.HeaderRow != 3 {
		t.Fatalf("header row %d, want 3", table.HeaderRow)
	}
	if col := table.Columns["output"]; col.Unit.Name != "万元" || col.UnitBy != "单位行" {
		t.Errorf("output unit %+v, want 万元 from the 单位 line", col)
	}
	if len(table.Assumed) != 1 || table.Assumed[0].Key != "above_scale" {
		t.Errorf("assumed %+v, want above_scale", table.Assumed)
	}
	rows := dataRows(t, table)
	if len(rows) != 2 || rows[0].Num != 4 || rows[1].Num != 6 {
		t.Errorf("data rows %v", rows)
	}
	if table.Skipped != (Skipped{Blank: 1, Total: 1, Notes: 1}) {
		t.Errorf("skipped %+v", table.Skipped)
	}
	rate, _, err := ParsePercent(rows[0].Cell(table.Columns["value_added_rate"].Index))
	if err != nil || !rate.Equal(decimal.NewFromInt(24)) {
		t.Errorf("percent-formatted 0.24 read as %s %v, want 24", rate, err)
	}
}

func TestReadTableCellKinds(t *testing.T) {
	path := build(t, [][]any{
		{"企业名称", "统一社会信用代码", "2023年产值(万元)", "增加值率(%)"},
		{"甲", "913501127300791959", nil, 24},
	}, func(f *excelize.File) {
		f.SetCellFormula("Sheet1", "C2", "A9*2")
		f.SetCellFormula("Sheet1", "D2", "1/0")
	})
	table := readTable(t, path, ReadOptions{})
	row := dataRows(t, table)[0]
	if c := row.Cell(2); c.Kind != workbook.FormulaNoValue {
		t.Errorf("formula without a saved result read as %+v", c)
	}
	if c := row.Cell(1); c.Kind != workbook.Text || c.Value != "913501127300791959" {
		t.Errorf("code cell %+v", c)
	}
}

func TestReadTableErrors(t *testing.T) {
	cases := []struct {
		name string
		rows [][]any
		want string
	}{
		{"no header", [][]any{{"a", "b"}, {1, 2}}, "找不到表头"},
		{"missing column", [][]any{{"企业名称", "统一社会信用代码", "增加值率(%)"}}, "缺少必需的列：2023年产值(万元)"},
		{"no unit", [][]any{{"企业名称", "统一社会信用代码", "2023年产值"}}, "没有注明单位"},
		{"wrong unit", [][]any{{"企业名称", "统一社会信用代码", "2023年产值(千瓦时)"}}, "不是金额单位"},
		{"same field twice", [][]any{{"企业名称", "统一社会信用代码", "2023年产值(万元)", "2023年工业总产值(万元)"}}, "都是2023年产值(万元)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, err := workbook.Open(build(t, c.rows, nil), "", workbook.DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			_, err = ReadTable(b, testSpec, ReadOptions{})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one containing %q", err, c.want)
			}
		})
	}
}

// rowsSource is a Source of rows given in the order a broken file might hold them.
type rowsSource struct{ rows []Row }

func (r rowsSource) SheetNames() []string           { return []string{"Sheet1"} }
func (r rowsSource) Hidden(string) bool             { return false }
func (r rowsSource) Merges(string) []workbook.Range { return nil }
func (r rowsSource) Close() error                   { return nil }
func (r rowsSource) Rows(_ string, fn func(int, []workbook.Cell) error) error {
	for _, row := range r.rows {
		if err := fn(row.Num, row.Cells); err != nil {
			return err
		}
	}
	return nil
}

func TestRowsOutOfOrderAreRefused(t *testing.T) {
	text := func(vs ...string) []workbook.Cell {
		var cells []workbook.Cell
		for _, v := range vs {
			cells = append(cells, workbook.Cell{Kind: workbook.Text, Value: v})
		}
		return cells
	}
	src := rowsSource{[]Row{
		{1, text("企业名称", "统一社会信用代码", "2023年产值(万元)", "增加值率(%)")},
		{3, text("乙", "91350112730158387M", "60000", "24")},
		{2, text("甲", "913501127300791959", "60000", "24")},
	}}
	table, err := ReadTable(src, testSpec, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	err = table.Scan(func(Line) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "行序异常") {
		t.Errorf("got %v, want an error about row order", err)
	}
}

func TestUnitLineInsideTitle(t *testing.T) {
	path := build(t, [][]any{
		{"2024年增加值率奖励测算表（单位：万元）"},
		{"企业名称", "统一社会信用代码", "2023年产值", "增加值率(%)"},
		{"甲", "913501127300791959", 60000, 24},
	}, nil)
	table := readTable(t, path, ReadOptions{})
	if col := table.Columns["output"]; col.Unit.Name != "万元" {
		t.Errorf("unit %q, want 万元 from the title's 单位", col.Unit.Name)
	}
}

// A 合计 label after a 联系人 column still marks the total row; a data row with a code
// is never taken for one, whatever its remark says.
func TestTotalRowLabelNotFirst(t *testing.T) {
	path := build(t, [][]any{
		{"联系人", "企业名称", "统一社会信用代码", "2023年产值(万元)", "增加值率(%)", "备注"},
		{"张三", "甲", "913501127300791959", 60000, 24, "合计"},
		{"李四", "合计", nil, 60000},
	}, nil)
	rows := dataRows(t, readTable(t, path, ReadOptions{}))
	if len(rows) != 1 || rows[0].Num != 2 {
		t.Errorf("data rows %v, want row 2 only", rows)
	}
}

// A row is blank only when every cell is: a first cell of spaces does not hide the data
// after it, and a formula without a saved result is not blank.
func num(v string) workbook.Cell  { return workbook.Cell{Kind: workbook.Number, Value: v} }
func text(v string) workbook.Cell { return workbook.Cell{Kind: workbook.Text, Value: v} }

func TestRowsBehindSpacesAndFormulasAreData(t *testing.T) {
	src := rowsSource{[]Row{
		{1, []workbook.Cell{text("联系人"), text("企业名称"), text("统一社会信用代码"), text("2023年产值(万元)")}},
		{2, []workbook.Cell{text("  "), text("甲"), text("913501127300791959"), num("60000")}},
		{3, []workbook.Cell{{Kind: workbook.FormulaNoValue, Formula: "ROW()-1"}}},
		{4, []workbook.Cell{text(" "), {}, text("\u3000")}},
		{5, []workbook.Cell{{}, text("乙"), text("91350112730158387M"), num("1")}},
	}}
	table, err := ReadTable(src, testSpec, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var nums []int
	for _, r := range dataRows(t, table) {
		nums = append(nums, r.Num)
	}
	if !slices.Equal(nums, []int{2, 3, 5}) || table.Skipped.Blank != 1 {
		t.Errorf("data rows %v, skipped %+v; want rows 2, 3 and 5, one blank", nums, table.Skipped)
	}
}
