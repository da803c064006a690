package calc

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/changle/subsidy/internal/policy"
)

// ValueAddInput is one enterprise's figures for 第7条.
type ValueAddInput struct {
	AboveScale Answer // 是否规上工业企业
	Output     Figure // 上一年度产值 (2023年产值), 元
	Rate       Figure // 增加值率, percentage points; or else from ValueAdded ÷ Output
	ValueAdded Figure // 上一年度工业增加值, 元
}

// rateSource compares the value-added rate with thresholds, exactly: a given rate
// directly, a computed one by cross-multiplication (增加值×100 vs 阈值×产值).
type rateSource struct {
	in ValueAddInput
}

func (r rateSource) known() bool {
	return r.in.Rate.Present || (r.in.ValueAdded.Present && r.in.Output.Present && r.in.Output.Value.IsPositive())
}

// cmp is the sign of rate − threshold (percentage points).
func (r rateSource) cmp(threshold decimal.Decimal) int {
	if r.in.Rate.Present {
		return r.in.Rate.Value.Cmp(threshold)
	}
	return r.in.ValueAdded.Value.Shift(2).Cmp(threshold.Mul(r.in.Output.Value))
}

func (r rateSource) String() string {
	if r.in.Rate.Present {
		return "增加值率" + percent(r.in.Rate.Value)
	}
	return fmt.Sprintf("增加值率%s（增加值%s÷产值%s）", ratioPercent(r.in.ValueAdded.Value, r.in.Output.Value), inYi(r.in.ValueAdded.Value), inYi(r.in.Output.Value))
}

// ValueAdd applies 第7条: "2023年产值5亿元（含）以上，且增加值率达到24%（含）以上、
// 增加值率达到22%（含）以上的分别给予5万元、3万元奖励；2023年产值1亿元（含）-5亿元之间，
// 且增加值率达到25%（含）以上给予2万元奖励". Tiers are tried in the policy's order.
func ValueAdd(p policy.ValueAdd, in ValueAddInput) Outcome {
	v := newVerdict(p.Measure)
	subject(v, in.AboveScale, "规上工业企业")
	rate := rateSource{in}
	rateAgreesWithFigures(v, p, in)
	if !in.Output.Present {
		v.miss(p.Label("{base_year}产值"))
		if rate.known() && !anyRateMet(p.Tiers, rate) {
			v.fail(rate.String() + "，低于各档增加值率要求")
		}
		if !rate.known() {
			v.miss(p.Label("增加值率（或{base_year}工业增加值）"))
		}
		return v.settle(decimal.Zero, "")
	}
	output := in.Output.Value
	reachable := tiersByOutput(p.Tiers, output)
	if len(reachable) == 0 {
		lowest := lowestOutputMin(p.Tiers)
		v.fail(p.Label("{base_year}产值") + inYi(output) + lowest.Versus(output))
		return v.settle(decimal.Zero, "")
	}
	outputFact := p.Label("{base_year}产值") + inYi(output) + reachable[0].OutputMin.Versus(output)
	if above := nextOutputMin(p.Tiers, output); above != nil {
		outputFact += "且" + above.Versus(output)
	}
	if !rate.known() {
		v.meet(outputFact)
		v.miss(p.Label("增加值率（或{base_year}工业增加值）"))
		return v.settle(decimal.Zero, "")
	}
	var missedAbove *policy.Min[policy.Percent]
	for _, t := range reachable {
		c := rate.cmp(t.RateMin.Value.Dec())
		if !t.RateMin.MetBy(c) {
			missedAbove = &t.RateMin
			continue
		}
		rateFact := rate.String() + t.RateMin.Describe(c)
		if missedAbove != nil {
			rateFact += "且" + missedAbove.Describe(rate.cmp(missedAbove.Value.Dec()))
		}
		v.meet(outputFact + "，" + rateFact)
		return v.settle(t.Award.Dec().Round(2), "奖励"+t.Award.String())
	}
	lowest := lowestRateMin(reachable)
	v.fail(outputFact + "，" + rate.String() + lowest.Describe(rate.cmp(lowest.Value.Dec())))
	return v.settle(decimal.Zero, "")
}

func tiersByOutput(tiers []policy.ValueAddTier, output decimal.Decimal) []policy.ValueAddTier {
	var met []policy.ValueAddTier
	for _, t := range tiers {
		if t.OutputMin.Met(output) {
			met = append(met, t)
		}
	}
	return met
}

func anyRateMet(tiers []policy.ValueAddTier, rate rateSource) bool {
	for _, t := range tiers {
		if t.RateMin.MetBy(rate.cmp(t.RateMin.Value.Dec())) {
			return true
		}
	}
	return false
}

func lowestOutputMin(tiers []policy.ValueAddTier) policy.Min[policy.Money] {
	low := tiers[0].OutputMin
	for _, t := range tiers[1:] {
		if t.OutputMin.Value.Dec().LessThan(low.Value.Dec()) {
			low = t.OutputMin
		}
	}
	return low
}

func lowestRateMin(tiers []policy.ValueAddTier) policy.Min[policy.Percent] {
	low := tiers[0].RateMin
	for _, t := range tiers[1:] {
		if t.RateMin.Value.Dec().LessThan(low.Value.Dec()) {
			low = t.RateMin
		}
	}
	return low
}

// nextOutputMin is the smallest output threshold above output, if any: it bounds the band ("1亿元（含）-5亿元之间").
func nextOutputMin(tiers []policy.ValueAddTier, output decimal.Decimal) *policy.Min[policy.Money] {
	var next *policy.Min[policy.Money]
	for i, t := range tiers {
		if !t.OutputMin.Met(output) && (next == nil || t.OutputMin.Value.Dec().LessThan(next.Value.Dec())) {
			next = &tiers[i].OutputMin
		}
	}
	return next
}

// rateAgreesWithFigures warns where a 增加值率 is given and its 增加值 and 产值 too, and the
// two differ by more than 0.01 point: the rate (from the 成本费用调查表, as 第7条 says) is used.
func rateAgreesWithFigures(v *verdict, p policy.ValueAdd, in ValueAddInput) {
	if !in.Rate.Present || !in.ValueAdded.Present || !in.Output.Present || !in.Output.Value.IsPositive() {
		return
	}
	gap := in.Rate.Value.Mul(in.Output.Value).Sub(in.ValueAdded.Value.Shift(2)).Abs()
	if gap.GreaterThan(pointTolerance.Mul(in.Output.Value)) {
		v.warn(fmt.Sprintf(p.Label("增加值率填写为%s，按{base_year}工业增加值%s÷产值%s计算为%s，相差超过0.01个百分点，按填写的%s计"),
			percent(in.Rate.Value), inYi(in.ValueAdded.Value), inYi(in.Output.Value), ratioPercent(in.ValueAdded.Value, in.Output.Value), percent(in.Rate.Value)))
	}
}
