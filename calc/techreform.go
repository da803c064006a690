package calc

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/changle/subsidy/internal/policy"
)

// TechReformInput is one project's figures for 第14条; a blank subsidy means none received.
type TechReformInput struct {
	StartedOn  Day             // 开工时间
	Provincial decimal.Decimal // 省级技改补助, 元
	Municipal  decimal.Decimal // 市级技改补助, 元
}

// TechReform applies 第14条: "对一季度开工建设的工业技改项目……对获得省、市技改补助的项目，
// 区级财政分别给予省级30%、市级20%的配套奖励". Read as: the matching is for projects that
// started in the policy's start window (一季度); the reason says so. "分别给予" makes two
// awards, each rounded to the 分 on its own, then added.
func TechReform(p policy.TechReform, in TechReformInput) Outcome {
	v := newVerdict(p.Measure)
	placeInWindow(v, "开工时间", in.StartedOn, p.StartWindow, p.Label("（第14条的配套对象为{quarter}开工建设的工业技改项目）"))
	if !in.Provincial.IsPositive() && !in.Municipal.IsPositive() {
		v.fail("未获得省级或市级技改补助")
		return v.settle(decimal.Zero, "")
	}
	total := decimal.Zero
	var parts []string
	for _, part := range []struct {
		name  string
		grant decimal.Decimal
		share policy.Percent
	}{{"省级", in.Provincial, p.ProvincialShare}, {"市级", in.Municipal, p.MunicipalShare}} {
		if !part.grant.IsPositive() {
			parts = append(parts, "未获"+part.name+"技改补助")
			continue
		}
		award, how := share(part.name+"技改补助", part.grant, part.share)
		total = total.Add(award)
		parts = append(parts, how)
	}
	how := strings.Join(parts, "；") + fmt.Sprintf("；配套奖励合计%s元", total.StringFixed(2))
	return v.settle(total, how)
}

// share computes rate × base rounded half-up to the 分, and says so with the rounding step:
// "市级奖励24691.35元×50%=12345.675元，四舍五入为12345.68元".
func share(what string, base decimal.Decimal, rate policy.Percent) (decimal.Decimal, string) {
	exact := base.Mul(rate.Fraction())
	award := exact.Round(2)
	how := fmt.Sprintf("%s%s元×%s=%s元", what, yuan(base), rate, yuan(exact))
	if !award.Equal(exact) {
		how += fmt.Sprintf("，四舍五入为%s元", award.StringFixed(2))
	}
	return award, how
}
