package calc

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// randomFigure draws a figure of up to 4 decimals around a threshold, as staff type them.
func randomFigure(rnd *rand.Rand, around int64) decimal.Decimal {
	return decimal.New(rnd.Int64N(around*2*10000), -4).Add(decimal.New(rnd.Int64N(3), -3))
}

// Property: the figure a reason quotes is the figure the rule decided on — never rounded
// for display, so a clerk re-doing the sum gets the status and the amount the rule gave.
func TestReasonsQuoteTheFiguresDecidedOn(t *testing.T) {
	p := builtin(t)
	rnd := rand.New(rand.NewPCG(10, 8))
	for i := 0; i < 2000; i++ {
		municipal := randomFigure(rnd, 30000)
		kwh := randomFigure(rnd, 500000)
		o := SpringFestival(p.SpringFestival, SpringFestivalInput{AboveScale: Yes, KWh: Given(kwh), Municipal: Given(municipal)})
		all := strings.Join(o.Reasons, "；")
		if !strings.Contains(all, "春节期间用电量"+kwh.String()+"千瓦时") {
			t.Fatalf("kWh %s quoted otherwise: %s", kwh, all)
		}
		met := !kwh.LessThan(decimal.NewFromInt(500000))
		if met && !strings.Contains(all, "市级奖励"+atLeastTwo(municipal)+"元×50%="+atLeastTwo(municipal.Mul(decimal.New(5, -1)))+"元") {
			t.Fatalf("municipal %s quoted otherwise: %s", municipal, all)
		}
		if met && o.Status == Awarded && !strings.Contains(all, o.Award.StringFixed(2)+"元") && !strings.Contains(all, "按15万元") {
			t.Fatalf("award %s not in the reason: %s", o.Award, all)
		}

		prov, muni := randomFigure(rnd, 100000), randomFigure(rnd, 100000)
		o = TechReform(p.TechReform, TechReformInput{StartedOn: date("2024-02-01"), Provincial: prov, Municipal: muni})
		all = strings.Join(o.Reasons, "；")
		for _, part := range []struct {
			name  string
			grant decimal.Decimal
			share int64
		}{{"省级技改补助", prov, 3}, {"市级技改补助", muni, 2}} {
			exact := part.grant.Mul(decimal.New(part.share, -1))
			if part.grant.IsPositive() && !strings.Contains(all, part.name+atLeastTwo(part.grant)+"元×"+decimal.New(part.share*10, 0).String()+"%="+atLeastTwo(exact)+"元") {
				t.Fatalf("%s %s quoted otherwise: %s", part.name, part.grant, all)
			}
		}
		if !strings.Contains(all, "合计"+o.Award.StringFixed(2)+"元") {
			t.Fatalf("total %s not in the reason: %s", o.Award, all)
		}

		rate := randomFigure(rnd, 25)
		output := randomFigure(rnd, 50000).Shift(4)
		o = ValueAdd(p.ValueAdd, ValueAddInput{AboveScale: Yes, Output: Given(output), Rate: Given(rate)})
		all = strings.Join(o.Reasons, "；")
		if !strings.Contains(all, "2023年产值"+atLeastTwo(output.Shift(-8))+"亿元") {
			t.Fatalf("output %s quoted otherwise: %s", output, all)
		}
		if output.GreaterThanOrEqual(decimal.NewFromInt(100000000)) && !strings.Contains(all, "增加值率"+atLeastTwo(rate)+"%") {
			t.Fatalf("rate %s quoted otherwise: %s", rate, all)
		}
	}
}

// atLeastTwo pads to two decimals without rounding: 6.2 → 6.20, 4.999999 stays.
func atLeastTwo(v decimal.Decimal) string {
	if _, frac, _ := strings.Cut(v.String(), "."); len(frac) <= 2 {
		return v.StringFixed(2)
	}
	return v.String()
}
