package measure

import (
	"fmt"

	"github.com/changle/subsidy/calc"
	"github.com/changle/subsidy/internal/policy"
	"github.com/changle/subsidy/internal/table"
	"github.com/changle/subsidy/internal/workbook"
)

// PowerBonus is 第8条 增产增效奖励.
var PowerBonus = Measure{
	Key: "powerbonus",
	Help: Help{
		Short: "第8条 增产增效奖励 / output-over-power growth award (clause 8)",
		Input: "申报表.xlsx",
		Notes: `产值增幅与用电增幅直接填写，或由{year}、{base_year}{quarter}产值与用电量算得（以交叉相乘比较；基期为0或缺失为“待补充”）；
新投产纳统企业以{year}{quarter}产值代替增幅条件。有国民经济行业代码列时，以其判断是否制造业（门类C）。
市级奖励金额空白为“待补充”，为0为“不符合条件”；奖励恰为下限时在计算说明中提示所采用的理解。`,
		English: `Clause 8 award: the district matches the municipal award for above-scale manufacturers
that meet the provincial conditions and whose quarterly output grew at least as fast as their
electricity use (new entrants: an output threshold instead), with a cap and a floor.`,
	},
	Section: func(p *policy.Policy) policy.Measure { return p.PowerBonus.Measure },
	Fields: []table.Field{
		{Key: "manufacturing", Header: "是否规上制造业企业", Kind: table.KindYesNo, Presence: table.AssumedYes,
			Synonyms: []string{"规模以上制造业企业"}},
		{Key: "industry", Header: "国民经济行业代码", Kind: table.KindText, Presence: table.Optional,
			Synonyms: []string{"行业代码", "所属行业", "所属行业代码", "国民经济行业分类代码", "行业分类代码", "国民经济行业分类"}},
		{Key: "provincial_met", Header: "是否符合省级增产增效奖励条件", Kind: table.KindYesNo, Presence: table.Required,
			Synonyms: []string{"符合{year}{quarter}省级增产增效奖励条件", "省级增产增效奖励条件", "符合省级增产增效条件", "省级增产增效", "符合{year}{quarter}省级增产增效奖励"}},
		{Key: "new_entrant", Header: "是否{year}{quarter}新投产纳统", Kind: table.KindYesNo, Presence: table.Optional,
			Synonyms: []string{"{quarter}新投产纳统", "新投产纳统企业", "{year}{quarter}新投产纳统企业", "新投产纳统"}},
		{Key: "output_growth", Header: "{quarter}产值增幅(%)", Kind: table.KindPercent, Presence: table.Optional,
			Synonyms: []string{"产值增幅", "{year}{quarter}产值增幅"}},
		{Key: "power_growth", Header: "{quarter}用电增幅(%)", Kind: table.KindPercent, Presence: table.Optional,
			Synonyms: []string{"用电增幅", "{year}{quarter}用电增幅"}},
		{Key: "output_quarter", Header: "{year}{quarter}产值(万元)", Kind: table.KindMoney, Presence: table.Optional,
			Synonyms: []string{"{year}{quarter}总产值", "{year}{quarter}工业总产值", "{quarter}总产值", "{quarter}产值"}},
		{Key: "output_base", Header: "{base_year}{quarter}产值(万元)", Kind: table.KindMoney, Presence: table.Optional,
			Synonyms: []string{"{base_year}{quarter}总产值", "{base_year}{quarter}工业总产值"}},
		{Key: "kwh_quarter", Header: "{year}{quarter}用电量(千瓦时)", Kind: table.KindEnergy, Presence: table.Optional,
			Synonyms: []string{"{quarter}用电量"}},
		{Key: "kwh_base", Header: "{base_year}{quarter}用电量(千瓦时)", Kind: table.KindEnergy, Presence: table.Optional},
		municipalAward,
	},
	OneOf: [][]string{{"output_growth", "output_base"}, {"power_growth", "kwh_base"}},
	Evaluate: func(p *policy.Policy, r *record) calc.Outcome {
		return calc.PowerBonus(p.PowerBonus, calc.PowerBonusInput{
			Manufacturing:  r.answer("manufacturing"),
			Industry:       r.industry("industry", p.PowerBonus.Manufacturing),
			ProvincialMet:  r.answer("provincial_met"),
			NewEntrant:     r.answer("new_entrant"),
			OutputGrowth:   r.growth("output_growth"),
			PowerGrowth:    r.growth("power_growth"),
			OutputQuarter:  r.quantity("output_quarter"),
			OutputBase:     r.quantity("output_base"),
			KWhQuarter:     r.quantity("kwh_quarter"),
			KWhBase:        r.quantity("kwh_base"),
			MunicipalAward: r.quantity("municipal_award"),
		})
	},
}

// industry reads a 国民经济行业代码 column and places it against the class the rule asks for.
func (r *record) industry(key string, class policy.Industries) calc.Industry {
	col, c, ok := r.present(key)
	if !ok {
		return calc.Industry{}
	}
	if c.Kind == workbook.Number && len(c.Value) == 3 {
		// 0411 typed into a number cell is kept as 411, which would read as 大类41.
		r.reject(col, fmt.Errorf("“%s”是数字格式，可能丢了开头的0（如0411存成411）：请把该列设为文本并按国民经济行业代码重新填写", c.Value))
		return calc.Industry{}
	}
	ind, err := calc.ClassifyIndustry(class, r.text(key))
	if err != nil {
		r.reject(col, err)
		return calc.Industry{}
	}
	return ind
}
