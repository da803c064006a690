package measure

import (
	"github.com/shopspring/decimal"

	"github.com/changle/subsidy/calc"
	"github.com/changle/subsidy/internal/policy"
	"github.com/changle/subsidy/internal/table"
)

// TechReform is 第14条 技改项目配套奖励, one row per project.
var TechReform = Measure{
	Key: "techreform",
	Help: Help{
		Short: "第14条 技改配套奖励 / technical-reform project matching award (clause 14)",
		Input: "项目表.xlsx",
		Notes: `每行一个项目，一家企业可有多个项目；同一企业同一项目名称出现两次则两行均为“数据有误”。
补助空白视为未获得。开工时间须在{quarter}（政策参数中的开工期限）内：按“对{quarter}开工建设的工业技改项目”理解。
省级、市级配套“分别给予”，各自四舍五入到分后相加。`,
		English: `Clause 14 award: per project started in the window, a share of the provincial and the
municipal technical-reform subsidy received. No cap, no floor.`,
	},
	Section: func(p *policy.Policy) policy.Measure { return p.TechReform.Measure },
	Claim:   []ClaimField{{Field: "project", JSON: "project", Required: true}},
	Fields: []table.Field{
		{Key: "project", Header: "项目名称", Kind: table.KindText, Presence: table.Required, Synonyms: []string{"技改项目名称", "项目"}},
		{Key: "start_date", Header: "开工时间", Kind: table.KindDate, Presence: table.Required,
			Synonyms: []string{"开工日期", "项目开工时间", "实际开工时间"}},
		{Key: "provincial_grant", Header: "省级技改补助(元)", Kind: table.KindMoney, Presence: table.Required,
			Synonyms: []string{"省级补助", "省级技改补助资金", "省级技改补助金额", "获得省级技改补助", "省级补助资金"}},
		{Key: "municipal_grant", Header: "市级技改补助(元)", Kind: table.KindMoney, Presence: table.Required,
			Synonyms: []string{"市级补助", "市级技改补助资金", "市级技改补助金额", "获得市级技改补助", "市级补助资金"}},
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
