package table

import (
	"github.com/changle/subsidy/internal/workbook"

	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A hidden sheet that fits is passed over for the visible one after it; --sheet still names it.
func TestHiddenSheetsAreNotChosen(t *testing.T) {
	for _, veryHidden := range []bool{false, true} {
		path := build(t, [][]any{
			{"企业名称", "统一社会信用代码", "2023年产值(万元)"},
			{"隐藏表里的甲", "913501127300791959", 1},
		}, func(f *excelize.File) {
			f.NewSheet("申报表")
			f.SetSheetRow("申报表", "A1", &[]any{"企业名称", "统一社会信用代码", "2023年产值(万元)"})
			f.SetSheetRow("申报表", "A2", &[]any{"乙", "91350112730158387M", 60000})
			f.SetActiveSheet(1)
			if err := f.SetSheetVisible("Sheet1", false, veryHidden); err != nil {
				t.Fatal(err)
			}
		})
		table := readTable(t, path, ReadOptions{})
		rows := dataRows(t, table)
		if table.Sheet != "申报表" || len(rows) != 1 || rows[0].Cell(0).Value != "乙" {
			t.Errorf("veryHidden %v: read %q rows %v, want 申报表's row", veryHidden, table.Sheet, rows)
		}
		named := readTable(t, path, ReadOptions{Sheet: "Sheet1"})
		if rows := dataRows(t, named); len(rows) != 1 || rows[0].Cell(0).Value != "隐藏表里的甲" {
			t.Errorf("veryHidden %v: --sheet Sheet1 read %v", veryHidden, rows)
		}
	}
}

// When only a hidden sheet fits, the error says it was not read and how to read it.
func TestOnlyHiddenSheetFits(t *testing.T) {
	path := build(t, [][]any{{"企业名称", "统一社会信用代码", "2023年产值(万元)"}}, func(f *excelize.File) {
		f.NewSheet("说明")
		f.SetActiveSheet(1)
		f.SetSheetVisible("Sheet1", false)
	})
	b, err := workbook.Open(path, "", workbook.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	_, err = ReadTable(b, testSpec, ReadOptions{})
	if err == nil || !strings.Contains(err.Error(), "隐藏的工作表“Sheet1”未读取") || !strings.Contains(err.Error(), "--sheet") {
		t.Errorf("got %v, want an error naming the hidden sheet and --sheet", err)
	}
}
