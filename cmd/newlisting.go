package cmd

import (
	"github.com/spf13/cobra"

	"github.com/changle/subsidy/measure"
)

func newNewListingCmd(io IO, g *globalOptions) *cobra.Command {
	return newMeasureCmd(io, g, measure.NewListing, measureHelp{
		use:   "newlisting 申报表.xlsx",
		short: "第10条 新增纳统奖励 / new above-scale listing award (clause 10)",
		long: `读取的列：企业名称、统一社会信用代码、是否纳入小升规培育库、
纳统类型（新投产纳统 / 规下转规上；其他值为“不符合条件”，空白为“待补充”）、是否首次纳统、
纳统时间（日期单元格、2024-01-15、2024/1/15、2024.1.15、2024年1月15日 均可）；
可选 所属乡镇(街道)、备注；其余列原样保留。

Clause 10 award (榕升计划): a fixed amount for enterprises in the 小升规 library that
became above-scale for the first time within the policy's inclusion window.`,
		example: `  subsidy newlisting testdata/newlisting.xlsx
      写出 testdata/newlisting-新增纳统奖励.xlsx
  subsidy newlisting testdata/newlisting.xlsx --format json -o -`,
	})
}
