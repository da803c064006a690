package cmd

import (
	"github.com/spf13/cobra"

	"github.com/changle/subsidy/measure"
)

func newSpringFestivalCmd(io IO, g *globalOptions) *cobra.Command {
	return newMeasureCmd(io, g, measure.SpringFestival, measureHelp{
		use:   "springfestival 申报表.xlsx",
		short: "第9条 春节用电奖励 / Spring Festival electricity award (clause 9)",
		long: `读取的列：企业名称、统一社会信用代码、是否规上工业企业（无此列则视为全部是）、
春节期间用电量(千瓦时)（也认 2024年2月用电量；单位可为 千瓦时/kWh/度/万千瓦时）、
市级奖励金额(元)；可选 所属乡镇(街道)、备注；其余列原样保留。
市级奖励金额空白为“待补充”，为0为“不符合条件”；奖励恰为下限时在计算说明中提示所采用的理解。

Clause 9 award: the district matches the municipal award for above-scale industrial
enterprises whose February 2024 electricity use reached the threshold, with a cap and a floor.`,
		example: `  subsidy springfestival testdata/springfestival.xlsx
      写出 testdata/springfestival-春节用电奖励.xlsx
  subsidy springfestival testdata/springfestival.xlsx --format json -o -`,
	})
}
