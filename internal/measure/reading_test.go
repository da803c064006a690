package measure

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/changle/subsidy/internal/policy"
)

type decision struct{ Name, Code, Status, Award string }

// runJSON runs a measure on a file and returns each row's decision.
func runJSON(t *testing.T, m Measure, input string, opts Options) ([]decision, error) {
	t.Helper()
	p, err := policy.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	opts.Input, opts.Output, opts.Format, opts.Policy, opts.Now, opts.Stdout = input, "-", "json", p, time.Unix(0, 0), &out
	if _, err := Run(m, opts); err != nil {
		return nil, err
	}
	var got []decision
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if line == "" {
			continue
		}
		var d decision
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatal(err)
		}
		got = append(got, d)
	}
	return got, nil
}

type cellSpec struct {
	ref   string
	value any
	fmtID int // built-in number format, 0 = General
}

func writeBook(t *testing.T, name string, cells []cellSpec, opts ...excelize.Options) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for _, c := range cells {
		if err := f.SetCellValue("Sheet1", c.ref, c.value); err != nil {
			t.Fatal(err)
		}
		if c.fmtID != 0 {
			style, _ := f.NewStyle(&excelize.Style{NumFmt: c.fmtID})
			f.SetCellStyle("Sheet1", c.ref, c.ref, style)
		}
	}
	path := filepath.Join(t.TempDir(), name)
	if err := f.SaveAs(path, opts...); err != nil {
		t.Fatal(err)
	}
	return path
}

// rowsAt lays out rows of values from a starting row.
func rowsAt(first int, rows ...[]any) []cellSpec {
	var cells []cellSpec
	for i, r := range rows {
		for j, v := range r {
			if v == nil {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(j+1, first+i)
			if pct, ok := v.(percentCell); ok {
				cells = append(cells, cellSpec{ref, float64(pct), 10})
				continue
			}
			cells = append(cells, cellSpec{ref, v, 0})
		}
	}
	return cells
}

type percentCell float64

// A staff workbook — two title rows, full-width bracketed headers with line breaks,
// output in 亿元, percent-formatted rates, columns reordered, a 合计 and a 注 row —
// gives the same awards as the same data in template layout.
func TestStaffLayoutGivesTemplateAwards(t *testing.T) {
	template := writeBook(t, "template.xlsx", rowsAt(1,
		[]any{"序号", "企业名称", "统一社会信用代码", "所属乡镇(街道)", "是否规上工业企业", "2023年产值(万元)", "增加值率(%)", "备注"},
		[]any{1, "甲", "913501127300791959", "航城街道", "是", 60000, 24, nil},
		[]any{2, "乙", "91350112730158387M", "金峰镇", "是", 50000, 23.99, nil},
		[]any{3, "丙", "913501127302375792", "金峰镇", "否", 70000, 30, nil},
		[]any{4, "丁", "913501127303959560", "潭头镇", "是", 49999.99, 25, nil},
		[]any{5, "戊", "91350112730475147P", "潭头镇", "是", 9999.99, 30, nil},
	))
	staff := writeBook(t, "staff.xlsx", rowsAt(1,
		[]any{"长乐区2024年一季度规上工业企业增加值率奖励汇总表"},
		[]any{"填报单位（盖章）：区工信局", nil, nil, nil, "填报日期：2024年4月"},
		[]any{"联系人", "增加值率\n（％）", "２０２３年产值\n（亿元）", "统一社会\n信用代码", "企业（单位）\n名称", "是否\n规上工业企业", "镇街"},
		[]any{"张三", percentCell(0.24), 6, "913501127300791959", "甲", "是", "航城街道"},
		[]any{nil, percentCell(0.2399), 5, "91350112730158387M", "乙", "√", "金峰镇"},
		[]any{nil, percentCell(0.30), 7, "913501127302375792", "丙", "×", "金峰镇"},
		[]any{nil, "25%", "4.999999", "913501127303959560", "丁", "Y", "潭头镇"},
		[]any{nil, percentCell(0.30), 0.0999999, "91350112730475147P", "戊", "是", "潭头镇"},
		[]any{"合计", nil, 23.0999989},
		[]any{"注：增加值率取自成本费用调查表。"},
	))
	want, err := runJSON(t, ValueAdd, template, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := runJSON(t, ValueAdd, staff, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("staff layout differs from template (-template +staff):\n%s", diff)
	}
}

func TestCSVInputInGBK(t *testing.T) {
	text := "企业名称,统一社会信用代码,2023年产值(万元),增加值率(%)\r\n甲,913501127300791959,\"60,000\",24\r\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "gbk.csv")
	if err := os.WriteFile(path, []byte(gbk), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := runJSON(t, ValueAdd, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Name != "甲" || got[0].Award != "50000.00" {
		t.Errorf("GBK CSV read as %+v", got)
	}
}

func TestPasswordProtectedWorkbook(t *testing.T) {
	path := writeBook(t, "locked.xlsx", rowsAt(1,
		[]any{"企业名称", "统一社会信用代码", "2023年产值(万元)", "增加值率(%)"},
		[]any{"甲", "913501127300791959", 60000, 24},
	), excelize.Options{Password: "cl2024"})
	if _, err := runJSON(t, ValueAdd, path, Options{}); err == nil || !strings.Contains(err.Error(), "--password") {
		t.Errorf("without password: %v", err)
	}
	if _, err := runJSON(t, ValueAdd, path, Options{Password: "wrong"}); err == nil || !strings.Contains(err.Error(), "无法用所给密码解密") {
		t.Errorf("wrong password: %v", err)
	}
	got, err := runJSON(t, ValueAdd, path, Options{Password: "cl2024"})
	if err != nil || len(got) != 1 || got[0].Award != "50000.00" {
		t.Errorf("with password: %+v %v", got, err)
	}
}

func TestTruncatedWorkbook(t *testing.T) {
	good := writeBook(t, "good.xlsx", rowsAt(1, []any{"企业名称"}))
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "cut.xlsx")
	if err := os.WriteFile(path, data[:len(data)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := runJSON(t, ValueAdd, path, Options{}); err == nil || !strings.Contains(err.Error(), "已损坏或不完整") {
		t.Errorf("truncated zip: %v", err)
	}
}

// Excel error values and formulas without a saved result are invalid with a reason, never 0.
func TestUnreadableCellsAreInvalid(t *testing.T) {
	path := writeBook(t, "errs.xlsx", rowsAt(1,
		[]any{"企业名称", "统一社会信用代码", "2023年产值(万元)", "增加值率(%)"},
		[]any{"甲", "913501127300791959", 60000, 24},
		[]any{"乙", "91350112730158387M", 60000, 24},
	))
	patchSheet(t, path, func(xml string) string {
		xml = strings.Replace(xml, `<c r="C2"><v>60000</v></c>`, `<c r="C2"><f>A9*2</f></c>`, 1)
		return strings.Replace(xml, `<c r="D3"><v>24</v></c>`, `<c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c>`, 1)
	})
	got, err := runJSON(t, ValueAdd, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got[0].Status != "invalid" || got[1].Status != "invalid" {
		t.Errorf("got %+v, want both invalid", got)
	}
}

// patchSheet rewrites sheet1's XML inside an xlsx; the edit must change it.
func patchSheet(t *testing.T, path string, edit func(string) string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		r, _ := f.Open()
		var content bytes.Buffer
		content.ReadFrom(r)
		r.Close()
		data := content.String()
		if f.Name == "xl/worksheets/sheet1.xml" {
			patched := edit(data)
			if patched == data {
				t.Fatalf("patch did not apply to:\n%s", data)
			}
			data = patched
		}
		w, _ := zw.Create(f.Name)
		w.Write([]byte(data))
	}
	zr.Close()
	zw.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
