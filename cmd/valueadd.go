package cmd

import (
	"github.com/spf13/cobra"

	"github.com/changle/subsidy/measure"
)

func newValueAddCmd(io IO, g *globalOptions) *cobra.Command {
	return newMeasureCmd(io, g, measure.ValueAdd, measureHelp{
		use:   "valueadd 申报表.xlsx",
		short: "第7条 增加值率奖励 / value-added rate award (clause 7)",
		long: `读取的列：企业名称、统一社会信用代码、是否规上工业企业（无此列则视为全部是）、
2023年产值(万元)、增加值率(%)（或 2023年工业增加值(万元)，以交叉相乘比较），
可选 所属乡镇(街道)、备注；其余列原样保留。

Clause 7 award for above-scale industrial enterprises by 2023 output and value-added rate.`,
		example: `  subsidy valueadd testdata/valueadd.xlsx
      写出 testdata/valueadd-增加值率奖励.xlsx
  subsidy valueadd 申报表.xlsx -o 结果.csv
  subsidy valueadd 申报表.xlsx --format json -o - | head -1`,
	})
}
