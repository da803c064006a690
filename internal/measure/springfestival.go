package measure

import (
	"github.com/changle/subsidy/calc"
	"github.com/changle/subsidy/internal/policy"
	"github.com/changle/subsidy/internal/table"
)

// SpringFestival is 第9条 春节期间企业用电奖励.
var SpringFestival = Measure{
	Key: "springfestival",
	Help: Help{
		Short: "第9条 春节用电奖励 / Spring Festival electricity award (clause 9)",
		Input: "申报表.xlsx",
		Notes: `用电量单位可为 千瓦时/kWh/度/万千瓦时。市级奖励金额空白为“待补充”，为0为“不符合条件”；
奖励恰为下限时在计算说明中提示所采用的理解。`,
		English: `Clause 9 award: the district matches the municipal award for above-scale industrial
enterprises whose electricity use in {spring_days} reached the threshold, with a cap and a floor.`,
	},
	Section: func(p *policy.Policy) policy.Measure { return p.SpringFestival.Measure },
	Fields: []table.Field{
		aboveScale,
		{Key: "spring_kwh", Header: "春节期间用电量(千瓦时)", Kind: table.KindEnergy, Presence: table.Required,
			Synonyms: []string{"{spring_month}用电量", "春节用电量", "春节期间({spring_days})用电量", "春节期间({year}{spring_days})用电量"}},
		municipalAward,
	},
	Evaluate: func(p *policy.Policy, r *record) calc.Outcome {
		return calc.SpringFestival(p.SpringFestival, calc.SpringFestivalInput{
			AboveScale: r.answer("above_scale"),
			KWh:        r.quantity("spring_kwh"),
			Municipal:  r.quantity("municipal_award"),
		})
	},
}

// municipalAward is the 市级奖励 that 第8条 and 第9条 match "在市级奖励的基础上".
var municipalAward = table.Field{Key: "municipal_award", Header: "市级奖励金额(元)", Kind: table.KindMoney, Presence: table.Required,
	Synonyms: []string{"市级奖励", "市级奖励资金", "市奖励金额", "市级奖补金额"}}
