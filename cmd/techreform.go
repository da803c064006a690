package cmd

import (
	"github.com/spf13/cobra"

	"github.com/changle/subsidy/measure"
)

func newTechReformCmd(io IO, g *globalOptions) *cobra.Command {
	return newMeasureCmd(io, g, measure.TechReform, measureHelp{
		use:   "techreform 项目表.xlsx",
		short: "第14条 技改配套奖励 / technical-reform project matching award (clause 14)",
		long: `每行一个项目，一家企业可有多个项目；同一企业同一项目名称出现两次则两行均为“数据有误”。
读取的列：企业名称、统一社会信用代码、项目名称、开工时间、省级技改补助(元)、市级技改补助(元)
（空白视为未获得）；可选 所属乡镇(街道)、备注；其余列原样保留。
开工时间须在政策参数 techreform.start_window 内（按“对一季度开工建设的工业技改项目”理解）。

Clause 14 award: per project started in the window, a share of the provincial and the
municipal technical-reform subsidy received. No cap, no floor.`,
		example: `  subsidy techreform testdata/techreform.xlsx
      写出 testdata/techreform-技改配套奖励.xlsx
  subsidy techreform testdata/techreform.xlsx --format json -o -`,
	})
}
