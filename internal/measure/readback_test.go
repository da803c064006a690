package measure

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/changle/subsidy/internal/award"
	"github.com/changle/subsidy/internal/policy"
	"github.com/changle/subsidy/internal/workbook"
)

// The award workbook and the JSON Lines of one run read back as the same decisions, row by
// row: claims, statuses, awards to the 分 and explanations (JSON Lines hold no recruit place).
func TestReadOutputWorkbookEqualsJSONLines(t *testing.T) {
	p, err := policy.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, m := range Registry {
		t.Run(m.Key, func(t *testing.T) {
			input := filepath.Join("..", "..", "testdata", m.Key+".xlsx")
			read := map[string][]Decisions{}
			for _, ext := range []string{".xlsx", ".jsonl"} {
				out := filepath.Join(dir, m.Key+ext)
				if _, err := Run(m, Options{Input: input, Output: out, Policy: p, Now: time.Unix(0, 0)}); err != nil {
					t.Fatal(err)
				}
				d, err := ReadOutput(context.Background(), out, p, workbook.Limits{})
				if err != nil {
					t.Fatal(err)
				}
				if len(d) != 1 || d[0].Measure.Key != m.Key || len(d[0].Rows) == 0 {
					t.Fatalf("%s: read %d measures", ext, len(d))
				}
				read[ext] = d
			}
			book, lines := read[".xlsx"][0], read[".jsonl"][0]
			for i, c := range m.Claim {
				if c.JSON == "" {
					if !book.Known[i] || lines.Known[i] {
						t.Errorf("claim field %s known: workbook %v, JSON Lines %v", c.Field, book.Known[i], lines.Known[i])
					}
					for j := range book.Rows {
						book.Rows[j].Claim[i] = "" // what JSON Lines cannot say
					}
				}
			}
			if d := cmp.Diff(book.Rows, lines.Rows, cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })); d != "" {
				t.Errorf("workbook and JSON Lines read differently (-xlsx +jsonl):\n%s", d)
			}
		})
	}
}

// recruit's workbook holds each event's place as read, so 外省 and 省外 are one place.
func TestReadOutputRecruitPlace(t *testing.T) {
	p, err := policy.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "r.xlsx")
	if _, err := Run(Recruit, Options{Input: filepath.Join("..", "..", "testdata", "recruit.xlsx"), Output: out, Policy: p, Now: time.Unix(0, 0)}); err != nil {
		t.Fatal(err)
	}
	d, err := ReadOutput(context.Background(), out, p, workbook.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range d[0].Rows {
		if place := r.Claim[1]; r.Status == award.Awarded && place != "省内" && place != "省外" {
			t.Errorf("row %d: place %q", r.Row, place)
		}
	}
}

// Files that are not outputs of this tool are refused, each naming the file and why.
func TestReadOutputRefuses(t *testing.T) {
	p, err := policy.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	record := `{"measure":"valueadd","clause":"第7条","sheet":"S","row":2,"name":"甲","code":"X","status":"awarded","award":"50000.00","reasons":[],"warnings":[]}`
	cases := []struct{ path, want string }{
		{filepath.Join("..", "..", "testdata", "valueadd.xlsx"), "没有“参数”工作表"},
		{write("cut.jsonl", record+"\n"+record[:40]), "第2行不是完整的 JSON 记录，文件可能不完整"},
		{write("other.jsonl", `{"id":1}`+"\n"), "第1行缺少 measure、code、status、award 或 reasons"},
		{write("measure.jsonl", strings.Replace(record, "valueadd", "bonus", 1)+"\n"), "第1行的措施“bonus”不是本工具的措施"},
		{write("status.jsonl", strings.Replace(record, `"awarded"`, `"paid"`, 1)+"\n"), "第1行的状态“paid”不是本工具写出的"},
		{write("award.jsonl", strings.Replace(record, `"50000.00"`, `"五万"`, 1)+"\n"), "第1行的奖励金额“五万”不是数字"},
		{write("table.csv", "企业名称,统一社会信用代码\n甲,X\n"), "没有“参数”工作表"},
		{filepath.Join(dir, "missing.xlsx"), "找不到文件"},
	}
	for _, c := range cases {
		_, err := ReadOutput(context.Background(), c.path, p, workbook.Limits{})
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), filepath.Base(c.path)) {
			t.Errorf("%s: %v, want %q", filepath.Base(c.path), err, c.want)
		}
	}
	if d, err := ReadOutput(context.Background(), write("empty.jsonl", ""), p, workbook.Limits{}); err != nil || len(d) != 0 {
		t.Errorf("JSON Lines of a sheet without rows: %v, %v", d, err)
	}
}

// The quarter's workbook (subsidy all) holds a 明细 sheet per measure, named by the measure's
// Chinese name: each is read as that measure's, in registry order, whatever the sheet order.
func TestReadOutputQuarterWorkbook(t *testing.T) {
	p, err := policy.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	f := excelize.NewFile()
	defer f.Close()
	sheets := map[string][][]any{
		"参数":     {{"项目", "值", "说明"}, {"措施", "全部", ""}},
		"增产增效奖励": {{"企业名称", "统一社会信用代码", "来源", "状态", "奖励金额(元)", "计算说明", "政策条款"}, {"乙", "91350112730158387M", "a.xlsx 增产", "予以奖励", 20000, "市级奖励…", "第8条"}},
		"增加值率奖励": {{"企业名称", "统一社会信用代码", "状态", "奖励金额(元)", "计算说明", "政策条款"}, {"甲", "913501127300791959", "予以奖励", 50000, "…", "第7条"}, {"丙", "913501127302375792", "不符合条件", 0, "…", "第7条"}},
		"公示名单":   {{"序号", "企业名称", "统一社会信用代码", "奖励金额(元)"}, {1, "甲", "913501127300791959", 50000}},
	}
	for _, name := range []string{"增产增效奖励", "增加值率奖励", "公示名单", "参数"} {
		if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for i, row := range sheets[name] {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow(name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "全部.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	d, err := ReadOutput(context.Background(), path, p, workbook.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d) != 2 || d[0].Measure.Key != "valueadd" || len(d[0].Rows) != 2 || d[1].Measure.Key != "powerbonus" || len(d[1].Rows) != 1 {
		t.Fatalf("read %+v", d)
	}
	if r := d[1].Rows[0]; r.Code != "91350112730158387M" || r.Status != award.Awarded || r.Award.String() != "20000" || r.Row != 2 {
		t.Errorf("powerbonus row %+v", r)
	}
}
