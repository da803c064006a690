package calc

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/changle/subsidy/policy"
)

// districtMatch is the district's share of a municipal award with a cap and a floor,
// as 第8条 and 第9条 set it: "在市级奖励的基础上，区财政按市级奖励的50%予以奖励，
// 单家企业奖励最高不超过…万元，奖励金额在1万元以下的企业不安排".
type districtMatch struct {
	Share    policy.Percent
	Cap      policy.Money
	Floor    policy.Floor
	FloorKey string // the policy key that flips the floor's reading, named in warnings
}

// apply records the municipal award's conditions on v and returns the award and how it was set.
// Order (SPEC §2): rate × base, round half-up to the 分, then the cap, then the floor.
func (m districtMatch) apply(v *verdict, municipal Figure) (decimal.Decimal, string) {
	if !municipal.Present {
		v.miss("市级奖励金额（待市级奖励金额确定后计算）")
		return decimal.Zero, ""
	}
	base := municipal.Value
	if !base.IsPositive() {
		v.fail(fmt.Sprintf("未获市级奖励（市级奖励金额%s元）：区级奖励在市级奖励的基础上给予", base.StringFixed(2)))
		return decimal.Zero, ""
	}
	award := base.Mul(m.Share.Fraction()).Round(2)
	how := fmt.Sprintf("市级奖励%s元×%s=%s元", base.StringFixed(2), m.Share, award.StringFixed(2))
	if award.GreaterThan(m.Cap.Dec()) {
		award = m.Cap.Dec().Round(2)
		how += fmt.Sprintf("，超过单家企业上限%s，按%s", m.Cap, m.Cap)
	}
	if award.Equal(m.Floor.Value.Dec()) {
		reading := "“以下”含本数（民法典第1259条），恰为" + m.Floor.Value.String() + "不予安排"
		if !m.Floor.Inclusive {
			reading = "“以下”按不含本数理解，恰为" + m.Floor.Value.String() + "予以安排"
		}
		v.warn(fmt.Sprintf("奖励金额恰为%s：按%s；改变此理解请修改政策参数 %s", m.Floor.Value, reading, m.FloorKey))
	}
	if m.Floor.Excludes(award) {
		v.fail(how + fmt.Sprintf("，在%s以下，不予安排", m.Floor.Value))
		return decimal.Zero, ""
	}
	return award, how + "，予以奖励"
}
