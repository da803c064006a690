package calc

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/changle/subsidy/internal/policy"
)

// districtMatch is the district's share of a municipal award with a cap and a floor,
// as 第8条 and 第9条 set it: "在市级奖励的基础上，区财政按市级奖励的50%予以奖励，
// 单家企业奖励最高不超过…万元，奖励金额在1万元以下的企业不安排".
type districtMatch struct {
	Share policy.Percent
	Cap   policy.Money
	Floor policy.Floor
}

// apply records the municipal award's conditions on v and returns the award and how it was set.
// Order (SPEC §2): rate × base, round half-up to the 分, then the cap, then the floor.
func (m districtMatch) apply(v *verdict, municipal Figure) (decimal.Decimal, string) {
	if !municipal.Present {
		v.miss("市级奖励金额")
		return decimal.Zero, ""
	}
	base := municipal.Value
	if !base.IsPositive() {
		v.fail(fmt.Sprintf("市级奖励金额%s元，未获市级奖励（区级奖励在市级奖励的基础上给予）", yuan(base)))
		return decimal.Zero, ""
	}
	award, how := share("市级奖励", base, m.Share)
	if award.GreaterThan(m.Cap.Dec()) {
		award = m.Cap.Dec().Round(2)
		how += fmt.Sprintf("，超过单家企业最高%s，按%s", m.Cap, m.Cap)
	}
	floor := m.Floor.Value
	onFloor := award.Equal(floor.Dec())
	switch {
	case onFloor && m.Floor.Inclusive:
		v.warn(fmt.Sprintf("奖励金额恰为%s：“%s以下”含本数（民法典第1259条），不予安排", floor, floor))
		v.fail(how + fmt.Sprintf("，恰为%s，属“%s以下的企业不安排”（含本数）", floor, floor))
		return decimal.Zero, ""
	case onFloor:
		v.warn(fmt.Sprintf("奖励金额恰为%s：“%s以下”按不含本数理解，予以安排", floor, floor))
		return award, how + fmt.Sprintf("，恰为%s（“以下”按不含本数），予以奖励", floor)
	case m.Floor.Excludes(award):
		v.fail(how + fmt.Sprintf("，不足%s，属“%s以下的企业不安排”", floor, floor))
		return decimal.Zero, ""
	}
	return award, how + "，予以奖励"
}
