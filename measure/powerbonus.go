package measure

import (
	"github.com/changle/subsidy/calc"
	"github.com/changle/subsidy/policy"
	"github.com/changle/subsidy/sheet"
)

// PowerBonus is 第8条 增产增效奖励.
var PowerBonus = Measure{
	Key:     "powerbonus",
	Section: func(p *policy.Policy) policy.Measure { return p.PowerBonus.Measure },
	Fields: []sheet.Field{
		{Key: "manufacturing", Header: "是否规上制造业企业", Kind: sheet.KindYesNo, Presence: sheet.AssumedYes},
		{Key: "industry", Header: "国民经济行业代码", Kind: sheet.KindText, Presence: sheet.Optional},
		{Key: "provincial_met", Header: "是否符合省级增产增效奖励条件", Kind: sheet.KindYesNo, Presence: sheet.Required},
		{Key: "new_entrant", Header: "是否2024年一季度新投产纳统", Kind: sheet.KindYesNo, Presence: sheet.Optional},
		{Key: "output_growth", Header: "一季度产值增幅(%)", Kind: sheet.KindPercent, Presence: sheet.Optional},
		{Key: "power_growth", Header: "一季度用电增幅(%)", Kind: sheet.KindPercent, Presence: sheet.Optional},
		{Key: "output_2024q1", Header: "2024年一季度产值(万元)", Kind: sheet.KindMoney, Presence: sheet.Optional},
		{Key: "output_2023q1", Header: "2023年一季度产值(万元)", Kind: sheet.KindMoney, Presence: sheet.Optional},
		{Key: "kwh_2024q1", Header: "2024年一季度用电量(千瓦时)", Kind: sheet.KindEnergy, Presence: sheet.Optional},
		{Key: "kwh_2023q1", Header: "2023年一季度用电量(千瓦时)", Kind: sheet.KindEnergy, Presence: sheet.Optional},
		{Key: "municipal_award", Header: "市级奖励金额(元)", Kind: sheet.KindMoney, Presence: sheet.Required},
	},
	OneOf: [][]string{{"output_growth", "output_2023q1"}, {"power_growth", "kwh_2023q1"}},
	Evaluate: func(p *policy.Policy, r *record) calc.Outcome {
		return calc.PowerBonus(p.PowerBonus, calc.PowerBonusInput{
			Manufacturing:  r.answer("manufacturing"),
			Industry:       r.industry("industry", p.PowerBonus.Manufacturing),
			ProvincialMet:  r.answer("provincial_met"),
			NewEntrant:     r.answer("new_entrant"),
			OutputGrowth:   r.growth("output_growth"),
			PowerGrowth:    r.growth("power_growth"),
			Output2024Q1:   r.quantity("output_2024q1"),
			Output2023Q1:   r.quantity("output_2023q1"),
			KWh2024Q1:      r.quantity("kwh_2024q1"),
			KWh2023Q1:      r.quantity("kwh_2023q1"),
			MunicipalAward: r.quantity("municipal_award"),
		})
	},
}

// industry reads a 国民经济行业代码 column and places it against the class the rule asks for.
func (r *record) industry(key string, class policy.Industries) calc.Industry {
	col, _, ok := r.present(key)
	if !ok {
		return calc.Industry{}
	}
	ind, err := calc.ClassifyIndustry(class, r.text(key))
	if err != nil {
		r.reject(col, err)
		return calc.Industry{}
	}
	return ind
}
