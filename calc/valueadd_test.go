package calc

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/changle/subsidy/internal/policy"
)

// builtin is the plan the rule tests decide under: a fixture of the 2024 plan kept in
// testdata, so that a new built-in plan does not move the boundaries these tables test.
func builtin(t testing.TB) *policy.Policy {
	t.Helper()
	p, _, err := policy.Load("../testdata/policy/fixture.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func wan(s string) Figure { return Given(d(s).Shift(4)) }

func pts(s string) Figure { return Given(d(s)) }

// 第7条 at every boundary: 5亿 and 1亿 exactly and one 分 either side; 24%, 22%, 25%
// exactly and 0.01 point either side.
func TestValueAddBoundaries(t *testing.T) {
	p := builtin(t).ValueAdd
	cases := []struct {
		name   string
		output Figure // 元
		rate   Figure
		status Status
		award  string
	}{
		{"5亿 exactly, 24% exactly", wan("50000"), pts("24"), Awarded, "50000.00"},
		{"5亿 exactly, 24.01%", wan("50000"), pts("24.01"), Awarded, "50000.00"},
		{"5亿 exactly, 23.99%", wan("50000"), pts("23.99"), Awarded, "30000.00"},
		{"5亿 exactly, 22% exactly", wan("50000"), pts("22"), Awarded, "30000.00"},
		{"5亿 exactly, 22.01%", wan("50000"), pts("22.01"), Awarded, "30000.00"},
		{"5亿 exactly, 21.99%", wan("50000"), pts("21.99"), NotEligible, "0.00"},
		{"5亿 + 1分, 24%", Given(d("500000000.01")), pts("24"), Awarded, "50000.00"},
		{"5亿 − 1分, 24%: band 1-5亿 needs 25%", Given(d("499999999.99")), pts("24"), NotEligible, "0.00"},
		{"5亿 − 1分, 25% exactly", Given(d("499999999.99")), pts("25"), Awarded, "20000.00"},
		{"5亿 − 1分, 24.99%", Given(d("499999999.99")), pts("24.99"), NotEligible, "0.00"},
		{"5亿 − 1分, 25.01%", Given(d("499999999.99")), pts("25.01"), Awarded, "20000.00"},
		{"5亿 − 1分, 23%: not the 22% tier below 5亿", Given(d("499999999.99")), pts("23"), NotEligible, "0.00"},
		{"1亿 exactly, 25%", wan("10000"), pts("25"), Awarded, "20000.00"},
		{"1亿 + 1分, 25%", Given(d("100000000.01")), pts("25"), Awarded, "20000.00"},
		{"1亿 − 1分, 25%", Given(d("99999999.99")), pts("25"), NotEligible, "0.00"},
		{"1亿 − 1分, 30%", Given(d("99999999.99")), pts("30"), NotEligible, "0.00"},
		{"6亿, 25% takes the highest tier", wan("60000"), pts("25"), Awarded, "50000.00"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := ValueAdd(p, ValueAddInput{AboveScale: Yes, Output: c.output, Rate: c.rate})
			if o.Status != c.status || o.Award.StringFixed(2) != c.award {
				t.Errorf("got %s %s, want %s %s; reasons %v", o.Status, o.Award.StringFixed(2), c.status, c.award, o.Reasons)
			}
			if o.Clause != "第7条" {
				t.Errorf("clause %q", o.Clause)
			}
			if len(o.Reasons) == 0 {
				t.Error("no reasons")
			}
		})
	}
}

// The rate from 增加值 ÷ 产值 is compared by cross-multiplication, never rounded first.
func TestValueAddRateFromValueAdded(t *testing.T) {
	p := builtin(t).ValueAdd
	cases := []struct {
		name       string
		valueAdded string // 元
		output     string // 元
		award      string
	}{
		{"exactly 24%", "120000000", "500000000", "50000.00"},
		{"one 分 below 24%", "119999999.99", "500000000", "30000.00"},
		{"just under 24%, rounds to 24.00% but is below", "160000000", "666666666.67", "30000.00"},
		{"one 分 under 22%", "109999999.99", "500000000", "0.00"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := ValueAdd(p, ValueAddInput{AboveScale: Yes, Output: Given(d(c.output)), ValueAdded: Given(d(c.valueAdded))})
			if o.Award.StringFixed(2) != c.award {
				t.Errorf("award %s, want %s; reasons %v", o.Award.StringFixed(2), c.award, o.Reasons)
			}
		})
	}
}

func TestValueAddStatusPriority(t *testing.T) {
	p := builtin(t).ValueAdd
	cases := []struct {
		name string
		in   ValueAddInput
		want Status
		says string
	}{
		{"not 规上", ValueAddInput{AboveScale: No, Output: wan("60000"), Rate: pts("30")}, NotEligible, "非规上工业企业"},
		{"规上 blank", ValueAddInput{Output: wan("60000"), Rate: pts("30")}, Pending, "是否规上工业企业"},
		{"output missing", ValueAddInput{AboveScale: Yes, Rate: pts("25")}, Pending, "2023年产值"},
		{"rate missing", ValueAddInput{AboveScale: Yes, Output: wan("60000")}, Pending, "增加值率"},
		{"output missing but rate fails every tier", ValueAddInput{AboveScale: Yes, Rate: pts("10")}, NotEligible, "低于各档"},
		{"not 规上 beats missing output", ValueAddInput{AboveScale: No, Rate: pts("25")}, NotEligible, "非规上"},
		{"zero output with value added: no division", ValueAddInput{AboveScale: Yes, Output: Given(decimal.Zero), ValueAdded: wan("1")}, NotEligible, "2023年产值"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := ValueAdd(p, c.in)
			if o.Status != c.want || !o.Award.IsZero() {
				t.Errorf("got %s %s, want %s", o.Status, o.Award, c.want)
			}
			if all := strings.Join(o.Reasons, "；"); !strings.Contains(all, c.says) {
				t.Errorf("reasons %q do not mention %q", all, c.says)
			}
		})
	}
}

func TestValueAddReasonShowsFigures(t *testing.T) {
	o := ValueAdd(builtin(t).ValueAdd, ValueAddInput{AboveScale: Yes, Output: wan("60000"), Rate: pts("23.99")})
	want := "2023年产值6.00亿元≥5亿元，增加值率23.99%≥22%且<24%"
	if o.Reasons[0] != want {
		t.Errorf("reason %q, want %q", o.Reasons[0], want)
	}
}

// A rate given together with 增加值 and 产值 that disagree by more than 0.01 point: the
// rate is used (第7条 takes it from the 成本费用调查表), and the row warns.
func TestValueAddRateDisagreesWithFigures(t *testing.T) {
	p := builtin(t).ValueAdd
	cases := []struct {
		va   string
		warn bool
	}{{"12000", false}, {"12005", false}, {"11995", false}, {"11994.99", true}, {"11500", true}}
	for _, c := range cases {
		o := ValueAdd(p, ValueAddInput{AboveScale: Yes, Output: wan("50000"), Rate: pts("24"), ValueAdded: wan(c.va)})
		if o.Status != Awarded || o.Award.StringFixed(2) != "50000.00" || (len(o.Warnings) > 0) != c.warn {
			t.Errorf("增加值%s万元: got %s %s warnings %v, want warn=%v", c.va, o.Status, o.Award, o.Warnings, c.warn)
		}
	}
}
