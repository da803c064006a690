package award

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// paper is a sheet of the quarter built from its totals: a header and rows of values, made
// one at a time as they are written (a quarter's 公示名单 may hold a million rows).
type paper struct {
	name   string
	header []string
	count  int
	each   func(yield func(row []any) error) error
	total  []any // the 合计 row, emphasised
	frozen int   // identity columns kept in view
}

// sample is the first rows of a paper, to size its columns.
func (p paper) sample(n int) [][]any {
	var rows [][]any
	p.each(func(row []any) error {
		if len(rows) < n {
			rows = append(rows, slices.Clone(row))
		}
		return nil
	})
	return rows
}

// rowsPaper is a paper of rows already made (the small ones).
func rowsPaper(name string, header []string, frozen int, rows [][]any, total []any) paper {
	return paper{name: name, header: header, frozen: frozen, count: len(rows), total: total,
		each: func(yield func([]any) error) error {
			for _, r := range rows {
				if err := yield(r); err != nil {
					return err
				}
			}
			return nil
		}}
}

// writePapers writes 企业汇总, 乡镇汇总, 汇总, 公示名单, 拨付清单 and 参数. The long ones
// stream like 明细; each has a 合计 row equal to the sum of the rows above it.
func (x *QuarterXLSX) writePapers(settings []Setting) error {
	papers := []paper{x.enterprisePaper(), x.townPaper(), x.summaryPaper(), x.publicationPaper(), x.paymentPaper()}
	var rows [][]any
	for _, s := range settings {
		rows = append(rows, []any{s.Item, s.Value, s.Note})
	}
	papers = append(papers, rowsPaper(settingsSheet, []string{"项目", "值", "说明"}, 1, rows, nil))
	var names []string
	for _, p := range papers {
		height := 1 + p.count
		if p.total != nil {
			height++
		}
		if err := x.sheetLayout(p.name, p.header, height, p.frozen); err != nil {
			return err
		}
		sample := p.sample(200)
		for i, h := range p.header {
			col, _ := excelize.ColumnNumberToName(i + 1)
			widest := []string{h}
			for _, r := range sample {
				widest = append(widest, fmt.Sprint(r[i]))
			}
			if err := x.f.SetColWidth(p.name, col, col, columnWidth(widest...)); err != nil {
				return err
			}
		}
		names = append(names, p.name)
	}
	skel, _, err := skeleton(x.f, names)
	if err != nil {
		return err
	}
	looks, err := x.paperStyles()
	if err != nil {
		return err
	}
	parts := make([]*detailPart, len(papers))
	for i, p := range papers {
		if parts[i], err = newDetailPart(skel[p.name][0], skel[p.name][1], len(p.header)); err != nil {
			return err
		}
		x.parts[p.name] = parts[i]
		if err := x.headerRow(parts[i], p.header); err != nil {
			return err
		}
	}
	// The papers are apart from one another: on two cores the long ones are written at once.
	errs := make([]error, len(papers))
	var wg sync.WaitGroup
	for i, p := range papers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = writePaper(parts[i], p, looks)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// paperLooks are the styles of the papers' rows, made before they are written side by side.
type paperLooks struct{ text, money, boldText, boldMoney int }

func (x *QuarterXLSX) paperStyles() (paperLooks, error) {
	var l paperLooks
	var err error
	for _, s := range []struct {
		id  *int
		key styleKey
	}{{&l.text, styleKey{}}, {&l.money, moneyStyle}, {&l.boldText, totalStyle}, {&l.boldMoney, totalMoney}} {
		if *s.id, err = x.styles.get(s.key); err != nil {
			return l, err
		}
	}
	return l, nil
}

// writePaper streams a paper's rows, then its 合计 row, into its part.
func writePaper(d *detailPart, p paper, looks paperLooks) error {
	var cells []cellXML
	num := 2
	err := p.each(func(row []any) error {
		var err error
		cells, err = valueCells(cells[:0], row, looks.text, looks.money)
		if err == nil {
			err = d.row(num, cells)
		}
		num++
		return err
	})
	if err != nil {
		return err
	}
	if p.total != nil {
		if cells, err = valueCells(cells[:0], p.total, looks.boldText, looks.boldMoney); err != nil {
			return err
		}
		if err := d.row(num, cells); err != nil {
			return err
		}
	}
	return d.finish()
}

func (x *QuarterXLSX) measureTitles() []string {
	var titles []string
	for _, r := range x.q.Measures {
		titles = append(titles, r.Title+"(元)")
	}
	return titles
}

// enterprisePaper is 企业汇总: one row per 统一社会信用代码, each measure's award and the total.
func (x *QuarterXLSX) enterprisePaper() paper {
	sums := make([]decimal.Decimal, len(x.q.Measures))
	for _, e := range x.q.Enterprises() {
		for m, a := range e.Awards {
			sums[m] = sums[m].Add(a)
		}
	}
	total := append(append([]any{"合计", nil, nil, nil}, anyDecimals(sums)...), x.q.Total(), nil)
	row := make([]any, 0, 6+len(x.q.Measures))
	return paper{name: enterpriseSheet, frozen: 3, count: len(x.q.Enterprises()), total: total,
		header: append(append([]string{"序号", "企业名称", "统一社会信用代码", "所属乡镇(街道)"}, x.measureTitles()...), "合计(元)", "备注"),
		each: func(yield func([]any) error) error {
			for i, e := range x.q.Enterprises() {
				row = append(row[:0], i+1, e.Name, e.Code, e.Town)
				for _, a := range e.Awards {
					row = append(row, a)
				}
				note := ""
				if len(e.OtherNames) > 0 {
					note = "同一统一社会信用代码另有名称：" + strings.Join(e.OtherNames, "、") + "，请核实"
				}
				if err := yield(append(row, e.Total, note)); err != nil {
					return err
				}
			}
			return nil
		}}
}

// townPaper is 乡镇汇总: each town's awards per measure.
func (x *QuarterXLSX) townPaper() paper {
	sums := make([]decimal.Decimal, len(x.q.Measures))
	var rows [][]any
	for _, t := range x.q.Towns() {
		row := []any{t.Name}
		for m, a := range t.Awards {
			row = append(row, a)
			sums[m] = sums[m].Add(a)
		}
		rows = append(rows, append(row, t.Total))
	}
	return rowsPaper(townSheet, append(append([]string{"所属乡镇(街道)"}, x.measureTitles()...), "合计(元)"), 1,
		rows, append(append([]any{"合计"}, anyDecimals(sums)...), x.q.Total()))
}

// summaryPaper is 汇总: rows and awards of each measure by status.
func (x *QuarterXLSX) summaryPaper() paper {
	header := []string{"奖励项目", "政策条款"}
	for _, s := range Statuses {
		header = append(header, s.Label()+"(行)")
	}
	counts := make([]int, len(Statuses)+1)
	var rows [][]any
	for _, r := range x.q.Measures {
		row := []any{r.Title, r.Clause}
		for i, s := range Statuses {
			row = append(row, r.Tally.Rows[s])
			counts[i] += r.Tally.Rows[s]
		}
		counts[len(Statuses)] += r.Tally.Count()
		rows = append(rows, append(row, r.Tally.Count(), r.Tally.Total))
	}
	total := []any{"合计", nil}
	for _, c := range counts {
		total = append(total, c)
	}
	return rowsPaper(summarySheet, append(header, "合计(行)", "奖励金额(元)"), 1, rows, append(total, x.q.Total()))
}

// publicationPaper is 公示名单: the awarded rows, by measure, town and name.
func (x *QuarterXLSX) publicationPaper() paper {
	published := x.q.Publication()
	row := make([]any, 7)
	return paper{name: publicationSheet, frozen: 2, count: len(published), total: []any{"合计", nil, nil, nil, nil, nil, x.q.Total()},
		header: []string{"序号", "企业名称", "统一社会信用代码", "所属乡镇(街道)", "奖励项目", "政策条款", "奖励金额(元)"},
		each: func(yield func([]any) error) error {
			for i, r := range published {
				m := x.q.Measures[r.Measure]
				row[0], row[1], row[2], row[3], row[4], row[5], row[6] = i+1, r.Name, r.Code, r.Town, m.Title, m.Clause, r.Award
				if err := yield(row); err != nil {
					return err
				}
			}
			return nil
		}}
}

// paymentPaper is 拨付清单: one row per enterprise to be paid, in figures and in 大写.
func (x *QuarterXLSX) paymentPaper() paper {
	paid := 0
	for _, e := range x.q.Enterprises() {
		if e.Total.IsPositive() {
			paid++
		}
	}
	row := make([]any, 8)
	return paper{name: paymentSheet, frozen: 2, count: paid, total: []any{"合计", nil, nil, nil, nil, nil, x.q.Total(), capitalOrBlank(x.q.Total())},
		header: []string{"序号", "企业名称", "统一社会信用代码", "所属乡镇(街道)", "开户银行", "银行账号", "奖励金额(元)", "大写金额"},
		each: func(yield func([]any) error) error {
			n := 0
			for _, e := range x.q.Enterprises() {
				if !e.Total.IsPositive() {
					continue
				}
				n++
				row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7] = n, e.Name, e.Code, e.Town, e.Bank, e.Account, e.Total, capitalOrBlank(e.Total)
				if err := yield(row); err != nil {
					return err
				}
			}
			return nil
		}}
}

func capitalOrBlank(v decimal.Decimal) string {
	s, err := Capital(v)
	if err != nil {
		return ""
	}
	return s
}

func anyDecimals(ds []decimal.Decimal) []any {
	out := make([]any, len(ds))
	for i, d := range ds {
		out[i] = d
	}
	return out
}
