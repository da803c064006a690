package measure

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// mergedBook writes rows and merges the given ranges, as staff lay out a 申报表.
func mergedBook(t *testing.T, merges [][2]string, rows ...[]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range merges {
		if err := f.MergeCell("Sheet1", m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "merged.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// A merged "2023年" over "产值(万元)" and "增加值率(%)", names and codes merged down over
// both header rows: the header reads as 2023年产值(万元), 2023年增加值率(%).
func TestTwoRowHeader(t *testing.T) {
	path := mergedBook(t, [][2]string{{"A1", "E1"}, {"A2", "A3"}, {"B2", "B3"}, {"C2", "C3"}, {"D2", "E2"}},
		[]any{"2024年增加值率奖励测算表"},
		[]any{"序号", "企业名称", "统一社会信用代码", "2023年"},
		[]any{nil, nil, nil, "产值(万元)", "增加值率(%)"},
		[]any{1, "甲", codeA, 60000, 24},
		[]any{2, "乙", codeB, 50000, 23},
	)
	got, err := runJSON(t, ValueAdd, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []decision{{"甲", codeA, "awarded", "50000.00"}, {"乙", codeB, "awarded", "30000.00"}}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

// A company and its code merged down over its project rows give every row the company:
// each project is that company's, none is "代码为空".
func TestMergedDownIdentity(t *testing.T) {
	path := mergedBook(t, [][2]string{{"A2", "A4"}, {"B2", "B4"}, {"A5", "A6"}, {"B5", "B6"}},
		[]any{"企业名称", "统一社会信用代码", "项目名称", "开工时间", "省级技改补助(元)", "市级技改补助(元)"},
		[]any{"甲", codeA, "一期", "2024-01-10", 100000, nil},
		[]any{nil, nil, "二期", "2024-02-10", nil, 50000},
		[]any{nil, nil, "三期", "2024-04-10", 100000, nil},
		[]any{"乙", codeB, "改造", "2024-03-01", 10000, nil},
		[]any{nil, nil, "改造", "2024-03-02", 10000, nil}, // the same project twice: a duplicate
	)
	got, err := runJSON(t, TechReform, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []decision{
		{"甲", codeA, "awarded", "30000.00"},
		{"甲", codeA, "awarded", "10000.00"},
		{"甲", codeA, "not_eligible", "0.00"},
		{"乙", codeB, "invalid", "0.00"},
		{"乙", codeB, "invalid", "0.00"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d: got %+v, want %+v", i+2, got[i], want[i])
		}
	}
}

// A subsidy merged down over two projects is one subsidy, as Excel's SUM counts it: it goes
// with the first project, never to both.
func TestMergedDownAmountIsPaidOnce(t *testing.T) {
	path := mergedBook(t, [][2]string{{"E2", "E3"}},
		[]any{"企业名称", "统一社会信用代码", "项目名称", "开工时间", "省级技改补助(元)", "市级技改补助(元)"},
		[]any{"甲", codeA, "一期", "2024-01-10", 100000, nil},
		[]any{"甲", codeA, "二期", "2024-02-10", nil, 50000},
	)
	got, err := runJSON(t, TechReform, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []decision{{"甲", codeA, "awarded", "30000.00"}, {"甲", codeA, "awarded", "10000.00"}}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

// A group cell over sub-headers that are whole headers themselves: the sub-headers are read.
func TestTwoRowHeaderOfWholeHeaders(t *testing.T) {
	path := mergedBook(t, [][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "C2"}, {"D1", "D2"}, {"E1", "F1"}},
		[]any{"企业名称", "统一社会信用代码", "项目名称", "开工时间", "获得补助情况"},
		[]any{nil, nil, nil, nil, "省级技改补助(元)", "市级技改补助(元)"},
		[]any{"甲", codeA, "一期", "2024-01-10", 100000, 50000},
	)
	got, err := runJSON(t, TechReform, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Award != "40000.00" {
		t.Errorf("got %+v, want one row awarded 40000.00", got)
	}
}
