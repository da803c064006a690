package sheet

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/changle/subsidy/calc"
)

// Result is one data row with its decision.
type Result struct {
	Row     Row
	Name    string
	Code    string
	Project string // techreform: the project, part of the row's identity
	Outcome calc.Outcome
}

// Setting is one line of the 参数 sheet.
type Setting struct{ Item, Value, Note string }

// Report is everything a run writes.
type Report struct {
	Measure  string // "valueadd"
	Title    string // 增加值率奖励
	Table    *Table
	Results  []Result
	Settings []Setting
}

// Tally counts rows and sums awards per status.
type Tally struct {
	Rows  map[calc.Status]int
	Award map[calc.Status]decimal.Decimal
	Total decimal.Decimal
}

// Tally sums the report's rows; the totals are always the sum of the rows.
func (r *Report) Tally() Tally {
	t := Tally{Rows: map[calc.Status]int{}, Award: map[calc.Status]decimal.Decimal{}, Total: decimal.Zero}
	for _, res := range r.Results {
		s := res.Outcome.Status
		t.Rows[s]++
		t.Award[s] = t.Award[s].Add(res.Outcome.Award)
		t.Total = t.Total.Add(res.Outcome.Award)
	}
	return t
}

// resultColumns follow the input columns in 明细 and in CSV.
var resultColumns = []string{"状态", "奖励金额(元)", "计算说明", "政策条款"}

// Explanation joins an outcome's reasons and warnings for the 计算说明 column.
func Explanation(o calc.Outcome) string {
	s := strings.Join(o.Reasons, "；")
	for _, w := range o.Warnings {
		s += "；提示：" + w
	}
	return s
}
