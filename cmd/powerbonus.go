package cmd

import (
	"github.com/spf13/cobra"

	"github.com/changle/subsidy/measure"
)

func newPowerBonusCmd(io IO, g *globalOptions) *cobra.Command {
	return newMeasureCmd(io, g, measure.PowerBonus, measureHelp{
		use:   "powerbonus 申报表.xlsx",
		short: "第8条 增产增效奖励 / output-over-power growth award (clause 8)",
		long: `读取的列：企业名称、统一社会信用代码、是否规上制造业企业（无此列则视为全部是）、
是否符合省级增产增效奖励条件、是否2024年一季度新投产纳统、
一季度产值增幅(%) 与 一季度用电增幅(%)（或 2024/2023年一季度产值(万元) 与 2024/2023年一季度用电量(千瓦时)，
以交叉相乘比较；基期为0或缺失为“待补充”）、2024年一季度产值(万元)（新投产纳统企业用）、
市级奖励金额(元)；可选 所属乡镇(街道)、备注；其余列原样保留。
市级奖励金额空白为“待补充”，为0为“不符合条件”；奖励恰为下限时在计算说明中提示所采用的理解。

Clause 8 award: the district matches the municipal award for above-scale manufacturers
that meet the provincial conditions and whose Q1 output grew at least as fast as their
electricity use (new entrants: Q1 output threshold instead), with a cap and a floor.`,
		example: `  subsidy powerbonus testdata/powerbonus.xlsx
      写出 testdata/powerbonus-增产增效奖励.xlsx
  subsidy powerbonus testdata/powerbonus.xlsx --format json -o -`,
	})
}
