package measure

import (
	"github.com/changle/subsidy/calc"
	"github.com/changle/subsidy/internal/policy"
	"github.com/changle/subsidy/internal/table"
)

// ValueAdd is 第7条 增加值率奖励.
var ValueAdd = Measure{
	Key: "valueadd",
	Help: Help{
		Short:   "第7条 增加值率奖励 / value-added rate award (clause 7)",
		Input:   "申报表.xlsx",
		Notes:   `增加值率直接填写，或由{base_year}工业增加值÷{base_year}产值算得（以交叉相乘比较，不先取整）。`,
		English: `Clause 7 award for above-scale industrial enterprises by {base_year} output and value-added rate.`,
	},
	Section: func(p *policy.Policy) policy.Measure { return p.ValueAdd.Measure },
	Fields: []table.Field{
		aboveScale,
		{Key: "output", Header: "{base_year}产值(万元)", Kind: table.KindMoney, Presence: table.Required,
			Synonyms: []string{"{base_year}工业总产值", "{base_year}度工业总产值", "{base_year}度产值", "{base_year}工业产值"}},
		{Key: "value_added_rate", Header: "增加值率(%)", Kind: table.KindPercent, Presence: table.Optional,
			Synonyms: []string{"工业增加值率", "{base_year}增加值率", "{base_year}工业增加值率"}},
		{Key: "value_added", Header: "{base_year}工业增加值(万元)", Kind: table.KindMoney, Presence: table.Optional,
			Synonyms: []string{"{base_year}增加值", "{base_year}度工业增加值"}},
	},
	OneOf: [][]string{{"value_added_rate", "value_added"}},
	Evaluate: func(p *policy.Policy, r *record) calc.Outcome {
		in := calc.ValueAddInput{
			AboveScale: r.answer("above_scale"),
			Output:     r.quantity("output"),
			Rate:       r.rate("value_added_rate"),
			ValueAdded: r.quantity("value_added"),
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
	value, _, _ := r.cell("value_added")
	output, _, _ := r.cell("output")
	r.invalid = append(r.invalid, r.where(value)+"大于「"+output.Header+"」，增加值率将超过100%，请核对")
}

// aboveScale is the subject class of 第7条 and 第9条: absent, every row is of it (SPEC §4).
var aboveScale = table.Field{Key: "above_scale", Header: "是否规上工业企业", Kind: table.KindYesNo, Presence: table.AssumedYes,
	Synonyms: []string{"规模以上工业企业", "规上工业"}}
