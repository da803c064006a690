package measure

import (
	"github.com/changle/subsidy/calc"
	"github.com/changle/subsidy/internal/policy"
	"github.com/changle/subsidy/internal/table"
)

// StableJobs is 第23条 一次性稳定就业奖补.
var StableJobs = Measure{
	Key: "stablejobs",
	Help: Help{
		Short: "第23条 稳定就业奖补 / one-off job-stability award (clause 23)",
		Input: "申报表.xlsx",
		Notes: `两项比较均以交叉相乘进行（现值×100 与 90×基期），基期为0或缺失为“待补充”。
奖补金额为“按规定标准给予”，本方案未列数额：内置政策中 stablejobs.award 为空，符合条件的行为“待补充”；
确定标准后，用 subsidy policy init -o 新方案.yaml 写出政策参数文件，把 award: null 改为金额（如 award: 5万元），
再以 subsidy --policy 新方案.yaml stablejobs 申报表.xlsx 计算。`,
		English: `Clause 23 one-off job-stability award: 福州市工业龙头企业 (or otherwise qualifying) whose
quarterly output and insured headcount both kept at least 90% of the previous quarter's. The
amount is "by the standard in force", not in the plan: set stablejobs.award in a policy file.`,
	},
	Section: func(p *policy.Policy) policy.Measure { return p.StableJobs.Measure },
	Fields: []table.Field{
		{Key: "leading", Header: "是否福州市工业龙头企业", Kind: table.KindYesNo, Presence: table.Required,
			Synonyms: []string{"福州市工业龙头企业", "工业龙头企业", "龙头企业", "市级工业龙头企业"}},
		{Key: "other_qualifying", Header: "是否符合其他文件规定", Kind: table.KindYesNo, Presence: table.Optional,
			Synonyms: []string{"符合其他文件规定", "其他文件规定"}},
		{Key: "output_quarter", Header: "{year}{quarter}工业总产值(万元)", Kind: table.KindMoney, Presence: table.Required,
			Synonyms: []string{"{year}第{quarter}工业总产值", "{year}{quarter}总产值", "{year}{quarter}产值"}},
		{Key: "output_previous", Header: "{base_year}{previous_quarter}工业总产值(万元)", Kind: table.KindMoney, Presence: table.Required,
			Synonyms: []string{"{base_year}第{previous_quarter}工业总产值", "{base_year}{previous_quarter}总产值", "{base_year}{previous_quarter}产值"}},
		{Key: "insured_quarter", Header: "{year}{quarter}月均参保人数", Kind: table.KindCount, Presence: table.Required,
			Synonyms: []string{"{year}{quarter}失业保险月平均参保缴费人数", "{year}第{quarter}失业保险月平均参保缴费人数", "{year}{quarter}月平均参保人数", "{year}{quarter}参保人数"}},
		{Key: "insured_previous", Header: "{base_year}{previous_quarter}月均参保人数", Kind: table.KindCount, Presence: table.Required,
			Synonyms: []string{"{base_year}{previous_quarter}失业保险月平均参保缴费人数", "{base_year}第{previous_quarter}失业保险月平均参保缴费人数", "{base_year}{previous_quarter}月平均参保人数", "{base_year}{previous_quarter}参保人数"}},
	},
	Evaluate: func(p *policy.Policy, r *record) calc.Outcome {
		return calc.StableJobs(p.StableJobs, calc.StableJobsInput{
			Leading:         r.answer("leading"),
			OtherQualifying: r.answer("other_qualifying"),
			OutputQuarter:   r.quantity("output_quarter"),
			OutputPrevious:  r.quantity("output_previous"),
			InsuredQuarter:  r.count("insured_quarter"),
			InsuredPrevious: r.count("insured_previous"),
		})
	},
}
