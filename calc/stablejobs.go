package calc

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/changle/subsidy/internal/policy"
)

// StableJobsInput is one enterprise's figures for 第23条's 一次性稳定就业奖补.
type StableJobsInput struct {
	Leading         Answer // 是否福州市工业龙头企业
	OtherQualifying Answer // 是否符合其他文件规定; Unanswered where the sheet has no such column
	OutputQuarter   Figure // 本季度工业总产值, 元
	OutputPrevious  Figure // 上一年度第四季度工业总产值, 元
	InsuredQuarter  Figure // 本季度失业保险月平均参保缴费人数
	InsuredPrevious Figure // 上一年度第四季度失业保险月平均参保缴费人数
}

// StableJobs applies 第23条: "对被市工信局列为福州市工业龙头企业或符合其他文件规定的，其2024年第一季度
// 工业总产值和失业保险月平均参保缴费人数均不低于2023年第四季度的90%（含90%）的，按规定标准给予企业
// 一次性稳定就业奖补". The amount is "按规定标准", not in the plan: until the policy sets it,
// an eligible row waits for it.
func StableJobs(p policy.StableJobs, in StableJobsInput) Outcome {
	v := newVerdict(p.Measure)
	switch {
	case in.Leading == Yes:
		v.meet("被市工信局列为福州市工业龙头企业")
	case in.OtherQualifying == Yes:
		v.meet("符合其他文件规定")
	case in.Leading == No:
		v.fail("非福州市工业龙头企业，也未填明符合其他文件规定")
	default:
		v.miss("是否福州市工业龙头企业")
	}
	keptUp(v, p.Measure, "工业总产值", in.OutputQuarter, in.OutputPrevious, p.OutputRatioMin, wanYuan)
	keptUp(v, p.Measure, "失业保险月平均参保缴费人数", in.InsuredQuarter, in.InsuredPrevious, p.HeadcountRatioMin, persons)
	if p.Award == nil {
		if len(v.failed) == 0 && len(v.missing) == 0 {
			v.meet("符合一次性稳定就业奖补条件")
		}
		v.miss("奖补金额：第23条为“按规定标准给予”，本方案未列数额，待标准确定后计算")
		return v.settle(decimal.Zero, "")
	}
	return v.settle(p.Award.Dec().Round(2), "按规定标准给予一次性稳定就业奖补"+p.Award.String())
}

// keptUp records whether this quarter's figure is at least the share of the base quarter's,
// compared by cross-multiplication (现值×100 vs 比例×基期); a zero or missing base waits.
func keptUp(v *verdict, m policy.Measure, what string, now, base Figure, min policy.Min[policy.Percent], format func(decimal.Decimal) string) {
	switch {
	case !now.Present:
		v.miss(m.Label("{year}{quarter}") + what)
		return
	case !base.Present || !base.Value.IsPositive():
		v.miss(m.Label("{base_year}{previous_quarter}") + what + "（基期为0或缺失，需人工认定）")
		return
	}
	c := now.Value.Shift(2).Cmp(min.Value.Dec().Mul(base.Value))
	fact := fmt.Sprintf(m.Label("{year}{quarter}%s%s为{base_year}{previous_quarter}%s的%s，%s"), what, format(now.Value), format(base.Value), ratioPercent(now.Value, base.Value), min.Describe(c))
	if min.MetBy(c) {
		v.meet(fact)
	} else {
		v.fail(fact)
	}
}

// persons writes a headcount as entered: 95.5人 (a monthly average need not be whole).
func persons(v decimal.Decimal) string { return v.String() + "人" }
