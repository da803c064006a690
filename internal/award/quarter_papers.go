package award

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// paper is a sheet of the quarter built from its totals: a header and rows of values.
type paper struct {
	name   string
	header []string
	rows   [][]any
	total  []any // the 合计 row, emphasised
	frozen int   // identity columns kept in view
}

// writePapers writes 企业汇总, 乡镇汇总, 汇总, 公示名单, 拨付清单 and 参数. The long ones
// stream like 明细; each has a 合计 row equal to the sum of the rows above it.
func (x *QuarterXLSX) writePapers(settings []Setting) error {
	papers := []paper{x.enterprisePaper(), x.townPaper(), x.summaryPaper(), x.publicationPaper(), x.paymentPaper()}
	settingsPaper := paper{name: settingsSheet, header: []string{"项目", "值", "说明"}}
	for _, s := range settings {
		settingsPaper.rows = append(settingsPaper.rows, []any{s.Item, s.Value, s.Note})
	}
	papers = append(papers, settingsPaper)
	var names []string
	for _, p := range papers {
		height := 1 + len(p.rows)
		if p.total != nil {
			height++
		}
		if err := x.sheetLayout(p.name, p.header, height, p.frozen); err != nil {
			return err
		}
		for i, h := range p.header {
			col, _ := excelize.ColumnNumberToName(i + 1)
			widest := []string{h}
			for _, r := range p.rows[:min(len(p.rows), 200)] {
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
	for _, p := range papers {
		d, err := newDetailPart(skel[p.name][0], skel[p.name][1], len(p.header))
		if err != nil {
			return err
		}
		x.parts[p.name] = d
		if err := x.headerRow(d, p.header); err != nil {
			return err
		}
		for i, r := range p.rows {
			if err := x.streamRow(d, i+2, r, false); err != nil {
				return err
			}
		}
		if p.total != nil {
			if err := x.streamRow(d, len(p.rows)+2, p.total, true); err != nil {
				return err
			}
		}
		if err := d.finish(); err != nil {
			return err
		}
	}
	return nil
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
	p := paper{name: enterpriseSheet, frozen: 3,
		header: append(append([]string{"序号", "企业名称", "统一社会信用代码", "所属乡镇(街道)"}, x.measureTitles()...), "合计(元)", "备注")}
	sums := make([]decimal.Decimal, len(x.q.Measures))
	for i, e := range x.q.Enterprises() {
		row := []any{i + 1, e.Name, e.Code, e.Town}
		for m, a := range e.Awards {
			row = append(row, a)
			sums[m] = sums[m].Add(a)
		}
		note := ""
		if len(e.OtherNames) > 0 {
			note = "同一统一社会信用代码另有名称：" + strings.Join(e.OtherNames, "、") + "，请核实"
		}
		p.rows = append(p.rows, append(row, e.Total, note))
	}
	p.total = append([]any{"合计", nil, nil, nil}, anyDecimals(sums)...)
	p.total = append(p.total, x.q.Total(), nil)
	return p
}

// townPaper is 乡镇汇总: each town's awards per measure.
func (x *QuarterXLSX) townPaper() paper {
	p := paper{name: townSheet, frozen: 1, header: append(append([]string{"所属乡镇(街道)"}, x.measureTitles()...), "合计(元)")}
	sums := make([]decimal.Decimal, len(x.q.Measures))
	for _, t := range x.q.Towns() {
		row := []any{t.Name}
		for m, a := range t.Awards {
			row = append(row, a)
			sums[m] = sums[m].Add(a)
		}
		p.rows = append(p.rows, append(row, t.Total))
	}
	p.total = append(append([]any{"合计"}, anyDecimals(sums)...), x.q.Total())
	return p
}

// summaryPaper is 汇总: rows and awards of each measure by status.
func (x *QuarterXLSX) summaryPaper() paper {
	header := []string{"奖励项目", "政策条款"}
	for _, s := range Statuses {
		header = append(header, s.Label()+"(行)")
	}
	p := paper{name: summarySheet, frozen: 1, header: append(header, "合计(行)", "奖励金额(元)")}
	counts := make([]int, len(Statuses)+1)
	for _, r := range x.q.Measures {
		row := []any{r.Title, r.Clause}
		for i, s := range Statuses {
			row = append(row, r.Tally.Rows[s])
			counts[i] += r.Tally.Rows[s]
		}
		counts[len(Statuses)] += r.Tally.Count()
		p.rows = append(p.rows, append(row, r.Tally.Count(), r.Tally.Total))
	}
	p.total = []any{"合计", nil}
	for _, c := range counts {
		p.total = append(p.total, c)
	}
	p.total = append(p.total, x.q.Total())
	return p
}

// publicationPaper is 公示名单: the awarded rows, by measure, town and name.
func (x *QuarterXLSX) publicationPaper() paper {
	p := paper{name: publicationSheet, frozen: 2,
		header: []string{"序号", "企业名称", "统一社会信用代码", "所属乡镇(街道)", "奖励项目", "政策条款", "奖励金额(元)"}}
	for i, r := range x.q.Publication() {
		m := x.q.Measures[r.Measure]
		p.rows = append(p.rows, []any{i + 1, r.Name, r.Code, r.Town, m.Title, m.Clause, r.Award})
	}
	p.total = []any{"合计", nil, nil, nil, nil, nil, x.q.Total()}
	return p
}

// paymentPaper is 拨付清单: one row per enterprise to be paid, in figures and in 大写.
func (x *QuarterXLSX) paymentPaper() paper {
	p := paper{name: paymentSheet, frozen: 2,
		header: []string{"序号", "企业名称", "统一社会信用代码", "所属乡镇(街道)", "开户银行", "银行账号", "奖励金额(元)", "大写金额"}}
	n := 0
	for _, e := range x.q.Enterprises() {
		if !e.Total.IsPositive() {
			continue
		}
		n++
		p.rows = append(p.rows, []any{n, e.Name, e.Code, e.Town, e.Bank, e.Account, e.Total, capitalOrBlank(e.Total)})
	}
	p.total = []any{"合计", nil, nil, nil, nil, nil, x.q.Total(), capitalOrBlank(x.q.Total())}
	return p
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
