package cmd

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/changle/subsidy/internal/diff"
	"github.com/changle/subsidy/internal/measure"
	"github.com/changle/subsidy/internal/usererr"
	"github.com/changle/subsidy/internal/workbook"
)

// diffOptions are what subsidy diff compares and where it writes.
type diffOptions struct {
	io       IO
	global   *globalOptions
	old, new string

	output, format  string
	force, exitCode bool
}

// errDiffers carries exit code 4 out of a comparison that found differences (--exit-code).
var errDiffers = errors.New("differs")

// newDiffCmd builds subsidy diff; runF, when not nil, runs instead of runDiff, so tests see
// the options the flags gave.
func newDiffCmd(io IO, g *globalOptions, runF func(context.Context, *diffOptions) error) *cobra.Command {
	o := &diffOptions{io: io, global: g}
	c := &cobra.Command{
		Use:   "diff 原结果.xlsx 新结果.xlsx",
		Short: "比较两次计算结果：哪些申报变了、预算差多少 / compare two award outputs",
		Long: `比较本工具写出的两份结果（奖励表 .xlsx 或 JSON Lines，单项措施或 subsidy all），
按申报逐项对照（统一社会信用代码；技改另加项目名称，招聘活动另加日期和地点），不按行号：
列出状态或金额变了的申报（原 → 新，两边的计算说明）、只在一份中出现的申报，以及每项措施的
行数、奖励合计和预算差额（新 − 原）。默认在终端显示；-o 写出 .xlsx（变化明细、预算对比）
或 JSON Lines。有无差异都以 0 结束；加 --exit-code 时有差异以 4 结束。

Compares two outputs of this tool claim by claim (matched by identity, not row number):
claims whose status or award changed, claims only in one, and each measure's totals and
budget difference. Exit 0 either way; with --exit-code, 4 when anything differs.`,
		Example: `  subsidy powerbonus 增产增效.xlsx -o 现行.xlsx
  subsidy --set powerbonus.cap=25万元 powerbonus 增产增效.xlsx -o 测算.xlsx
  subsidy diff 现行.xlsx 测算.xlsx
  subsidy diff 1月-招聘活动补助.xlsx 1月-重算.xlsx -o 对比.xlsx
  subsidy diff 上次.jsonl 本次.jsonl --exit-code`,
		Args: twoOutputs,
		RunE: func(c *cobra.Command, args []string) error {
			o.old, o.new = args[0], args[1]
			if runF != nil {
				return runF(c.Context(), o)
			}
			return runDiff(c.Context(), o)
		},
	}
	f := c.Flags()
	f.StringVarP(&o.output, "output", "o", "", "写出比较结果：.xlsx 或 .jsonl；- 为标准输出（JSON Lines）；默认在终端显示 / write the comparison to a file")
	f.StringVar(&o.format, "format", "", "输出格式 xlsx|json（默认按输出文件扩展名）/ output format")
	f.BoolVar(&o.force, "force", false, "覆盖已存在的输出文件 / overwrite an existing output")
	f.BoolVar(&o.exitCode, "exit-code", false, "有差异时以退出码4结束 / exit 4 when the outputs differ")
	return c
}

// twoOutputs accepts exactly the two outputs to compare.
func twoOutputs(_ *cobra.Command, args []string) error {
	if len(args) != 2 {
		return usererr.New(fmt.Sprintf("需要两个结果文件（原结果、新结果），却给了 %d 个", len(args)),
			"例如：subsidy diff 现行.xlsx 测算.xlsx")
	}
	return nil
}

func runDiff(ctx context.Context, o *diffOptions) error {
	format, err := o.outputFormat()
	if err != nil {
		return err
	}
	in, err := o.global.loadPolicy()
	if err != nil {
		return err
	}
	var sides [2]diff.Output
	for i, path := range []string{o.old, o.new} {
		decisions, err := measure.ReadOutput(ctx, path, in.policy, workbook.DefaultLimits)
		if err != nil {
			return err
		}
		sides[i] = diff.Output{Name: path, Decisions: decisions}
	}
	res, err := diff.Compare(in.policy, sides[0], sides[1])
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err // interrupted: nothing is shown or written
	}
	if err := o.write(format, res); err != nil {
		return err
	}
	if o.exitCode && res.Differs() {
		fmt.Fprintf(o.io.Err, "--exit-code：两次结果有差异，退出码 %d\n", ExitDiffers)
		return errDiffers
	}
	return nil
}

// outputFormat settles the format before any reading: text for the terminal, xlsx or json.
func (o *diffOptions) outputFormat() (string, error) {
	byExt := map[string]string{".xlsx": "xlsx", ".jsonl": "json", ".json": "json"}[strings.ToLower(filepath.Ext(o.output))]
	format := strings.ToLower(o.format)
	switch {
	case format != "" && format != "xlsx" && format != "json":
		return "", usererr.New("--format 只能是 xlsx 或 json，而不是“"+o.format+"”", "终端显示不需要 --format；写文件用 -o 对比.xlsx 或 -o 对比.jsonl")
	case o.output == "" && format != "":
		return "", usererr.New("--format "+o.format+" 需要同时用 -o 指定输出文件", "例如 -o 对比.xlsx，或 -o - 输出 JSON Lines 到标准输出")
	case o.output == "":
		return "text", nil
	case o.output == "-" && format == "xlsx":
		return "", usererr.New("xlsx 不能输出到标准输出", "请用 -o 对比.xlsx 写成文件，或用 -o - 输出 JSON Lines")
	case o.output == "-":
		return "json", nil
	case format == "" && byExt == "":
		return "", usererr.New("无法从输出文件名 "+o.output+" 判断格式", "请用 .xlsx 或 .jsonl 结尾，或加 --format")
	case format != "" && byExt != "" && format != byExt:
		return "", usererr.New("输出文件名 "+o.output+" 与 --format "+o.format+" 不符", "请让扩展名与格式一致")
	case format == "":
		format = byExt
	}
	for _, input := range []string{o.old, o.new} {
		if measure.SameFile(o.output, input) {
			return "", usererr.New("输出文件 "+o.output+" 就是要比较的结果文件", "本工具从不改写输入，请换一个输出文件名")
		}
	}
	return format, nil
}

// write shows the comparison on the terminal, or writes it as every output is written.
func (o *diffOptions) write(format string, res *diff.Result) error {
	write := diff.WriteJSONLines
	switch {
	case format == "text":
		return diff.WriteText(o.io.Out, res)
	case o.output == "-":
		return write(o.io.Out, res)
	case format == "xlsx":
		write = diff.WriteXLSX
	}
	var buf bytes.Buffer
	if err := write(&buf, res); err != nil {
		return err
	}
	if err := measure.WriteFile(o.output, o.force, buf.Bytes()); err != nil {
		return err
	}
	if err := diff.WriteBudget(o.io.Err, res); err != nil {
		return err
	}
	fmt.Fprintf(o.io.Err, "输出：%s\n", o.output)
	return nil
}
