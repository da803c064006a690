package cmd

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/changle/subsidy/internal/award"
	"github.com/changle/subsidy/internal/measure"
	"github.com/changle/subsidy/internal/usererr"
)

// allOptions are the quarter's run: the measure flags, and the per-measure ones written
// with the measure's key in front (--sheet valueadd:测算表).
type allOptions struct {
	measureOptions
	inputs     []string
	sheets     []string
	headerRows []string
	maps       []string
	unitFlags  []string
}

func newAllCmd(io IO, g *globalOptions, runF func(context.Context, *allOptions) error) *cobra.Command {
	o := &allOptions{measureOptions: measureOptions{io: io, global: g}}
	c := &cobra.Command{
		Use:   "all 申报汇总.xlsx [更多.xlsx|文件夹|*.xlsx …]",
		Short: "一次计算全部奖励：每个工作表按其表头归入相应措施 / every measure in one run",
		Long: `读取所给的全部工作簿（文件夹为其中的 .xlsx/.csv，按文件名顺序；也可写 *.xlsx，由本工具展开），
每个可见工作表按其表头归入相应措施（或按工作表名称中的措施名），不符合任何措施的工作表列出后略过。
同一措施的多个工作表（如各乡镇一份）合并为该措施的明细，并增加“来源”列；跨表重复申报同样判为数据有误。

奖励表包含：每项措施的明细、企业汇总（每个统一社会信用代码各措施奖励及合计）、乡镇汇总、汇总、
公示名单、拨付清单（含大写金额与合计）、参数。奖励表本身也可再作为输入。
--sheet、--header-row、--map、--unit 前加措施名，如 --map valueadd:2023年产值=核定产值(万元)。

Runs every measure whose sheet it finds and writes one award workbook with the quarter's
per-enterprise totals, 公示名单 and 拨付清单.`,
		Example: `  subsidy all 申报汇总.xlsx
  subsidy all 各乡镇申报/ --prior 已发放/
  subsidy all "申报/*.xlsx" -o 一季度奖励.xlsx
  subsidy all 申报汇总.xlsx --format json -o - | head -1`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usererr.New("没有给出申报表", "例如：subsidy all 申报汇总.xlsx，或一个文件夹")
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			o.inputs = args
			if runF != nil {
				return runF(c.Context(), o)
			}
			return runAll(c.Context(), o)
		},
	}
	f := c.Flags()
	o.commonFlags(c)
	f.StringArrayVar(&o.sheets, "sheet", nil, "措施:工作表，如 --sheet valueadd:测算表 / sheet of a measure")
	f.StringArrayVar(&o.headerRows, "header-row", nil, "措施:行号，如 --header-row valueadd:3 / header row of a measure's sheet")
	f.StringArrayVar(&o.maps, "map", nil, "措施:字段=表头，如 --map valueadd:output=核定产值(万元) / map a field of a measure")
	f.StringArrayVar(&o.unitFlags, "unit", nil, "措施:字段=单位，如 --unit valueadd:output=万元 / unit of a measure's column")
	return c
}

// perMeasure splits "valueadd:测算表" flags by measure key.
func perMeasure(flag string, values []string) (map[string]string, error) {
	out := map[string]string{}
	for _, v := range values {
		key, rest, ok := strings.Cut(v, ":")
		if _, known := measure.All[key]; !ok || !known {
			return nil, usererr.New(fmt.Sprintf("--%s %s 没有写明措施", flag, v),
				fmt.Sprintf("请写成 --%s 措施:…，措施为 %s 之一", flag, strings.Join(measure.Keys(), "、")))
		}
		out[key] = rest
	}
	return out, nil
}

func (o *allOptions) split() (measure.AllOptions, error) {
	var opts measure.AllOptions
	var err error
	if opts.Sheets, err = perMeasure("sheet", o.sheets); err != nil {
		return opts, err
	}
	rows, err := perMeasure("header-row", o.headerRows)
	if err != nil {
		return opts, err
	}
	opts.HeaderRows = map[string]int{}
	for key, v := range rows {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > excelRows {
			return opts, usererr.New("--header-row "+key+":"+v+" 不是行号", "请写成 --header-row 措施:行号，如 valueadd:3")
		}
		opts.HeaderRows[key] = n
	}
	opts.Maps, opts.UnitsOf = map[string]map[string]string{}, map[string]map[string]string{}
	for flag, pairs := range map[string][]string{"map": o.maps, "unit": o.unitFlags} {
		for _, v := range pairs {
			key, rest, _ := strings.Cut(v, ":")
			field, value, ok := strings.Cut(rest, "=")
			if _, known := measure.All[key]; !known || !ok {
				return opts, usererr.New(fmt.Sprintf("--%s %s 应写作 措施:字段=…", flag, v), "例如 --map valueadd:output=核定产值(万元)")
			}
			target := opts.Maps
			if flag == "unit" {
				target = opts.UnitsOf
			}
			if target[key] == nil {
				target[key] = map[string]string{}
			}
			target[key][field] = value
		}
	}
	return opts, nil
}

// quarterMemoryLimit lets the quarter's run hold its per-enterprise totals and 公示名单
// (a few hundred MiB for a million rows) without the collector running without end, and
// keeps it under the 512 MiB a quarter may take; GOMEMLIMIT overrides it.
const quarterMemoryLimit = 400 << 20

func runAll(ctx context.Context, o *allOptions) error {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(quarterMemoryLimit)
	}
	opts, err := o.split()
	if err != nil {
		return err
	}
	in, err := o.global.loadPolicy()
	if err != nil {
		return err
	}
	limits, err := o.limits()
	if err != nil {
		return err
	}
	opts.Options = measure.Options{
		Context: ctx, Limits: limits, Output: o.output, Format: o.format, Encoding: o.encoding, Force: o.force,
		StrictCodes: o.strictCodes, Password: o.password, Prior: o.prior,
		Policy: in.policy, PolicyName: in.name, Overrides: in.overrides, Version: version, Now: time.Now(), Stdout: o.io.Out,
	}
	opts.Inputs = o.inputs
	res, err := measure.RunAll(opts)
	if err != nil {
		return err
	}
	if !o.quiet {
		printQuarter(o.io.Err, res)
	}
	pending, invalid := 0, 0
	for _, r := range res.Quarter.Measures {
		pending, invalid = pending+r.Tally.Rows[award.Pending], invalid+r.Tally.Rows[award.Invalid]
	}
	if o.strict && pending+invalid > 0 {
		fmt.Fprintf(o.io.Err, "--strict：有 %d 行待补充、%d 行数据有误，退出码 %d\n", pending, invalid, ExitStrict)
		return errStrict
	}
	return nil
}

// printQuarter writes each measure's line and the grand total.
func printQuarter(w io.Writer, res *measure.AllResult) {
	fmt.Fprintln(w, "全部奖励：")
	rows := 0
	for _, r := range res.Quarter.Measures {
		t := r.Tally
		rows += t.Count()
		fmt.Fprintf(w, "  %s（%s） %5d 行：予以奖励 %d 行 %s 元，不符合条件 %d，待补充 %d，数据有误 %d\n",
			r.Title, r.Clause, t.Count(), t.Rows[award.Awarded], award.Yuan(t.Award[award.Awarded]), t.Rows[award.NotEligible], t.Rows[award.Pending], t.Rows[award.Invalid])
	}
	fmt.Fprintf(w, "  合计 %d 行，奖励 %s 元（%d 家企业）\n", rows, award.Yuan(res.Quarter.Total()), countPaid(res.Quarter))
	if len(res.Skipped) > 0 {
		fmt.Fprintf(w, "  未计算（不符合任何措施）：%s\n", strings.Join(res.Skipped, "、"))
	}
	if res.Output != "-" {
		fmt.Fprintf(w, "输出：%s\n", res.Output)
	}
}

func countPaid(q *award.Quarter) int {
	n := 0
	for _, e := range q.Enterprises() {
		if e.Total.IsPositive() {
			n++
		}
	}
	return n
}
