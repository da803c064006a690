package calc

import (
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// 第14条: start window ends and one day either side; shares, rounding, no cap, no floor.
func TestTechReform(t *testing.T) {
	p := builtin(t).TechReform
	cases := []struct {
		name       string
		start      Day
		prov, muni string
		status     Status
		award      string
	}{
		{"both subsidies", date("2024-01-10"), "1000000", "500000", Awarded, "400000.00"},
		{"window start", date("2024-01-01"), "100", "0", Awarded, "30.00"},
		{"day before window", date("2023-12-31"), "100", "0", NotEligible, "0.00"},
		{"window end", date("2024-03-31"), "0", "100", Awarded, "20.00"},
		{"day after window", date("2024-04-01"), "0", "100", NotEligible, "0.00"},
		{"half-up: 333333.33 × 20% = 66666.666 → 66666.67", date("2024-02-01"), "0", "333333.33", Awarded, "66666.67"},
		{"down: 123456.78 × 30% = 37037.034 → 37037.03", date("2024-02-01"), "123456.78", "0", Awarded, "37037.03"},
		{"no cap", date("2024-02-01"), "100000000", "0", Awarded, "30000000.00"},
		{"no floor", date("2024-02-01"), "0.05", "0", Awarded, "0.02"},
		// "分别给予": 30000.015 → 30000.02 and 10000.006 → 10000.01 are two awards, 40000.03;
		// rounding their sum 40000.021 once would pay 40000.02.
		{"each part rounded on its own", date("2024-02-01"), "100000.05", "50000.03", Awarded, "40000.03"},
		{"month alone inside the quarter: 2024年2月", GivenMonth(2024, time.February), "100", "0", Awarded, "30.00"},
		{"month alone after the quarter: 2024年4月", GivenMonth(2024, time.April), "100", "0", NotEligible, "0.00"},
		{"neither received", date("2024-02-01"), "0", "0", NotEligible, "0.00"},
		{"start blank", Day{}, "100", "0", Pending, "0.00"},
		{"start blank, no subsidy: not_eligible first", Day{}, "0", "0", NotEligible, "0.00"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := TechReform(p, TechReformInput{StartedOn: c.start, Provincial: decimal.RequireFromString(c.prov), Municipal: decimal.RequireFromString(c.muni)})
			if o.Status != c.status || o.Award.StringFixed(2) != c.award || o.Clause != "第14条" {
				t.Errorf("got %s %s %s, want %s %s; %v", o.Status, o.Award.StringFixed(2), o.Clause, c.status, c.award, o.Reasons)
			}
		})
	}
}

// Both parts are shown, each with its rounding step, then their sum.
func TestTechReformReasonShowsBothParts(t *testing.T) {
	o := TechReform(builtin(t).TechReform, TechReformInput{StartedOn: date("2024-02-01"), Provincial: d("100000.05"), Municipal: d("50000.03")})
	want := "省级技改补助100000.05元×30%=30000.015元，四舍五入为30000.02元；市级技改补助50000.03元×20%=10000.006元，四舍五入为10000.01元；配套奖励合计40000.03元"
	if got := o.Reasons[len(o.Reasons)-1]; got != want {
		t.Errorf("reason\n%s\nwant\n%s", got, want)
	}
	for _, r := range o.Reasons {
		if strings.Contains(r, "techreform") || strings.Contains(r, "参数") {
			t.Errorf("reason names a parameter: %s", r)
		}
	}
}
