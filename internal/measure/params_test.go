package measure

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/changle/subsidy/internal/award"
	"github.com/changle/subsidy/internal/policy"
)

// 参数 marks each parameter --set changed with its original, in place among the measure's own,
// and lists after them, in the policy's order, a change to another part of it.
func TestParamSettingsMarkOverrides(t *testing.T) {
	p, err := policy.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	overrides, err := p.Override([]string{"stablejobs.award=5万元", "powerbonus.cap=25万元", "periods.year=2024年"})
	if err != nil {
		t.Fatal(err)
	}
	got := paramSettings(p, []Measure{StableJobs}, overrides)
	want := []award.Setting{
		{Item: "stablejobs.clause", Value: "23", Note: "第23条"},
		{Item: "stablejobs.name", Value: "稳定就业奖补", Note: "第23条"},
		{Item: "stablejobs.output_ratio_min.value", Value: "90%", Note: "第23条"},
		{Item: "stablejobs.output_ratio_min.inclusive", Value: "true", Note: "第23条"},
		{Item: "stablejobs.headcount_ratio_min.value", Value: "90%", Note: "第23条"},
		{Item: "stablejobs.headcount_ratio_min.inclusive", Value: "true", Note: "第23条"},
		{Item: "stablejobs.award", Value: "5万元", Note: "第23条；已用 --set 改为 5万元（原为 未规定）"},
		{Item: "periods.year", Value: "2024年", Note: "已用 --set 改为 2024年（原为 2024年）"},
		{Item: "powerbonus.cap", Value: "25万元", Note: "第8条；已用 --set 改为 25万元（原为 20万元）"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}
