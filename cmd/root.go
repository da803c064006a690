// Package cmd is the command line: Cobra wiring only; the work is in measure.
package cmd

import (
	"context"
	"io"
	"os"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/changle/subsidy/internal/measure"
	"github.com/changle/subsidy/internal/policy"
)

// version is set at build time: -ldflags "-X github.com/changle/subsidy/cmd.version=…".
var version = "dev"

// IO is where commands read and write, so tests can capture them.
type IO struct {
	Out, Err io.Writer
	ErrTTY   bool // Err is a terminal: progress is shown there, for people
}

// isTerminal reports a writer that is a terminal (a character device, not a file or pipe).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// globalOptions are the flags every subcommand shares.
type globalOptions struct {
	policyFile string
	sets       []string // --set key=value, in the order given
}

// inForce is the policy a command runs with: its file, with --set applied.
type inForce struct {
	policy    *policy.Policy
	name      string          // the file, as 参数 names it
	source    []byte          // as policy show prints it, --set written in
	overrides []policy.Change // what --set changed, marked in 参数
}

// loadPolicy returns the policy in force.
func (g *globalOptions) loadPolicy() (*inForce, error) {
	in := &inForce{name: policy.BuiltinName}
	var err error
	if g.policyFile == "" {
		in.policy, err = policy.Builtin()
		in.source = policy.BuiltinSource()
	} else {
		in.name = g.policyFile
		in.policy, in.source, err = policy.Load(g.policyFile)
	}
	if err != nil {
		return nil, err
	}
	if in.overrides, err = in.policy.Override(g.sets); err != nil {
		return nil, err
	}
	if in.source, err = policy.WithOverrides(in.source, g.sets); err != nil {
		return nil, err
	}
	return in, nil
}

func newRootCmd(io IO) *cobra.Command {
	g := &globalOptions{}
	plan := "内置政策"
	if p, err := policy.Builtin(); err == nil { // the embedded file is checked by the tests
		plan = "《" + p.Title + "》（" + p.Document + "）"
	}
	root := &cobra.Command{
		Use:   "subsidy",
		Short: "企业奖励计算 / enterprise award calculator",
		Long: `subsidy 按` + plan + `
计算企业奖励：读入申报表（.xlsx），逐行给出状态、奖励金额、计算说明和政策条款，
写出奖励表（.xlsx / .csv / JSON Lines），从不改动输入文件。下一年度的方案是一个新的
政策参数文件（subsidy policy init），无需改动程序。

subsidy computes the enterprise awards of Changle district's plan from a staff
workbook, row by row, with the reason and the clause for each award. The input file
is never modified.`,
		Example: `  subsidy valueadd 申报表.xlsx
  subsidy valueadd 申报表.xlsx --format json -o -
  subsidy springfestival 春节用电.xlsx
  subsidy techreform 技改项目.xlsx -o 结果.csv
  subsidy --set powerbonus.cap=25万元 powerbonus 增产增效.xlsx -o 测算.xlsx
  subsidy policy show`,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true, // exit prints the one Chinese line
		Args:          cobra.ArbitraryArgs,
		RunE:          showHelpOrRefuse,
	}
	root.SetOut(io.Out)
	root.SetErr(io.Err)
	root.SetVersionTemplate("subsidy {{.Version}}\n")
	root.PersistentFlags().StringVar(&g.policyFile, "policy", "", "政策参数文件（默认用内置文件，见 subsidy policy show）/ policy file to use instead of the built-in one")
	root.PersistentFlags().StringArrayVar(&g.sets, "set", nil, "临时改动一个政策参数，可多次给出，如 --set powerbonus.cap=25万元（键名见 subsidy policy show）/ override one policy parameter")
	for _, m := range measure.Registry {
		root.AddCommand(newMeasureCmd(io, g, m, nil))
	}
	root.AddCommand(newAllCmd(io, g, nil), newTemplateCmd(io, g), newPolicyCmd(io, g), newDiffCmd(io, g, nil), newServeCmd(io, g, nil))
	root.SetFlagErrorFunc(flagError)
	bilingualHelp(root)
	return root
}

// memoryLimit keeps the heap of a million-row run well under 256 MiB; GOMEMLIMIT overrides it.
const memoryLimit = 160 << 20

// Run executes the command line and returns the process exit code.
func Run(args []string, out, errOut io.Writer) int {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	ctx, stop := interruptible()
	defer stop()
	if startedByExplorer() {
		return runFromExplorer(ctx, args, os.Stdin, out, errOut)
	}
	return run(ctx, args, out, errOut)
}

// run is Run under a given context: cancelling it is an interrupt.
func run(ctx context.Context, args []string, out, errOut io.Writer) int {
	root := newRootCmd(IO{Out: out, Err: errOut, ErrTTY: isTerminal(errOut)})
	root.SetArgs(args)
	return exit(root.ExecuteContext(ctx), errOut)
}
