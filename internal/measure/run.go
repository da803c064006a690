package measure

import (
	"github.com/changle/subsidy/internal/award"

	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/changle/subsidy/calc"
	"github.com/changle/subsidy/internal/policy"
	"github.com/changle/subsidy/internal/table"
	"github.com/changle/subsidy/internal/unit"
	"github.com/changle/subsidy/internal/usererr"
	"github.com/changle/subsidy/internal/workbook"
)

// Options are what a run is asked to do.
type Options struct {
	Context     context.Context // cancelled on interrupt: the run stops and writes nothing; nil = never
	Input       string
	Output      string // "" = beside the input; "-" = standard output
	Format      string // xlsx, csv, json; "" = from Output's extension, else xlsx
	Encoding    string // CSV only: utf-8 (with BOM, default) or gbk
	Force       bool   // replace an existing output
	StrictCodes bool   // a wrong check character makes the row invalid
	Sheet       string
	HeaderRow   int
	Password    string            // for an encrypted workbook
	Limits      workbook.Limits   // what the input may make us read; zero = workbook.DefaultLimits
	Map         map[string]string // 字段 → 表头, from --map
	Units       map[string]string // 字段 → 单位, from --unit
	Prior       []string          // earlier award workbooks (or folders of them): their awarded claims are not paid again
	Policy      *policy.Policy
	PolicyName  string
	Overrides   []policy.Change // parameters --set changed in Policy, marked in 参数
	Version     string
	Now         time.Time
	Stdout      io.Writer
	Progress    io.Writer // where to show progress on long runs (a terminal); nil for none
}

// limitsAndContext fills in what a caller may leave out: the default limits, no cancelling.
func (opts Options) limitsAndContext() (workbook.Limits, context.Context) {
	limits, ctx := opts.Limits, opts.Context
	if limits == (workbook.Limits{}) {
		limits = workbook.DefaultLimits
	}
	if ctx == nil {
		ctx = context.Background()
	}
	return limits, ctx
}

// Result is what a run did.
type Result struct {
	Report *award.Report
	Output string // the path written, or "-"
	Format string
}

// Formats and the extension each writes.
var formatExt = map[string]string{"xlsx": ".xlsx", "csv": ".csv", "json": ".jsonl"}

// Run reads the input workbook, applies the measure to every row and writes the award file.
// The sheet is read twice, streaming: first for duplicate claims and its extent, then to
// compute and write row by row. Nothing is written unless the whole run succeeds.
func Run(m Measure, opts Options) (*Result, error) {
	format, output, err := resolveOutput(m.Section(opts.Policy).Name, opts)
	if err != nil {
		return nil, err
	}
	newWriter, err := writerFor(format, opts.Encoding)
	if err != nil {
		return nil, err
	}
	readOpts, err := readOptions(m, opts)
	if err != nil {
		return nil, err
	}
	limits, ctx := opts.limitsAndContext()
	opened, err := workbook.Open(opts.Input, opts.Password, limits)
	if err != nil {
		return nil, err
	}
	defer opened.Close()
	src := cancellable{opened, ctx}
	tbl, err := table.ReadTable(src, m.Spec(opts.Policy), readOpts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(opts.Input), err)
	}
	paid, err := readPaid(m, opts.Policy, opts.Prior, limits, false)
	if err != nil {
		return nil, err
	}
	sources := []source{{filepath.Base(opts.Input), tbl}}
	first, err := firstPass(m, opts.Policy, sources, opts.StrictCodes, paid)
	if err == nil && tbl.HasMerges() {
		// Cells merged down over rows are known once the sheet is read: read it again with them.
		first, err = firstPass(m, opts.Policy, sources, opts.StrictCodes, paid)
	}
	if err != nil {
		return nil, err
	}
	digest, err := fileSHA256(opts.Input)
	if err != nil {
		return nil, err
	}
	sec := m.Section(opts.Policy)
	report := award.NewReport(m.Key, sec.Name, sec.ClauseLabel(), tbl)
	report.PolicyID = opts.Policy.ID
	report.Settings = settings(m, opts, tbl, digest)
	produce := func(w io.Writer) error {
		out, err := newWriter(w, report, first.extents)
		if err != nil {
			return err
		}
		evaluate := func(l table.Line) *award.Result {
			if l.Kind != table.DataLine {
				return nil
			}
			res, outcome := evaluateRow(m, opts.Policy, tbl, l.Row, first.duplicates[l.Row.Num], opts.StrictCodes)
			if outcome.Status == calc.Awarded && len(paid) > 0 {
				if key, ok := claimKey(m, opts.Policy, tbl, l.Row); ok {
					if before, was := paid[key]; was {
						outcome = alreadyPaid(outcome, before)
					}
				}
			}
			if first.across != nil && outcome.Status == calc.Awarded {
				outcome = first.across.Revise(l.Row.Num, outcome)
			}
			res.Outcome = settled(outcome)
			report.Add(res)
			return &res
		}
		shown := newProgress(opts.Progress, first.rows)
		write := func(l table.Line, res *award.Result) error {
			if res != nil {
				shown.row()
			}
			return out.Line(l, res)
		}
		err = pipeline(tbl, evaluate, write)
		shown.finish()
		if err != nil {
			out.Abandon()
			return fmt.Errorf("%s: %w", filepath.Base(opts.Input), err)
		}
		if err := out.Close(report); err != nil {
			return err
		}
		return ctx.Err() // interrupted while the file was put together: it is not published
	}
	if output == "-" {
		return &Result{report, output, format}, produce(opts.Stdout)
	}
	if err := writeAtomically(output, opts.Force, produce); err != nil {
		return nil, err
	}
	return &Result{report, output, format}, nil
}

// newWriter starts an award file of one format on w.
type newWriter func(w io.Writer, r *award.Report, ext award.Extents) (award.Writer, error)

func writerFor(format, encoding string) (newWriter, error) {
	gbk := false
	switch strings.ToLower(encoding) {
	case "", "utf-8", "utf8":
	case "gbk", "gb18030":
		if format != "csv" {
			return nil, fmt.Errorf("--encoding %s 只用于 CSV 输出", encoding)
		}
		gbk = true
	default:
		return nil, fmt.Errorf("--encoding 只能是 utf-8 或 gbk，而不是“%s”", encoding)
	}
	switch format {
	case "csv":
		return func(w io.Writer, r *award.Report, _ award.Extents) (award.Writer, error) {
			return award.NewCSVWriter(w, r, gbk)
		}, nil
	case "json":
		return func(w io.Writer, r *award.Report, _ award.Extents) (award.Writer, error) {
			return award.NewJSONLinesWriter(w, r), nil
		}, nil
	}
	return award.NewXLSXWriter, nil
}

// resolveOutput settles format and path before any work, so a bad flag costs nothing.
func resolveOutput(title string, opts Options) (format, output string, err error) {
	format = strings.ToLower(opts.Format)
	if format != "" {
		if _, ok := formatExt[format]; !ok {
			return "", "", fmt.Errorf("--format 只能是 xlsx、csv 或 json，而不是“%s”", opts.Format)
		}
	}
	output = opts.Output
	switch output {
	case "-":
		if format == "" {
			format = "json"
		}
		return format, output, nil
	case "":
		if format == "" {
			format = "xlsx"
		}
		stem := strings.TrimSuffix(filepath.Base(opts.Input), filepath.Ext(opts.Input))
		output = filepath.Join(filepath.Dir(opts.Input), stem+"-"+title+formatExt[format])
	default:
		if st, err := os.Stat(output); err == nil && st.IsDir() {
			return "", "", checkTarget(output, opts.Force) // a folder: say so, not that its name has no extension
		}
		byExt := extFormat(output)
		switch {
		case format == "" && byExt == "":
			return "", "", fmt.Errorf("无法从输出文件名 %s 判断格式：请用 .xlsx、.csv 或 .jsonl 结尾，或加 --format", output)
		case format == "":
			format = byExt
		case byExt != "" && byExt != format:
			return "", "", fmt.Errorf("输出文件名 %s 与 --format %s 不符", output, format)
		}
	}
	if SameFile(output, opts.Input) {
		return "", "", fmt.Errorf("输出文件 %s 就是输入文件：本工具从不改写输入，请换一个输出文件名", output)
	}
	// A missing input is told by Open; the output beside it would only echo its folder.
	if _, err := os.Stat(opts.Input); err == nil {
		if err := checkTarget(output, opts.Force); err != nil {
			return "", "", err
		}
	}
	return format, output, nil
}

func extFormat(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx":
		return "xlsx"
	case ".csv":
		return "csv"
	case ".json", ".jsonl":
		return "json"
	}
	return ""
}

// SameFile reports whether two paths name one file, or would once written.
func SameFile(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(sa, sb)
	}
	absA, _ := filepath.Abs(a)
	absB, _ := filepath.Abs(b)
	return absA == absB
}

// readOptions resolves --map and --unit against the measure's columns.
func readOptions(m Measure, opts Options) (table.ReadOptions, error) {
	ro := table.ReadOptions{Sheet: opts.Sheet, HeaderRow: opts.HeaderRow, Map: map[string]string{}, Units: map[string]unit.Unit{}}
	spec := m.Spec(opts.Policy)
	for name, header := range opts.Map {
		f, err := table.ResolveField(spec, name)
		if err != nil {
			return ro, fmt.Errorf("--map %s=%s: %w", name, header, err)
		}
		ro.Map[f.Key] = header
	}
	for name, text := range opts.Units {
		f, err := table.ResolveField(spec, name)
		if err != nil {
			return ro, fmt.Errorf("--unit %s=%s: %w", name, text, err)
		}
		u, ok := unit.Lookup(text)
		if !ok || u.Dimension != f.Kind.Dimension() {
			return ro, fmt.Errorf("--unit %s=%s: “%s”不是%s的单位，可用：%s", name, text, text, f.Header, strings.Join(unit.Names(f.Kind.Dimension()), "、"))
		}
		ro.Units[f.Key] = u
	}
	return ro, nil
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", usererr.Wrap(err, "无法再次读取输入文件 "+path, "请确认运行期间文件未被移动或删除")
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", usererr.Wrap(err, "无法再次读取输入文件 "+path, "请确认运行期间文件未被移动或删除")
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// settings records, for the 参数 sheet, everything the result depends on.
func settings(m Measure, opts Options, t *table.Table, digest string) []award.Setting {
	p := opts.Policy
	sec := m.Section(p)
	s := []award.Setting{
		setting("政策", p.ID, p.Document+" "+p.Title),
		setting("政策参数文件", opts.PolicyName, ""),
		setting("措施", sec.Name, sec.ClauseLabel()+"："+sec.Text),
	}
	s = append(s, paramSettings(p, []Measure{m}, opts.Overrides)...)
	s = append(s,
		setting("输入文件", filepath.Base(opts.Input), ""),
		setting("输入文件SHA-256", digest, ""),
		setting("工作表", t.Sheet, ""),
		setting("表头行", strconv.Itoa(t.HeaderRow), ""))
	for _, f := range m.Spec(opts.Policy).Fields {
		if col, ok := t.Columns[f.Key]; ok {
			note := ""
			if col.UnitBy != "" {
				note = "单位" + col.Unit.Name + "（取自" + col.UnitBy + "）"
			}
			s = append(s, setting("列："+f.Header, workbook.ColumnName(col.Index)+"列“"+col.Header+"”", note))
		}
	}
	for _, f := range t.Assumed {
		s = append(s, setting("假定", f.Header+"：全部为“是”", "表中没有此列；联网直报平台导出的名单只含规上企业"))
	}
	s = append(s,
		setting("工具版本", opts.Version, ""),
		setting("运行时间", opts.Now.Format(time.DateTime), ""))
	return s
}

func setting(item, value, note string) award.Setting {
	return award.Setting{Item: item, Value: value, Note: note}
}
