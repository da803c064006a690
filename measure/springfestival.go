package measure

import (
	"github.com/changle/subsidy/calc"
	"github.com/changle/subsidy/policy"
	"github.com/changle/subsidy/sheet"
)

// SpringFestival is 第9条 春节期间企业用电奖励.
var SpringFestival = Measure{
	Key:     "springfestival",
	Section: func(p *policy.Policy) policy.Measure { return p.SpringFestival.Measure },
	Fields: []sheet.Field{
		{Key: "above_scale", Header: "是否规上工业企业", Kind: sheet.KindYesNo, Presence: sheet.AssumedYes},
		{Key: "spring_kwh", Header: "春节期间用电量(千瓦时)", Kind: sheet.KindEnergy, Presence: sheet.Required},
		{Key: "municipal_award", Header: "市级奖励金额(元)", Kind: sheet.KindMoney, Presence: sheet.Required},
	},
	Evaluate: func(p *policy.Policy, r *record) calc.Outcome {
		return calc.SpringFestival(p.SpringFestival, calc.SpringFestivalInput{
			AboveScale: r.answer("above_scale"),
			KWh:        r.quantity("spring_kwh"),
			Municipal:  r.quantity("municipal_award"),
		})
	},
}
