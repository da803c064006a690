package calc

import (
	"strings"
	"testing"
)

// 第9条 at every boundary: 50万千瓦时 and one kWh either side; the cap 15万 exactly and one
// 分 either side; the floor 1万 exactly and one 分 either side; half-up rounding to the 分.
func TestSpringFestivalBoundaries(t *testing.T) {
	p := builtin(t).SpringFestival
	cases := []struct {
		name      string
		kwh       string
		municipal string // 元; "" = blank
		status    Status
		award     string
		warn      bool
	}{
		{"50万 kWh exactly", "500000", "40000", Awarded, "20000.00", false},
		{"one kWh below", "499999", "40000", NotEligible, "0.00", false},
		{"0.01 kWh below", "499999.99", "40000", NotEligible, "0.00", false},
		{"one kWh above", "500001", "40000", Awarded, "20000.00", false},
		{"cap exactly", "800000", "300000", Awarded, "150000.00", false},
		{"one 分 under the cap", "800000", "299999.98", Awarded, "149999.99", false},
		{"over the cap", "800000", "300000.02", Awarded, "150000.00", false},
		{"floor exactly: not paid (以下含本数)", "800000", "20000", NotEligible, "0.00", true},
		{"one 分 over the floor", "800000", "20000.02", Awarded, "10000.01", false},
		{"one 分 under the floor", "800000", "19999.98", NotEligible, "0.00", false},
		{"half-up: 24691.35 × 50% = 12345.675 → 12345.68", "800000", "24691.35", Awarded, "12345.68", false},
		{"half-up below the half: 24691.33 × 50% → 12345.67", "800000", "24691.33", Awarded, "12345.67", false},
		{"municipal award 0", "800000", "0", NotEligible, "0.00", false},
		{"municipal award blank", "800000", "", Pending, "0.00", false},
		{"below threshold and blank municipal: not_eligible first", "100", "", NotEligible, "0.00", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := SpringFestivalInput{AboveScale: Yes, KWh: Given(d(c.kwh))}
			if c.municipal != "" {
				in.Municipal = Given(d(c.municipal))
			}
			o := SpringFestival(p, in)
			if o.Status != c.status || o.Award.StringFixed(2) != c.award || (len(o.Warnings) > 0) != c.warn {
				t.Errorf("got %s %s warnings %v; want %s %s warn=%v; reasons %v", o.Status, o.Award.StringFixed(2), o.Warnings, c.status, c.award, c.warn, o.Reasons)
			}
			if o.Clause != "第9条" {
				t.Errorf("clause %q", o.Clause)
			}
		})
	}
}

// The same row on the floor, with the floor's reading flipped in the policy, is paid.
func TestSpringFestivalFloorReadingIsAParameter(t *testing.T) {
	p := builtin(t).SpringFestival
	p.Floor.Inclusive = false
	o := SpringFestival(p, SpringFestivalInput{AboveScale: Yes, KWh: Given(d("800000")), Municipal: Given(d("20000"))})
	if o.Status != Awarded || o.Award.StringFixed(2) != "10000.00" {
		t.Fatalf("got %s %s, want awarded 10000.00", o.Status, o.Award)
	}
	if len(o.Warnings) != 1 || !strings.Contains(o.Warnings[0], "恰为1万元") || strings.Contains(o.Warnings[0], "floor") {
		t.Errorf("warnings %v should say the award is exactly on the floor, in words, without a parameter key", o.Warnings)
	}
}

func TestSpringFestivalSubject(t *testing.T) {
	p := builtin(t).SpringFestival
	in := SpringFestivalInput{AboveScale: No, KWh: Given(d("800000")), Municipal: Given(d("40000"))}
	if o := SpringFestival(p, in); o.Status != NotEligible {
		t.Errorf("not 规上: %s", o.Status)
	}
	in.AboveScale = Unanswered
	if o := SpringFestival(p, in); o.Status != Pending {
		t.Errorf("规上 blank: %s", o.Status)
	}
}
