package calc

import (
	"strings"
	"testing"
)

func growthIn(out, pow, municipal string) PowerBonusInput {
	in := PowerBonusInput{Manufacturing: Yes, ProvincialMet: Yes, NewEntrant: No,
		OutputGrowth: pts(out), PowerGrowth: pts(pow)}
	if municipal != "" {
		in.MunicipalAward = Given(d(municipal))
	}
	return in
}

// 第8条 at every boundary: growths equal and 0.01 point either side (negative too); the cap
// 20万 exactly and one 分 either side; the floor 1万 exactly and one 分 either side; rounding.
func TestPowerBonusBoundaries(t *testing.T) {
	p := builtin(t).PowerBonus
	cases := []struct {
		name   string
		in     PowerBonusInput
		status Status
		award  string
		warn   bool
	}{
		{"growths equal: 不低于 qualifies", growthIn("10", "10", "100000"), Awarded, "50000.00", false},
		{"output 0.01 below", growthIn("9.99", "10", "100000"), NotEligible, "0.00", false},
		{"output 0.01 above", growthIn("10.01", "10", "100000"), Awarded, "50000.00", false},
		{"negative growths: -5 ≥ -8", growthIn("-5", "-8", "30000"), Awarded, "15000.00", false},
		{"negative growths: -8 < -5", growthIn("-8", "-5", "30000"), NotEligible, "0.00", false},
		{"cap exactly", growthIn("20", "10", "400000"), Awarded, "200000.00", false},
		{"one 分 under the cap", growthIn("20", "10", "399999.98"), Awarded, "199999.99", false},
		{"over the cap", growthIn("20", "10", "400000.02"), Awarded, "200000.00", false},
		{"floor exactly: not paid", growthIn("20", "10", "20000"), NotEligible, "0.00", true},
		{"one 分 over the floor", growthIn("20", "10", "20000.02"), Awarded, "10000.01", false},
		{"one 分 under the floor", growthIn("20", "10", "19999.98"), NotEligible, "0.00", false},
		{"half-up: 24691.35 × 50% = 12345.68", growthIn("20", "10", "24691.35"), Awarded, "12345.68", false},
		{"municipal award 0", growthIn("20", "10", "0"), NotEligible, "0.00", false},
		{"municipal award blank", growthIn("20", "10", ""), Pending, "0.00", false},
		{"growth fails and municipal blank: not_eligible first", growthIn("5", "10", ""), NotEligible, "0.00", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := PowerBonus(p, c.in)
			if o.Status != c.status || o.Award.StringFixed(2) != c.award || (len(o.Warnings) > 0) != c.warn {
				t.Errorf("got %s %s warnings %v; want %s %s warn=%v; reasons %v", o.Status, o.Award.StringFixed(2), o.Warnings, c.status, c.award, c.warn, o.Reasons)
			}
			if o.Clause != "第8条" {
				t.Errorf("clause %q", o.Clause)
			}
		})
	}
}

func TestPowerBonusFloorAndTieReadingsAreParameters(t *testing.T) {
	p := builtin(t).PowerBonus
	p.Floor.Inclusive = false
	if o := PowerBonus(p, growthIn("20", "10", "20000")); o.Status != Awarded || o.Award.StringFixed(2) != "10000.00" ||
		len(o.Warnings) != 1 || !strings.Contains(o.Warnings[0], "恰为1万元") || strings.Contains(o.Warnings[0], "floor") {
		t.Errorf("floor read as exclusive: got %s %s %v", o.Status, o.Award, o.Warnings)
	}
	p.OutputGrowthTieQualifies = false
	if o := PowerBonus(p, growthIn("10", "10", "100000")); o.Status != NotEligible {
		t.Errorf("tie with 须高于: got %s", o.Status)
	}
}

// Growths from the quarter's figures compare by cross-multiplication; a zero or missing
// base is pending, never a division.
func TestPowerBonusComputedGrowth(t *testing.T) {
	p := builtin(t).PowerBonus
	base := func(o24, o23, e24, e23 string) PowerBonusInput {
		in := PowerBonusInput{Manufacturing: Yes, ProvincialMet: Yes, NewEntrant: No, MunicipalAward: Given(d("100000"))}
		set := func(f *Figure, s string) {
			if s != "" {
				*f = Given(d(s))
			}
		}
		set(&in.OutputQuarter, o24)
		set(&in.OutputBase, o23)
		set(&in.KWhQuarter, e24)
		set(&in.KWhBase, e23)
		return in
	}
	cases := []struct {
		name   string
		in     PowerBonusInput
		status Status
		says   string
	}{
		{"equal growth 1/3 each, no rounding", base("4", "3", "400", "300"), Awarded, "不低于"},
		{"output grows a hair less", base("3.9999999", "3", "400", "300"), NotEligible, "低于"},
		{"zero output base", base("4", "0", "400", "300"), Pending, "基期为0或缺失，需人工认定"},
		{"missing kWh base", base("4", "3", "400", ""), Pending, "基期为0或缺失，需人工认定"},
		{"mixed: output given as %, power computed", func() PowerBonusInput {
			in := base("", "", "110", "100")
			in.OutputGrowth = pts("10")
			return in
		}(), Awarded, "不低于"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := PowerBonus(p, c.in)
			if o.Status != c.status || !strings.Contains(strings.Join(o.Reasons, "；"), c.says) {
				t.Errorf("got %s %v, want %s mentioning %q", o.Status, o.Reasons, c.status, c.says)
			}
		})
	}
}

// New entrants (新投产纳统) take the 5000万元 output test instead of the growth test.
func TestPowerBonusNewEntrant(t *testing.T) {
	p := builtin(t).PowerBonus
	entrant := func(output string) PowerBonusInput {
		return PowerBonusInput{Manufacturing: Yes, ProvincialMet: Yes, NewEntrant: Yes,
			OutputQuarter: Given(d(output)), MunicipalAward: Given(d("60000"))}
	}
	cases := []struct {
		output string // 元
		status Status
	}{
		{"50000000", Awarded},
		{"49999999.99", NotEligible},
		{"50000000.01", Awarded},
	}
	for _, c := range cases {
		if o := PowerBonus(p, entrant(c.output)); o.Status != c.status {
			t.Errorf("new entrant with %s元: got %s, want %s; %v", c.output, o.Status, c.status, o.Reasons)
		}
	}
	in := entrant("0")
	in.OutputQuarter = Figure{}
	if o := PowerBonus(p, in); o.Status != Pending {
		t.Errorf("new entrant without output: %s", o.Status)
	}
}

func TestPowerBonusSubjectAndProvincial(t *testing.T) {
	p := builtin(t).PowerBonus
	in := growthIn("20", "10", "100000")
	in.Manufacturing = No
	if o := PowerBonus(p, in); o.Status != NotEligible {
		t.Errorf("not 制造业: %s", o.Status)
	}
	in = growthIn("20", "10", "100000")
	in.ProvincialMet = No
	if o := PowerBonus(p, in); o.Status != NotEligible {
		t.Errorf("provincial conditions not met: %s", o.Status)
	}
	in.ProvincialMet = Unanswered
	if o := PowerBonus(p, in); o.Status != Pending {
		t.Errorf("provincial conditions blank: %s", o.Status)
	}
}

// 第8条 pays 规模以上制造业企业: where the sheet gives a 国民经济行业代码, it decides
// (GB/T 4754-2017 门类C, 大类13–43), even when the 制造业 column is absent and assumed.
func TestPowerBonusIndustryDecides(t *testing.T) {
	p := builtin(t).PowerBonus
	cases := []struct {
		code   string
		status Status
	}{
		{"C3311", Awarded}, {"3311", Awarded}, {"13", Awarded}, {"1310", Awarded}, {"43", Awarded}, {"C", Awarded},
		{"c3311", Awarded}, {"C3311 金属结构制造", Awarded},
		{"12", NotEligible}, {"44", NotEligible}, {"D4411", NotEligible}, {"4411", NotEligible}, {"D", NotEligible}, {"B0610", NotEligible},
	}
	for _, c := range cases {
		ind, err := ClassifyIndustry(p.Manufacturing, c.code)
		if err != nil {
			t.Errorf("%q: %v", c.code, err)
			continue
		}
		in := growthIn("20", "10", "100000")
		in.Industry = ind
		o := PowerBonus(p, in)
		if o.Status != c.status {
			t.Errorf("%q: got %s, want %s; %v", c.code, o.Status, c.status, o.Reasons)
		}
		if c.status == NotEligible && !strings.Contains(strings.Join(o.Reasons, ""), c.code) {
			t.Errorf("%q: reason does not name the code: %v", c.code, o.Reasons)
		}
	}
	for _, bad := range []string{"电力生产", "C44", "D33", "1", "C33111", "X12"} {
		if ind, err := ClassifyIndustry(p.Manufacturing, bad); err == nil {
			t.Errorf("%q accepted as %+v", bad, ind)
		}
	}
}

// The reason quotes the municipal award as read and shows the rounding: 20000.005 stays
// 20000.005, halves to 10000.0025, rounds to 10000.00 — exactly the floor, not paid (第8条).
func TestPowerBonusReasonQuotesFiguresAsRead(t *testing.T) {
	o := PowerBonus(builtin(t).PowerBonus, growthIn("20", "10", "20000.005"))
	all := strings.Join(o.Reasons, "；")
	if o.Status != NotEligible || !strings.Contains(all, "市级奖励20000.005元×50%=10000.0025元，四舍五入为10000.00元") {
		t.Errorf("got %s; %s", o.Status, all)
	}
	if strings.Contains(all, "在1万元以下") {
		t.Errorf("10000.00 described as 在1万元以下: %s", all)
	}
}

// A growth given as a percentage and through the quarter's figures: the percentage is used;
// more than 0.01 point apart, the row warns (SPEC §2.2).
func TestPowerBonusGrowthGivenTwice(t *testing.T) {
	p := builtin(t).PowerBonus
	cases := []struct {
		given string
		warn  bool
	}{
		{"20", false},    // 12000 ÷ 10000 − 1 = 20%
		{"20.01", false}, // exactly 0.01 apart
		{"19.99", false},
		{"20.011", true},
		{"19.989", true},
	}
	for _, c := range cases {
		in := growthIn(c.given, "10", "100000")
		in.OutputQuarter, in.OutputBase = wan("12000"), wan("10000")
		o := PowerBonus(p, in)
		if o.Status != Awarded || (len(o.Warnings) > 0) != c.warn {
			t.Errorf("given %s%%: got %s warnings %v, want warn=%v", c.given, o.Status, o.Warnings, c.warn)
		}
		if !strings.Contains(strings.Join(o.Reasons, ""), "产值增幅"+c.given) {
			t.Errorf("given %s%%: the given percentage is not the one used: %v", c.given, o.Reasons)
		}
	}
}
