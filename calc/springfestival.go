package calc

import (
	"github.com/changle/subsidy/internal/policy"
)

// SpringFestivalInput is one enterprise's figures for 第9条.
type SpringFestivalInput struct {
	AboveScale Answer // 是否规上工业企业
	KWh        Figure // 春节期间（2024年2月1日至2月29日）用电量, 千瓦时
	Municipal  Figure // 市级奖励金额, 元
}

// SpringFestival applies 第9条: "春节期间（2024年2月1日至2月29日）用电量达50万千瓦时（含）以上的
// 规上工业企业，在市级奖励的基础上，区财政给予50%的配套奖励，单家企业配套奖励最高不超过15万元，
// 奖励金额在1万元以下的企业不安排".
func SpringFestival(p policy.SpringFestival, in SpringFestivalInput) Outcome {
	v := newVerdict(p.Measure)
	subject(v, in.AboveScale, "规上工业企业")
	if !in.KWh.Present {
		v.miss("春节期间用电量")
	} else if fact := "春节期间用电量" + kwh(in.KWh.Value) + p.KWhMin.Versus(in.KWh.Value); p.KWhMin.Met(in.KWh.Value) {
		v.meet(fact)
	} else {
		v.fail(fact)
	}
	match := districtMatch{Share: p.MunicipalShare, Cap: p.Cap, Floor: p.Floor}
	award, how := match.apply(v, in.Municipal)
	return v.settle(award, how)
}
