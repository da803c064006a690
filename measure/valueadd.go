package measure

import (
	"github.com/changle/subsidy/calc"
	"github.com/changle/subsidy/policy"
	"github.com/changle/subsidy/sheet"
)

// ValueAdd is 第7条 增加值率奖励.
var ValueAdd = Measure{
	Key:     "valueadd",
	Section: func(p *policy.Policy) policy.Measure { return p.ValueAdd.Measure },
	Fields: []sheet.Field{
		{Key: "above_scale", Header: "是否规上工业企业", Kind: sheet.KindYesNo, Presence: sheet.AssumedYes},
		{Key: "output_2023", Header: "2023年产值(万元)", Kind: sheet.KindMoney, Presence: sheet.Required},
		{Key: "value_added_rate", Header: "增加值率(%)", Kind: sheet.KindPercent, Presence: sheet.Optional},
		{Key: "value_added_2023", Header: "2023年工业增加值(万元)", Kind: sheet.KindMoney, Presence: sheet.Optional},
	},
	OneOf: [][]string{{"value_added_rate", "value_added_2023"}},
	Evaluate: func(p *policy.Policy, r *record) calc.Outcome {
		in := calc.ValueAddInput{
			AboveScale: r.answer("above_scale"),
			Output:     r.quantity("output_2023"),
			Rate:       r.rate("value_added_rate"),
			ValueAdded: r.quantity("value_added_2023"),
		}
		r.valueAddedWithinOutput(in)
		return calc.ValueAdd(p.ValueAdd, in)
	},
}

// valueAddedWithinOutput refuses a 增加值 above the 产值 it is computed from: the rate would
// exceed 100%, like a rate cell outside 0–100% (SPEC §4).
func (r *record) valueAddedWithinOutput(in calc.ValueAddInput) {
	if in.Rate.Present || !in.ValueAdded.Present || !in.Output.Present || !in.ValueAdded.Value.GreaterThan(in.Output.Value) {
		return
	}
	col, _, _ := r.cell("value_added_2023")
	r.invalid = append(r.invalid, r.where(col)+"大于2023年产值，增加值率将超过100%，请核对")
}
