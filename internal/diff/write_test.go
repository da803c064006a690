package diff

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/changle/subsidy/internal/award"
	"github.com/changle/subsidy/internal/measure"
)

func techreformResult(t *testing.T) *Result {
	known := []bool{true}
	old := output("old.xlsx", measure.TechReform, known,
		row("A", []string{"一号线"}, award.Awarded, "10000"), row("B", []string{"烘干线"}, award.Awarded, "8000.5"))
	new := output("new.jsonl", measure.TechReform, known,
		row("A", []string{"一号线"}, award.Awarded, "15000"), row("C", []string{"<新>&线"}, award.Pending, "0"))
	return compare(t, old, new)
}

// One record per claim that differs, then one per measure; amounts as strings, a missing side null.
func TestWriteJSONLines(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSONLines(&buf, techreformResult(t)); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	want := []string{
		`{"type":"claim","change":"changed","measure":"techreform","clause":"第14条","name":"企业A","code":"A","project":"一号线","old_status":"awarded","old_award":"10000.00","old_reasons":"说明10000","old_row":0,"new_status":"awarded","new_award":"15000.00","new_reasons":"说明15000","new_row":0,"difference":"5000.00"}`,
		`{"type":"claim","change":"only_in_old","measure":"techreform","clause":"第14条","name":"企业B","code":"B","project":"烘干线","old_status":"awarded","old_award":"8000.50","old_reasons":"说明8000.5","old_row":0,"new_status":null,"new_award":null,"new_reasons":null,"new_row":null,"difference":"-8000.50"}`,
		`{"type":"claim","change":"only_in_new","measure":"techreform","clause":"第14条","name":"企业C","code":"C","project":"<新>&线","old_status":null,"old_award":null,"old_reasons":null,"old_row":null,"new_status":"pending","new_award":"0.00","new_reasons":"说明0","new_row":0,"difference":"0.00"}`,
		`{"type":"measure","measure":"techreform","clause":"第14条","in_old":true,"in_new":true,"old_rows":2,"new_rows":2,"old_counts":{"awarded":2,"not_eligible":0,"pending":0,"invalid":0},"new_counts":{"awarded":1,"not_eligible":0,"pending":1,"invalid":0},"old_total":"18000.50","new_total":"15000.00","difference":"-3000.50","changed":1,"only_in_old":1,"only_in_new":1}`,
	}
	if len(lines) != len(want) {
		t.Fatalf("%d lines:\n%s", len(lines), buf.String())
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d:\n got %s\nwant %s", i+1, lines[i], want[i])
		}
		if !json.Valid([]byte(lines[i])) {
			t.Errorf("line %d is not JSON", i+1)
		}
	}
}

// 变化明细 has a row per claim that differs, 预算对比 the totals, their difference and a 合计.
func TestWriteXLSX(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, techreformResult(t)); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "变化明细,预算对比" {
		t.Errorf("sheets %s", got)
	}
	changes, err := f.GetRows("变化明细", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) != 4 || strings.Join(changes[0][:6], ",") != "措施,政策条款,变化,企业名称,统一社会信用代码,项目名称" {
		t.Fatalf("变化明细 %v", changes)
	}
	if got := strings.Join(changes[1][:11], ","); got != "技改配套奖励,第14条,状态或金额变化,企业A,A,一号线,予以奖励,10000,予以奖励,15000,5000" {
		t.Errorf("row 2: %s", got)
	}
	if got := strings.Join(changes[3][:9], ","); got != "技改配套奖励,第14条,仅在新结果,企业C,C,<新>&线,,,待补充" {
		t.Errorf("row 4: %s", got)
	}
	budget, err := f.GetRows("预算对比", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(budget[1], ","); got != "技改配套奖励,第14条,2,2,2,1,18000.5,15000,-3000.5,1,1,1" {
		t.Errorf("budget: %s", got)
	}
	if budget[2][0] != "合计" || budget[2][8] != "-3000.5" || budget[4][1] != "old.xlsx" || budget[5][1] != "new.jsonl" {
		t.Errorf("budget rows %v", budget)
	}
}

// The terminal shows each change with both reasons, and the budget.
func TestWriteText(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteText(&buf, techreformResult(t)); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"技改配套奖励（第14条）：状态或金额变化 1 项，仅在原结果 1 项，仅在新结果 1 项",
		"状态或金额变化  企业A  统一社会信用代码 A，项目名称 一号线\n    予以奖励 10,000.00 → 予以奖励 15,000.00，差额 +5,000.00\n    原：说明10000\n    新：说明15000",
		"仅在原结果  企业B  统一社会信用代码 B，项目名称 烘干线\n    予以奖励 8,000.50 → （无），差额 -8,000.50",
		"技改配套奖励：原 18,000.50（予以奖励 2 行）→ 新 15,000.00（予以奖励 1 行），差额 -3,000.50",
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("no %q in\n%s", want, buf.String())
		}
	}
}
