package award

import (
	"cmp"
	"slices"

	"github.com/shopspring/decimal"
)

// Quarter gathers, as the rows of every measure stream past, what the quarter's papers
// need: each enterprise's awards across measures, each town's, and the rows awarded.
type Quarter struct {
	Measures    []*Report // one per measure run, in clause order
	PolicyID    string
	enterprises map[string]*Enterprise
	order       []*Enterprise // by first appearance
	towns       map[string]*TownAwards
	townOrder   []*TownAwards
	published   []Published
}

// Enterprise is one 统一社会信用代码's awards across the measures.
type Enterprise struct {
	Code, Name, Town string
	Bank, Account    string
	OtherNames       []string          // names the same code was listed under elsewhere
	Awards           []decimal.Decimal // by measure
	Total            decimal.Decimal
}

// TownAwards is one 所属乡镇(街道)'s awards per measure.
type TownAwards struct {
	Name   string
	Awards []decimal.Decimal
	Total  decimal.Decimal
}

// Published is one awarded row of the 公示名单.
type Published struct {
	Measure          int
	Name, Code, Town string
	Award            decimal.Decimal
}

// NewQuarter starts the quarter's tally over the given measures' reports.
func NewQuarter(measures []*Report, policyID string) *Quarter {
	return &Quarter{Measures: measures, PolicyID: policyID, enterprises: map[string]*Enterprise{}, towns: map[string]*TownAwards{}}
}

// Payee is what a row says of the enterprise beyond its decision: where it is and how it is paid.
type Payee struct{ Town, Bank, Account string }

// Add counts one decided row of measure m (an index into Measures).
func (q *Quarter) Add(m int, res Result, who Payee) {
	q.Measures[m].Add(res)
	if res.Code == "" {
		return
	}
	e, seen := q.enterprises[res.Code]
	if !seen {
		e = &Enterprise{Code: res.Code, Name: res.Name, Town: who.Town, Awards: make([]decimal.Decimal, len(q.Measures))}
		q.enterprises[res.Code] = e
		q.order = append(q.order, e)
	}
	if res.Name != e.Name && res.Name != "" && !slices.Contains(e.OtherNames, res.Name) {
		e.OtherNames = append(e.OtherNames, res.Name)
	}
	e.Town, e.Bank, e.Account = cmp.Or(e.Town, who.Town), cmp.Or(e.Bank, who.Bank), cmp.Or(e.Account, who.Account)
	if res.Outcome.Status != Awarded {
		return
	}
	amount := res.Outcome.Award
	e.Awards[m] = e.Awards[m].Add(amount)
	e.Total = e.Total.Add(amount)
	town := cmp.Or(who.Town, "（未填）")
	t, seen := q.towns[town]
	if !seen {
		t = &TownAwards{Name: town, Awards: make([]decimal.Decimal, len(q.Measures))}
		q.towns[town] = t
		q.townOrder = append(q.townOrder, t)
	}
	t.Awards[m] = t.Awards[m].Add(amount)
	t.Total = t.Total.Add(amount)
	q.published = append(q.published, Published{m, res.Name, res.Code, who.Town, amount})
}

// Enterprises lists every enterprise in the order it first appeared.
func (q *Quarter) Enterprises() []*Enterprise { return q.order }

// Towns lists the towns with an award, in the order they first appeared.
func (q *Quarter) Towns() []*TownAwards { return q.townOrder }

// Publication is the 公示名单: the awarded rows by measure, town and name.
func (q *Quarter) Publication() []Published {
	slices.SortStableFunc(q.published, func(a, b Published) int {
		return cmp.Or(cmp.Compare(a.Measure, b.Measure), cmp.Compare(a.Town, b.Town), cmp.Compare(a.Name, b.Name))
	})
	return q.published
}

// Total is the quarter's award across every measure.
func (q *Quarter) Total() decimal.Decimal {
	total := decimal.Zero
	for _, r := range q.Measures {
		total = total.Add(r.Tally.Total)
	}
	return total
}
