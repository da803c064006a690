package cmd

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/changle/subsidy/internal/measure"
	"github.com/changle/subsidy/internal/policy"
	"github.com/changle/subsidy/internal/usererr"
)

func newPolicyCmd(io IO, g *globalOptions) *cobra.Command {
	c := &cobra.Command{
		Use:   "policy",
		Short: "政策参数 / the policy parameters in force",
		Args:  cobra.ArbitraryArgs,
		RunE:  showHelpOrRefuse,
	}
	c.AddCommand(newPolicyShowCmd(io, g), newPolicyInitCmd(io, g), newPolicyCheckCmd(io, g))
	return c
}

func newPolicyShowCmd(io IO, g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "show",
		Short: "显示生效的政策参数文件 / print the policy file in force",
		Long: `显示生效的政策参数文件（默认内置文件，或 --policy 指定的文件），
每个数值带单位、条款和“含/不含”取向。给出 --set 时显示改动后的参数，每处以注释标明原值。

Prints the policy file in force, with any --set written in and marked.`,
		Example: `  subsidy policy show
  subsidy --policy 新方案.yaml policy show
  subsidy --set powerbonus.cap=25万元 policy show`,
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error {
			in, err := g.loadPolicy()
			if err != nil {
				return err
			}
			_, err = io.Out.Write(in.source)
			return err
		},
	}
}

func newPolicyInitCmd(io IO, g *globalOptions) *cobra.Command {
	var output string
	var force bool
	c := &cobra.Command{
		Use:   "init -o 新方案.yaml",
		Short: "写出内置政策参数文件，作为新方案的起点 / write the built-in policy file as a starting point",
		Long: `把内置政策参数文件原样写出，作为下一年度或修订方案的起点：改动其中的年度（periods）、
条款原文和数值后，先用 subsidy policy check 检查，再用 --policy 载入。

给出 --set 时，写出的是带上这些改动的内置文件。

Writes the built-in policy file (with any --set written in), to be edited into next year's plan.`,
		Example: `  subsidy policy init -o 新方案.yaml
  subsidy policy check 新方案.yaml
  subsidy --policy 新方案.yaml valueadd 申报表.xlsx`,
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error {
			if output == "" {
				return usererr.New("没有指定输出文件", "例如：subsidy policy init -o 新方案.yaml（- 为标准输出）")
			}
			builtin, err := (&globalOptions{sets: g.sets}).loadPolicy()
			if err != nil {
				return err
			}
			if output == "-" {
				_, err := io.Out.Write(builtin.source)
				return err
			}
			if _, err := os.Stat(output); err == nil && !force {
				return usererr.New("输出文件 "+output+" 已存在，未作改动", "如需覆盖请加 --force")
			}
			if err := measure.WriteFile(output, force, builtin.source); err != nil {
				return err
			}
			fmt.Fprintf(io.Err, "已写出 %s：修改后用 subsidy policy check %s 检查\n", output, output)
			return nil
		},
	}
	c.Flags().StringVarP(&output, "output", "o", "", "输出文件；- 为标准输出 / output file, - for stdout")
	c.Flags().BoolVar(&force, "force", false, "覆盖已存在的输出文件 / overwrite an existing output")
	return c
}

func newPolicyCheckCmd(io IO, g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "check 新方案.yaml",
		Short: "检查政策参数文件，并列出与内置文件的不同 / validate a policy file and list how it differs from the built-in one",
		Long: `按内置文件的结构检查政策参数文件：每个键都须存在、不得有未知的键、数值须带单位。
通过后列出与内置文件不同的参数（旧值 → 新值）；给出 --set 时先作这些改动。

Validates a policy file as --policy would load it (with any --set applied), then lists
each parameter that differs from the built-in file.`,
		Example: `  subsidy policy check 新方案.yaml`,
		Args:    oneInput("policy check 新方案.yaml"),
		RunE: func(_ *cobra.Command, args []string) error {
			p, _, err := policy.Load(args[0])
			if err != nil {
				return usererr.Wrap(err, err.Error(), "请按 subsidy policy init 写出的内置文件的结构修改")
			}
			if _, err := p.Override(g.sets); err != nil {
				return err
			}
			builtin, err := policy.Builtin()
			if err != nil {
				return err
			}
			changes := policy.Diff(builtin, p)
			fmt.Fprintf(io.Out, "%s 有效（%s）；与内置文件相比有 %d 处不同\n", args[0], p.ID, len(changes))
			for _, c := range changes {
				if strings.HasSuffix(c.Key, ".text") {
					fmt.Fprintf(io.Out, "  %s：条文已修改\n", c.Key)
					continue
				}
				fmt.Fprintf(io.Out, "  %s：%s → %s\n", c.Key, orNone(c.Old), orNone(c.New))
			}
			return nil
		},
	}
}

func orNone(v string) string {
	if v == "" {
		return "（无）"
	}
	return v
}
