package measure

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/changle/subsidy/calc"
	"github.com/changle/subsidy/internal/award"
	"github.com/changle/subsidy/internal/table"
	"github.com/changle/subsidy/internal/workbook"
)

// AllOptions are what the quarter's run is asked to do: Options' flags for every measure,
// and the per-measure ones (--sheet valueadd:测算表) by measure key.
type AllOptions struct {
	Options
	Inputs     []string // files, folders, patterns
	Sheets     map[string]string
	HeaderRows map[string]int
	Maps       map[string]map[string]string
	UnitsOf    map[string]map[string]string
}

// AllResult is what the quarter's run did.
type AllResult struct {
	Quarter *award.Quarter // each measure found, in clause order, and the quarter's totals
	Skipped []string       // sheets that fit no measure
	Output  string
	Format  string
}

// measureRun is one measure of the quarter: its sheets and what their first pass learnt.
type measureRun struct {
	m       Measure
	sources []source
	first   firstPassResult
	paid    paidClaims
	columns []string // the detail sheet's input columns
	mapping [][]int  // per source: input column → detail column, -1 for one not carried
}

// RunAll reads every workbook given, runs each sheet through the measure its headers fit,
// and writes one award workbook (or JSON Lines / CSV) with every measure's rows and the
// quarter's papers. Nothing is written unless the whole run succeeds.
func RunAll(opts AllOptions) (*AllResult, error) {
	files, err := expandInputs(opts.Inputs)
	if err != nil {
		return nil, err
	}
	opts.Input = files[0].path
	format, output, err := resolveOutput("全部奖励", opts.Options)
	if err != nil {
		return nil, err
	}
	limits, ctx := opts.limitsAndContext()
	var opened []workbook.Source
	defer func() {
		for _, src := range opened {
			src.Close()
		}
	}()
	runs := make([]*measureRun, len(Registry))
	res := &AllResult{Output: output, Format: format}
	var digests []award.Setting
	for _, file := range files {
		src, err := workbook.Open(file.path, opts.Password, limits)
		if err != nil {
			return nil, err
		}
		opened = append(opened, src)
		if sheets, _ := awardSheets(src, opts.Policy); !file.named && len(sheets) > 0 {
			continue // an earlier output beside the inputs: read only when named
		}
		digest, err := fileSHA256(file.path)
		if err != nil {
			return nil, err
		}
		digests = append(digests, award.Setting{Item: "输入文件", Value: filepath.Base(file.path), Note: "SHA-256 " + digest})
		skipped, err := assignSheets(opts, cancellable{src, ctx}, filepath.Base(file.path), runs)
		if err != nil {
			return nil, err
		}
		res.Skipped = append(res.Skipped, skipped...)
	}
	var found []*measureRun
	for _, r := range runs {
		if r != nil {
			found = append(found, r)
		}
	}
	if len(found) == 0 {
		return nil, fmt.Errorf("没有一个工作表符合任何奖励措施（%s）：请检查表头，或用 --sheet 措施:工作表 指定", strings.Join(res.Skipped, "；"))
	}
	for _, r := range found {
		if err := r.prepare(opts, limits); err != nil {
			return nil, err
		}
	}
	var reports []*award.Report
	for _, r := range found {
		sec := r.m.Section(opts.Policy)
		reports = append(reports, award.NewReport(r.m.Key, sec.Name, sec.ClauseLabel(), r.sources[0].tbl))
	}
	res.Quarter = award.NewQuarter(reports, opts.Policy.ID)
	settings := allSettings(opts, found, digests, res.Skipped)
	produce := func(w io.Writer) error {
		if err := writeQuarter(ctx, w, format, opts, found, res.Quarter, settings); err != nil {
			return err
		}
		return ctx.Err()
	}
	if output == "-" {
		return res, produce(opts.Stdout)
	}
	if err := writeAtomically(output, opts.Force, produce); err != nil {
		return nil, err
	}
	return res, nil
}

// assignSheets gives each visible sheet of a workbook to the measure its headers fit best
// (or whose name the sheet's name contains); it returns the sheets that fit none.
func assignSheets(opts AllOptions, src workbook.Source, file string, runs []*measureRun) ([]string, error) {
	var skipped []string
	for _, name := range src.SheetNames() {
		best, bestScore := -1, 0
		var bestTable *table.Table
		var named error
		for i, m := range Registry {
			if want := opts.Sheets[m.Key]; (want != "" && want != name) || (want == "" && src.Hidden(name)) {
				continue
			}
			ro, err := readOptions(m, measureOptions(opts, m))
			if err != nil {
				return nil, err
			}
			ro.Sheet = name
			t, err := table.ReadTable(src, m.Spec(opts.Policy), ro)
			title := m.Section(opts.Policy).Name
			if err != nil {
				if strings.Contains(name, title) || opts.Sheets[m.Key] == name {
					named = fmt.Errorf("%s: %w", file, err) // the sheet is this measure's by name: say what is wrong
				}
				continue
			}
			score := len(t.Columns)
			if strings.Contains(name, title) {
				score += 1000
			}
			if score > bestScore {
				best, bestScore, bestTable = i, score, t
			}
		}
		if best < 0 && named == nil {
			named = nearlyFits(opts, src, file, name)
		}
		switch {
		case best >= 0:
			if runs[best] == nil {
				runs[best] = &measureRun{m: Registry[best]}
			}
			runs[best].sources = append(runs[best].sources, source{file, bestTable})
		case named != nil:
			return nil, named
		default:
			skipped = append(skipped, fmt.Sprintf("%s“%s”", file, name))
		}
	}
	return skipped, nil
}

// nearlyFits finds, for a sheet that no measure's header fits, the measure whose own columns
// it has the most of, and returns why it does not fit that one: such a sheet is that
// measure's list with a fault, and leaving it out would drop its claims without a word.
func nearlyFits(opts AllOptions, src workbook.Source, file, sheet string) error {
	var why error
	most := 0
	for _, m := range Registry {
		if src.Hidden(sheet) && opts.Sheets[m.Key] != sheet {
			continue
		}
		ro, err := readOptions(m, measureOptions(opts, m))
		if err != nil {
			continue
		}
		ro.Sheet = sheet
		spec := m.Spec(opts.Policy)
		_, strict := table.ReadTable(src, spec, ro)
		loose := spec
		loose.OneOf, loose.Fields = nil, slices.Clone(spec.Fields)
		for i := range loose.Fields {
			loose.Fields[i].Presence = table.Optional
		}
		t, err := table.ReadTable(src, loose, ro)
		own := 0
		switch {
		case err != nil && !table.NotFit(err):
			own = 1 // one of its columns is there, with a fault of its own
		case err == nil:
			for key := range t.Columns {
				if !slices.ContainsFunc(identityFields, func(f table.Field) bool { return f.Key == key }) {
					own++
				}
			}
		}
		if own > most && strict != nil {
			most, why = own, fmt.Errorf("%s: %w", file, strict)
		}
	}
	return why
}

// measureOptions are the flags of one measure within the quarter's run.
func measureOptions(opts AllOptions, m Measure) Options {
	o := opts.Options
	o.Sheet, o.HeaderRow, o.Map, o.Units = opts.Sheets[m.Key], opts.HeaderRows[m.Key], opts.Maps[m.Key], opts.UnitsOf[m.Key]
	return o
}

// prepare reads earlier batches and makes the first pass over the measure's sheets, and
// lays out its detail columns: every sheet's columns, in order of first appearance.
func (r *measureRun) prepare(opts AllOptions, limits workbook.Limits) error {
	var err error
	if r.paid, err = readPaid(r.m, opts.Policy, opts.Prior, limits, true); err != nil {
		return err
	}
	r.first, err = firstPass(r.m, opts.Policy, r.sources, opts.StrictCodes, r.paid)
	if err == nil && slices.ContainsFunc(r.sources, func(s source) bool { return s.tbl.HasMerges() }) {
		r.first, err = firstPass(r.m, opts.Policy, r.sources, opts.StrictCodes, r.paid)
	}
	if err != nil {
		return err
	}
	index := map[string]int{}
	for _, s := range r.sources {
		cols := make([]int, s.tbl.Width)
		for i := range cols {
			cols[i] = -1
		}
		for _, col := range s.tbl.KeptColumns() {
			h := s.tbl.Header(col)
			key := table.Normalize(h)
			if key == "" {
				h = workbook.ColumnName(col) + "列"
				key = h
			}
			at, seen := index[key]
			if !seen {
				at = len(r.columns)
				index[key] = at
				r.columns = append(r.columns, h)
			}
			cols[col] = at
		}
		r.mapping = append(r.mapping, cols)
	}
	return nil
}

// decide settles one data row of source i, as a single run does.
func (r *measureRun) decide(opts AllOptions, i int, row table.Row) (award.Result, calc.Outcome) {
	t := r.sources[i].tbl
	id := rowID(i, row.Num)
	res, outcome := evaluateRow(r.m, opts.Policy, t, row, r.first.duplicates[id], opts.StrictCodes)
	if outcome.Status == calc.Awarded && len(r.paid) > 0 {
		if key, ok := claimKey(r.m, opts.Policy, t, row); ok {
			if before, was := r.paid[key]; was {
				outcome = alreadyPaid(outcome, before)
			}
		}
	}
	if r.first.across != nil && outcome.Status == calc.Awarded {
		outcome = r.first.across.Revise(id, outcome)
	}
	res.Outcome = settled(outcome)
	return res, outcome
}

// payeeColumns are where a sheet gives the enterprise's town and bank details; -1 where it does not.
type payeeColumns struct{ town, bank, account int }

func payeeColumnsOf(t *table.Table) payeeColumns {
	p := payeeColumns{-1, -1, -1}
	if c, ok := t.Columns["town"]; ok {
		p.town = c.Index
	}
	for col, h := range t.Headers {
		switch table.Normalize(h) {
		case "开户银行", "开户行", "开户银行名称":
			p.bank = col
		case "银行账号", "账号", "银行账户", "开户账号":
			p.account = col
		}
	}
	return p
}

// of is what a row says of the enterprise beyond its claim: its town and bank details.
func (p payeeColumns) of(row table.Row) award.Payee {
	cell := func(col int) string {
		if col < 0 {
			return ""
		}
		return table.Normalize(row.Cell(col).Value)
	}
	return award.Payee{Town: cell(p.town), Bank: cell(p.bank), Account: cell(p.account)}
}
