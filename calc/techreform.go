package calc

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/changle/subsidy/policy"
)

// TechReformInput is one project's figures for 第14条; a blank subsidy means none received.
type TechReformInput struct {
	StartedOn  Day             // 开工时间
	Provincial decimal.Decimal // 省级技改补助, 元
	Municipal  decimal.Decimal // 市级技改补助, 元
}

// TechReform applies 第14条: "对一季度开工建设的工业技改项目……对获得省、市技改补助的项目，
// 区级财政分别给予省级30%、市级20%的配套奖励". Read as: the matching is for projects that
// started in the policy's start window (一季度); the reason says so.
func TechReform(p policy.TechReform, in TechReformInput) Outcome {
	v := newVerdict(p.Measure)
	reading := "（按第14条“对一季度开工建设的工业技改项目”，配套限于开工时间在政策参数 techreform.start_window 内的项目）"
	switch {
	case !in.StartedOn.Present:
		v.miss("开工时间")
	case p.StartWindow.Contains(in.StartedOn.Value):
		v.meet(fmt.Sprintf("开工时间%s在%s内%s", day(in.StartedOn.Value), p.StartWindow, reading))
	default:
		v.fail(fmt.Sprintf("开工时间%s不在%s内%s", day(in.StartedOn.Value), p.StartWindow, reading))
	}
	if !in.Provincial.IsPositive() && !in.Municipal.IsPositive() {
		v.fail("未获得省级或市级技改补助")
		return v.settle(decimal.Zero, "")
	}
	award := in.Provincial.Mul(p.ProvincialShare.Fraction()).Add(in.Municipal.Mul(p.MunicipalShare.Fraction())).Round(2)
	how := fmt.Sprintf("省级补助%s元×%s+市级补助%s元×%s=%s元，予以配套奖励",
		in.Provincial.StringFixed(2), p.ProvincialShare, in.Municipal.StringFixed(2), p.MunicipalShare, award.StringFixed(2))
	return v.settle(award, how)
}
