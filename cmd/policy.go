package cmd

import (
	"github.com/spf13/cobra"
)

func newPolicyCmd(io IO, g *globalOptions) *cobra.Command {
	c := &cobra.Command{
		Use:   "policy",
		Short: "政策参数 / the policy parameters in force",
		Args:  cobra.ArbitraryArgs,
		RunE:  showHelpOrRefuse,
	}
	c.AddCommand(&cobra.Command{
		Use:   "show",
		Short: "显示生效的政策参数文件 / print the policy file in force",
		Long: `显示生效的政策参数文件（默认内置 changle-2024q1，或 --policy 指定的文件），
每个数值带单位、条款和“含/不含”取向。可另存后修改，再用 --policy 载入。

Prints the policy file in force; save it, edit it and load it with --policy.`,
		Example: `  subsidy policy show
  subsidy policy show > 2024q2.yaml && subsidy --policy 2024q2.yaml valueadd 申报表.xlsx`,
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error {
			_, _, src, err := g.loadPolicy()
			if err != nil {
				return err
			}
			_, err = io.Out.Write(src)
			return err
		},
	})
	return c
}
