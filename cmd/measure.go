package cmd

import (
	"github.com/changle/subsidy/internal/award"

	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/changle/subsidy/internal/measure"
	"github.com/changle/subsidy/internal/policy"
	"github.com/changle/subsidy/internal/usererr"
	"github.com/changle/subsidy/internal/workbook"
)

// measureOptions are what a measure subcommand runs on: its measure and input, and the flags
// every measure takes.
type measureOptions struct {
	io      IO
	global  *globalOptions
	measure measure.Measure
	input   string

	output, format, sheet string
	encoding              string
	headerRow             int
	force, strict, quiet  bool
	strictCodes           bool
	password              string
	maxFileSize, maxUnzip string
	mapping, units        map[string]string
	prior                 []string
}

// newMeasureCmd builds the subcommand of one measure from its declaration; all measures
// share flags and behaviour. Help is written with the built-in policy. runF, when not nil,
// runs instead of runMeasure, so tests see the options the flags gave.
func newMeasureCmd(io IO, g *globalOptions, m measure.Measure, runF func(context.Context, *measureOptions) error) *cobra.Command {
	o := &measureOptions{io: io, global: g, measure: m}
	long, example := m.Help.Short, ""
	if p, err := policy.Builtin(); err == nil { // the embedded file is checked by the tests
		long, example = m.LongHelp(p, "内置政策 "+p.ID), m.Example(p)
	}
	c := &cobra.Command{
		Use:     m.Usage(),
		Short:   m.Help.Short,
		Long:    long,
		Example: example,
		Args:    oneInput(m.Usage()),
		RunE: func(c *cobra.Command, args []string) error {
			o.input = args[0]
			if runF != nil {
				return runF(c.Context(), o)
			}
			return runMeasure(c.Context(), o)
		},
	}
	o.commonFlags(c)
	f := c.Flags()
	f.StringVar(&o.sheet, "sheet", "", "工作表名称（默认第一个）/ sheet to read")
	f.IntVar(&o.headerRow, "header-row", 0, "表头所在行号（默认自动识别）/ header row number")
	f.StringToStringVar(&o.mapping, "map", nil, "字段=表头，指定某列对应的字段；字段写键名或表头名，如 --map output=去年产值(万元) / map a field to a header")
	f.StringToStringVar(&o.units, "unit", nil, "字段=单位，表头和“单位：”行都未注明时使用，如 --unit output=万元 / unit of a column")
	return c
}

// commonFlags are the flags of every run, one measure or all.
func (o *measureOptions) commonFlags(c *cobra.Command) {
	f := c.Flags()
	f.StringVarP(&o.output, "output", "o", "", "输出文件；- 为标准输出（默认：输入文件旁的“<输入名>-<措施名>.xlsx”）/ output file, - for stdout")
	f.StringVar(&o.format, "format", "", "输出格式 xlsx|csv|json（默认按输出文件扩展名）/ output format")
	f.StringVar(&o.encoding, "encoding", "utf-8", "CSV 编码：utf-8（带BOM，Excel可直接打开）或 gbk / CSV encoding")
	f.BoolVar(&o.force, "force", false, "覆盖已存在的输出文件 / overwrite an existing output")
	f.BoolVar(&o.quiet, "quiet", false, "不显示进度和汇总（错误仍显示）/ no progress or summary on stderr")
	f.BoolVar(&o.strict, "strict", false, "有待补充或数据有误的行时以退出码3结束 / exit 3 when any row is pending or invalid")
	f.BoolVar(&o.strictCodes, "strict-codes", false, "统一社会信用代码校验位不符即判为数据有误 / a wrong check character makes the row invalid")
	f.StringArrayVar(&o.prior, "prior", nil, "此前各批次的奖励表（或其所在文件夹），可多次给出：其中已发放的不再重复发放 / earlier award workbooks: what they paid is not paid again")
	f.StringVar(&o.password, "password", "", "加密工作簿的打开密码 / password of an encrypted workbook")
	f.StringVar(&o.maxFileSize, "max-file-size", workbook.FormatSize(workbook.DefaultLimits.FileSize), "输入文件大小上限，如 2GiB / largest input file")
	f.StringVar(&o.maxUnzip, "max-unzip-size", workbook.FormatSize(workbook.DefaultLimits.UnzipSize), "工作簿各部分解压后大小上限 / largest part once unzipped")
}

func (o *measureOptions) limits() (workbook.Limits, error) {
	return parseLimits(o.maxFileSize, o.maxUnzip)
}

// parseLimits reads --max-file-size and --max-unzip-size.
func parseLimits(maxFileSize, maxUnzip string) (workbook.Limits, error) {
	fileSize, err := workbook.ParseSize(maxFileSize)
	if err != nil {
		return workbook.Limits{}, usererr.Wrap(err, "--max-file-size "+err.Error(), "")
	}
	unzip, err := workbook.ParseSize(maxUnzip)
	if err != nil {
		return workbook.Limits{}, usererr.Wrap(err, "--max-unzip-size "+err.Error(), "")
	}
	return workbook.Limits{FileSize: fileSize, UnzipSize: unzip}, nil
}

// excelRows is the last row an Excel sheet has.
const excelRows = 1048576

// checkHeaderRow refuses a row number no sheet has; 0 (the default) means find the header.
func (o *measureOptions) checkHeaderRow() error {
	if o.headerRow < 0 || o.headerRow > excelRows {
		return usererr.New(fmt.Sprintf("--header-row %d 不是行号", o.headerRow),
			fmt.Sprintf("请写表头所在的行号（1 到 %d），或不加此选项由本工具自动识别", excelRows))
	}
	return nil
}

// progressWriter is stderr when it is a terminal and not --quiet: progress is for people.
func progressWriter(io IO, quiet bool) io.Writer {
	if quiet || !io.ErrTTY {
		return nil
	}
	return io.Err
}

func runMeasure(ctx context.Context, o *measureOptions) error {
	io, g, m, input := o.io, o.global, o.measure, o.input
	if err := o.checkHeaderRow(); err != nil {
		return err
	}
	in, err := g.loadPolicy()
	if err != nil {
		return err
	}
	limits, err := o.limits()
	if err != nil {
		return err
	}
	res, err := measure.Run(m, measure.Options{
		Context: ctx,
		Limits:  limits,
		Input:   input, Output: o.output, Format: o.format, Encoding: o.encoding, Force: o.force, StrictCodes: o.strictCodes,
		Sheet: o.sheet, HeaderRow: o.headerRow, Password: o.password, Map: o.mapping, Units: o.units, Prior: o.prior,
		Policy: in.policy, PolicyName: in.name, Overrides: in.overrides, Version: version, Now: time.Now(), Stdout: io.Out,
		Progress: progressWriter(io, o.quiet),
	})
	if err != nil {
		return err
	}
	if !o.quiet {
		printSummary(io.Err, res)
	}
	printNotices(io.Err, res)
	t := res.Report.Tally
	if o.strict && t.Rows[award.Pending]+t.Rows[award.Invalid] > 0 {
		fmt.Fprintf(io.Err, "--strict：有 %d 行待补充、%d 行数据有误，退出码 %d\n", t.Rows[award.Pending], t.Rows[award.Invalid], ExitStrict)
		return errStrict
	}
	return nil
}
