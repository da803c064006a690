package award

import (
	"github.com/changle/subsidy/internal/table"

	"strings"

	"github.com/shopspring/decimal"
)

// Result is one data row with its decision.
type Result struct {
	Row      table.Row
	Name     string
	Code     string
	CodeOK   bool        // the code passed GB 32100's check, so CSV may write it as ="…"
	Identity []Attribute // what with the code names the claim: a project, an event's date
	Outcome  Outcome
}

// Attribute is one named value of a result, written into JSON Lines under Key.
type Attribute struct{ Key, Value string }

// Setting is one line of the 参数 table.
type Setting struct{ Item, Value, Note string }

// Report is what a run has decided so far: totals kept as rows stream past, never the rows.
type Report struct {
	Measure  string // "valueadd"
	Title    string // 增加值率奖励
	Clause   string // 第7条
	PolicyID string // printed in every page's footer
	Table    *table.Table
	Tally    Tally
	Towns    []*TownTally // by first appearance, when the sheet has 所属乡镇(街道)
	Settings []Setting
	towns    map[string]*TownTally
}

// Tally counts rows and sums awards per status.
type Tally struct {
	Rows  map[Status]int
	Award map[Status]decimal.Decimal
	Total decimal.Decimal
}

// Count is the number of data rows.
func (t Tally) Count() int {
	n := 0
	for _, c := range t.Rows {
		n += c
	}
	return n
}

// TownTally is one 所属乡镇(街道)'s share of the tally.
type TownTally struct {
	Name string
	Tally
}

func newTally() Tally {
	return Tally{Rows: map[Status]int{}, Award: map[Status]decimal.Decimal{}, Total: decimal.Zero}
}

func (t *Tally) add(o Outcome) {
	t.Rows[o.Status]++
	t.Award[o.Status] = t.Award[o.Status].Add(o.Award)
	t.Total = t.Total.Add(o.Award)
}

// NewReport starts the report of a run over table.
func NewReport(measure, title, clause string, table *table.Table) *Report {
	return &Report{Measure: measure, Title: title, Clause: clause, Table: table, Tally: newTally(), towns: map[string]*TownTally{}}
}

// Add counts a row's result; the totals are always the sum of the rows added.
func (r *Report) Add(res Result) {
	r.Tally.add(res.Outcome)
	col, ok := r.Table.Columns["town"]
	if !ok {
		return
	}
	name := table.Normalize(res.Row.Cell(col.Index).Value)
	if name == "" {
		name = "（未填）"
	}
	town, seen := r.towns[name]
	if !seen {
		town = &TownTally{Name: name, Tally: newTally()}
		r.towns[name] = town
		r.Towns = append(r.Towns, town)
	}
	town.add(res.Outcome)
}

// resultColumns follow the input columns in 明细 and in CSV.
var resultColumns = []string{"状态", "奖励金额(元)", "计算说明", "政策条款"}

// Explanation joins an outcome's reasons and warnings for the 计算说明 column.
func Explanation(o Outcome) string {
	s := strings.Join(o.Reasons, "；")
	for _, w := range o.Warnings {
		s += "；提示：" + w
	}
	return s
}

// Writer writes an award file as the sheet streams past.
type Writer interface {
	// Line takes each non-blank row in order; res is the decision on a data row, else nil.
	Line(l table.Line, res *Result) error
	// Close finishes the file once every row is in, with the report's totals.
	Close(r *Report) error
	// Abandon releases what a failed run holds; nothing more is written.
	Abandon()
}
