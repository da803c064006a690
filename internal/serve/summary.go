package serve

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/changle/subsidy/internal/award"
)

// summary is what the page shows of a finished job: per measure, rows and amounts per
// status, as the command line's summary; amounts are decimal strings, never floats.
type summary struct {
	All       bool              `json:"all"`
	Measures  []measureSummary  `json:"measures"`
	Rows      int               `json:"rows"`              // of every measure
	Total     string            `json:"total"`             // of every measure
	Skipped   []string          `json:"skipped,omitempty"` // 全部: sheets no measure took
	Downloads map[string]string `json:"downloads"`         // format → file name
}

type measureSummary struct {
	Key       string       `json:"key"`
	Title     string       `json:"title"`
	Clause    string       `json:"clause"`
	Sheet     string       `json:"sheet"`
	HeaderRow int          `json:"headerRow"`
	Statuses  []statusLine `json:"statuses"`
	Rows      int          `json:"rows"`
	Total     string       `json:"total"`
	Skipped   string       `json:"skipped,omitempty"`
	Assumed   []string     `json:"assumed,omitempty"`
	Notice    string       `json:"notice,omitempty"`
}

type statusLine struct {
	Status string `json:"status"`
	Label  string `json:"label"`
	Rows   int    `json:"rows"`
	Award  string `json:"award"`
}

func summarize(res *ran, all bool) *summary {
	s := &summary{All: all, Measures: []measureSummary{}, Skipped: res.skipped}
	total := decimal.Zero
	for _, r := range res.reports {
		t := r.Tally
		m := measureSummary{Key: r.Measure, Title: r.Title, Clause: r.Clause, Sheet: r.Table.Sheet, HeaderRow: r.Table.HeaderRow,
			Rows: t.Count(), Total: t.Total.StringFixed(2)}
		for _, st := range award.Statuses {
			m.Statuses = append(m.Statuses, statusLine{Status: string(st), Label: st.Label(), Rows: t.Rows[st], Award: t.Award[st].StringFixed(2)})
		}
		if sk := r.Table.Skipped; sk.Blank+sk.Total+sk.Notes > 0 {
			m.Skipped = fmt.Sprintf("空行 %d，合计行 %d，说明行 %d", sk.Blank, sk.Total, sk.Notes)
		}
		for _, f := range r.Table.Assumed {
			m.Assumed = append(m.Assumed, "表中没有“"+f.Header+"”列，视为全部是")
		}
		if t.Count() == 0 {
			m.Notice = fmt.Sprintf("工作表“%s”表头第%d行之下没有数据行，奖励表中没有企业：请在表头下逐行填写后再上传", r.Table.Sheet, r.Table.HeaderRow)
		}
		s.Measures = append(s.Measures, m)
		s.Rows += t.Count()
		total = total.Add(t.Total)
	}
	s.Total = total.StringFixed(2)
	return s
}
