package calc

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/changle/subsidy/internal/policy"
)

// PowerBonusInput is one enterprise's figures for 第8条. Growths are given as
// percentages, or computed from the quarter's figures and the same quarter a year before.
type PowerBonusInput struct {
	Manufacturing  Answer   // 是否规上制造业企业
	Industry       Industry // 行业代码, where the sheet has one: it decides what is 制造业
	ProvincialMet  Answer   // 是否符合省级增产增效奖励条件
	NewEntrant     Answer   // 是否本季度新投产纳统
	OutputGrowth   Figure   // 一季度产值增幅, percentage points
	PowerGrowth    Figure   // 一季度用电增幅, percentage points
	OutputQuarter  Figure   // 本季度产值, 元
	OutputBase     Figure   // 上年同期产值, 元
	KWhQuarter     Figure   // 本季度用电量, 千瓦时
	KWhBase        Figure   // 上年同期用电量, 千瓦时
	MunicipalAward Figure   // 市级奖励金额, 元
}

// growth is a growth rate as the fraction num/den (den > 0), so growths compare by cross-multiplication.
type growth struct {
	num, den decimal.Decimal
	text     string
}

var hundred = decimal.NewFromInt(100)

// growthOf takes the given percentage, else computes (current − base) ÷ base; ok is false
// when neither is possible, baseless when the base is zero or missing. A given percentage
// that disagrees with the quarter's figures by more than 0.01 point is used, with a warning.
func growthOf(v *verdict, name string, given, current, base Figure, format func(decimal.Decimal) string) (g growth, ok, baseless bool) {
	hasFigures := current.Present && base.Present && base.Value.IsPositive()
	if given.Present {
		if hasFigures {
			num := current.Value.Sub(base.Value)
			gap := given.Value.Mul(base.Value).Sub(num.Shift(2)).Abs()
			if gap.GreaterThan(pointTolerance.Mul(base.Value)) {
				v.warn(fmt.Sprintf("%s填写为%s，按%s÷基期%s−1计算为%s，相差超过0.01个百分点，按填写的%s计",
					name, percent(given.Value), format(current.Value), format(base.Value), ratioPercent(num, base.Value), percent(given.Value)))
			}
		}
		return growth{given.Value, hundred, name + percent(given.Value)}, true, false
	}
	if !current.Present {
		return growth{}, false, false
	}
	if !hasFigures {
		return growth{}, false, true
	}
	num := current.Value.Sub(base.Value)
	text := fmt.Sprintf("%s%s（%s÷基期%s−1）", name, ratioPercent(num, base.Value), format(current.Value), format(base.Value))
	return growth{num, base.Value, text}, true, false
}

// pointTolerance is how far, in percentage points, a rate or growth given may differ from
// the one its figures give before the row warns (SPEC §2.2).
var pointTolerance = decimal.New(1, -2)

// PowerBonus applies 第8条: "对符合2024年一季度省级增产增效奖励条件的，且一季度产值增幅不低于用电增幅的
// 规模以上制造业企业（其中2024年一季度新投产纳统的企业，一季度总产值达5000万元及以上），在省、市奖励的
// 基础上，区财政按市级奖励的50%予以奖励，单家企业奖励最高不超过20万元，奖励金额在1万元以下的企业不安排".
func PowerBonus(p policy.PowerBonus, in PowerBonusInput) Outcome {
	v := newVerdict(p.Measure)
	subject(v, in.Manufacturing, "规上制造业企业")
	if in.Industry.Present {
		if in.Industry.InClass {
			v.meet(fmt.Sprintf("行业代码%s属制造业（GB/T 4754-2017 %s）", Clip(in.Industry.Written), p.Manufacturing))
		} else {
			v.fail(fmt.Sprintf("行业代码%s不属制造业（GB/T 4754-2017 %s），非规上制造业企业", Clip(in.Industry.Written), p.Manufacturing))
		}
	}
	switch in.ProvincialMet {
	case Yes:
		v.meet(p.Label("符合{year}{quarter}省级增产增效奖励条件"))
	case No:
		v.fail(p.Label("不符合{year}{quarter}省级增产增效奖励条件"))
	default:
		v.miss("是否符合省级增产增效奖励条件")
	}
	if in.NewEntrant == Yes {
		newEntrantTest(v, p, in.OutputQuarter)
	} else {
		growthTest(v, p, in)
	}
	match := districtMatch{Share: p.MunicipalShare, Cap: p.Cap, Floor: p.Floor}
	award, how := match.apply(v, in.MunicipalAward)
	return v.settle(award, how)
}

// newEntrantTest: "2024年一季度新投产纳统的企业，一季度总产值达5000万元及以上" stands in for the growth test.
func newEntrantTest(v *verdict, p policy.PowerBonus, output Figure) {
	if !output.Present {
		v.miss(p.Label("{year}{quarter}产值（新投产纳统企业）"))
		return
	}
	fact := p.Label("{year}{quarter}新投产纳统，无上年同期基数，不适用产值增幅不低于用电增幅的条件，改以{quarter}总产值认定："+
		"{quarter}总产值") + wanYuan(output.Value) + p.NewEntrantOutputMin.Versus(output.Value)
	if p.NewEntrantOutputMin.Met(output.Value) {
		v.meet(fact)
	} else {
		v.fail(fact)
	}
}

// growthTest: "一季度产值增幅不低于用电增幅".
func growthTest(v *verdict, p policy.PowerBonus, in PowerBonusInput) {
	out, okOut, baselessOut := growthOf(v, "产值增幅", in.OutputGrowth, in.OutputQuarter, in.OutputBase, wanYuan)
	pow, okPow, baselessPow := growthOf(v, "用电增幅", in.PowerGrowth, in.KWhQuarter, in.KWhBase, kwh)
	if baselessOut || baselessPow {
		v.miss("基期为0或缺失，需人工认定")
	}
	if !okOut && !baselessOut {
		v.miss(p.Label("{quarter}产值增幅（或{year}、{base_year}{quarter}产值）"))
	}
	if !okPow && !baselessPow {
		v.miss(p.Label("{quarter}用电增幅（或{year}、{base_year}{quarter}用电量）"))
	}
	if !okOut || !okPow {
		if in.NewEntrant == Unanswered {
			v.miss(p.Label("是否{year}{quarter}新投产纳统"))
		}
		return
	}
	cmp := out.num.Mul(pow.den).Cmp(pow.num.Mul(out.den))
	met := cmp > 0 || (cmp == 0 && p.OutputGrowthTieQualifies)
	relation := "低于"
	switch {
	case cmp > 0:
		relation = "高于"
	case cmp == 0 && met:
		relation = "等于（不低于）"
	case cmp == 0:
		relation = "等于（须高于）"
	}
	fact := out.text + relation + pow.text
	if met {
		v.meet(fact)
	} else {
		v.fail(fact)
	}
}
