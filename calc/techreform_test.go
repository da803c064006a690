package calc

import (
	"testing"

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
