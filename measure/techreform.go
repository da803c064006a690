package measure

import (
	"github.com/shopspring/decimal"

	"github.com/changle/subsidy/calc"
	"github.com/changle/subsidy/policy"
	"github.com/changle/subsidy/sheet"
)

// TechReform is 第14条 技改项目配套奖励, one row per project.
var TechReform = Measure{
	Key:      "techreform",
	Section:  func(p *policy.Policy) policy.Measure { return p.TechReform.Measure },
	Identity: []string{"code", "project"},
	Fields: []sheet.Field{
		{Key: "project", Header: "项目名称", Kind: sheet.KindText, Presence: sheet.Required},
		{Key: "start_date", Header: "开工时间", Kind: sheet.KindDate, Presence: sheet.Required},
		{Key: "provincial_grant", Header: "省级技改补助(元)", Kind: sheet.KindMoney, Presence: sheet.Required},
		{Key: "municipal_grant", Header: "市级技改补助(元)", Kind: sheet.KindMoney, Presence: sheet.Required},
	},
	Evaluate: func(p *policy.Policy, r *record) calc.Outcome {
		return calc.TechReform(p.TechReform, calc.TechReformInput{
			StartedOn:  r.date("start_date"),
			Provincial: orNone(r.quantity("provincial_grant")),
			Municipal:  orNone(r.quantity("municipal_grant")),
		})
	},
}

// orNone reads a blank subsidy cell as none received (SPEC §2.5).
func orNone(f calc.Figure) decimal.Decimal {
	if !f.Present {
		return decimal.Zero
	}
	return f.Value
}
