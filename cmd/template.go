package cmd

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/changle/subsidy/internal/measure"
	"github.com/changle/subsidy/internal/usererr"
)

func newTemplateCmd(io IO, g *globalOptions) *cobra.Command {
	var output string
	var force bool
	c := &cobra.Command{
		Use:   "template 措施",
		Short: "生成空白申报表 / write a blank input workbook for a measure",
		Long: `生成某项措施的空白申报表（.xlsx）：规范表头（单位写在括号内）、是/否下拉选项、
日期和文本格式，以及引用政策条款的“填表说明”工作表。填好后可直接作为输入。
措施：` + strings.Join(measure.Keys(), "、") + `

Writes a blank input workbook for a measure, with the canonical headers, drop-downs
and a sheet quoting the clause. A filled-in template is a valid input.`,
		Example: `  subsidy template valueadd
      写出 增加值率奖励-申报模板.xlsx
  subsidy template techreform -o 技改项目.xlsx`,
		Args: func(_ *cobra.Command, args []string) error {
			measures := "措施：" + strings.Join(measure.Keys(), "、")
			switch {
			case len(args) == 0:
				return usererr.New("没有给出措施名", "例如：subsidy template valueadd（"+measures+"）")
			case len(args) > 1:
				return usererr.New("只能给一个措施名，却给了“"+strings.Join(args, " ")+"”", "例如：subsidy template valueadd -o 申报表.xlsx")
			}
			if _, ok := measure.All[args[0]]; !ok {
				return usererr.New("没有措施“"+args[0]+"”", measures)
			}
			return nil
		},
		RunE: func(_ *cobra.Command, args []string) error {
			in, err := g.loadPolicy()
			if err != nil {
				return err
			}
			path, err := measure.WriteTemplate(measure.All[args[0]], in.policy, output, force, io.Out)
			if err != nil {
				return err
			}
			if path != "-" {
				fmt.Fprintf(io.Err, "已写出空白申报表：%s\n", path)
			}
			return nil
		},
	}
	c.Flags().StringVarP(&output, "output", "o", "", "输出文件；- 为标准输出（默认：<措施名>-申报模板.xlsx）/ output file")
	c.Flags().BoolVar(&force, "force", false, "覆盖已存在的输出文件 / overwrite an existing output")
	return c
}
