package measure

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/changle/subsidy/internal/award"
	"github.com/changle/subsidy/internal/table"
	"github.com/changle/subsidy/internal/workbook"
)

// quarterRows is where the quarter's decided rows go, one format each.
type quarterRows interface {
	row(m int, r *measureRun, src int, line table.Line, res *award.Result) error
	close(settings []award.Setting) error
	abandon()
}

// writeQuarter decides every row of every measure, in clause order, then sheet and row
// order, and writes them with the quarter's papers.
func writeQuarter(ctx context.Context, w io.Writer, format string, opts AllOptions, runs []*measureRun, q *award.Quarter, settings []award.Setting) error {
	out, err := quarterWriter(w, format, opts, runs, q)
	if err != nil {
		return err
	}
	for m, r := range runs {
		for i, s := range r.sources {
			q.Measures[m].Table = s.tbl // the sheet whose town column Add reads
			payee := payeeColumnsOf(s.tbl)
			evaluate := func(l table.Line) *award.Result {
				if l.Kind != table.DataLine {
					return nil
				}
				res, _ := r.decide(opts, i, l.Row)
				q.Add(m, res, payee.of(l.Row))
				return &res
			}
			write := func(l table.Line, res *award.Result) error {
				if res == nil {
					return nil
				}
				return out.row(m, r, i, l, res)
			}
			if err := pipeline(s.tbl, evaluate, write); err != nil {
				out.abandon()
				return fmt.Errorf("%s: %w", s.file, err)
			}
			if err := ctx.Err(); err != nil {
				out.abandon()
				return err
			}
		}
	}
	return out.close(settings)
}

func quarterWriter(w io.Writer, format string, opts AllOptions, runs []*measureRun, q *award.Quarter) (quarterRows, error) {
	switch format {
	case "json":
		return &quarterJSON{w: w, writers: map[*table.Table]award.Writer{}}, nil
	case "csv":
		gbk := strings.EqualFold(opts.Encoding, "gbk") || strings.EqualFold(opts.Encoding, "gb18030")
		c, err := award.NewQuarterCSV(w, gbk)
		return &quarterCSV{c, q, map[*table.Table]payeeColumns{}}, err
	}
	var sheets []award.DetailSheet
	for m, r := range runs {
		sheets = append(sheets, award.DetailSheet{Title: q.Measures[m].Title, Clause: q.Measures[m].Clause, Columns: r.columns, Rows: r.first.rows})
	}
	x, err := award.NewQuarterXLSX(w, q, sheets)
	return &quarterXLSX{x: x}, err
}

type quarterXLSX struct {
	x     *award.QuarterXLSX
	cells []workbook.Cell
}

func (q *quarterXLSX) row(m int, r *measureRun, src int, line table.Line, res *award.Result) error {
	q.cells = q.cells[:0]
	for range r.columns {
		q.cells = append(q.cells, workbook.Cell{})
	}
	for col, at := range r.mapping[src] {
		if at >= 0 {
			q.cells[at] = line.Row.Cell(col)
		}
	}
	s := r.sources[src]
	where := fmt.Sprintf("%s“%s”第%d行", s.file, s.tbl.Sheet, line.Row.Num)
	return q.x.Row(m, where, q.cells, res)
}

func (q *quarterXLSX) close(settings []award.Setting) error { return q.x.Close(settings) }
func (q *quarterXLSX) abandon()                             { q.x.Abandon() }

type quarterJSON struct {
	w       io.Writer
	writers map[*table.Table]award.Writer
}

func (q *quarterJSON) row(_ int, r *measureRun, src int, line table.Line, res *award.Result) error {
	s := r.sources[src]
	w, ok := q.writers[s.tbl]
	if !ok {
		w = award.NewQuarterJSONLines(q.w, r.m.Key, s.file, s.tbl.Sheet)
		q.writers[s.tbl] = w
	}
	return w.Line(line, res)
}

func (q *quarterJSON) close([]award.Setting) error { return nil }
func (q *quarterJSON) abandon()                    {}

type quarterCSV struct {
	c     *award.QuarterCSV
	q     *award.Quarter
	payee map[*table.Table]payeeColumns // found once per sheet
}

func (q *quarterCSV) row(m int, r *measureRun, src int, line table.Line, res *award.Result) error {
	s := r.sources[src]
	cols, ok := q.payee[s.tbl]
	if !ok {
		cols = payeeColumnsOf(s.tbl)
		q.payee[s.tbl] = cols
	}
	return q.c.Row(q.q.Measures[m].Title, s.file, s.tbl.Sheet, cols.of(line.Row).Town, res)
}

func (q *quarterCSV) close([]award.Setting) error { return q.c.Close() }
func (q *quarterCSV) abandon()                    {}

// allSettings records, for 参数, everything the quarter's result depends on.
func allSettings(opts AllOptions, runs []*measureRun, inputs []award.Setting, skipped []string) []award.Setting {
	p := opts.Policy
	s := []award.Setting{setting("政策", p.ID, p.Document+" "+p.Title), setting("政策参数文件", opts.PolicyName, "")}
	s = append(s, inputs...)
	for _, r := range runs {
		sec := r.m.Section(p)
		for _, src := range r.sources {
			s = append(s, setting("工作表："+src.file+"“"+src.tbl.Sheet+"”", sec.Name+"（"+sec.ClauseLabel()+"）", "表头第"+strconv.Itoa(src.tbl.HeaderRow)+"行"))
		}
	}
	for _, sk := range skipped {
		s = append(s, setting("未计算的工作表", sk, "不符合任何奖励措施的表头"))
	}
	measures := make([]Measure, len(runs))
	for i, r := range runs {
		measures[i] = r.m
	}
	s = append(s, paramSettings(p, measures, opts.Overrides)...)
	return append(s, setting("工具版本", opts.Version, ""), setting("运行时间", opts.Now.Format(time.DateTime), ""))
}
