// Package diff compares two award outputs of this tool claim by claim — what changed, what
// only one has — and each measure's budget. It reads no file: it takes what measure read back.
package diff

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/changle/subsidy/internal/award"
	"github.com/changle/subsidy/internal/measure"
	"github.com/changle/subsidy/internal/policy"
	"github.com/changle/subsidy/internal/usererr"
)

// Output is one side of the comparison: a file as named on the command line, and its rows.
type Output struct {
	Name      string
	Decisions []measure.Decisions
}

// Kind is how a claim differs.
type Kind string

const (
	Changed Kind = "changed"     // in both, status or award differs
	OnlyOld Kind = "only_in_old" // the new output has no such claim
	OnlyNew Kind = "only_in_new" // the old output has no such claim
)

// Label is the kind as the outputs write it.
func (k Kind) Label() string {
	switch k {
	case OnlyOld:
		return "仅在原结果"
	case OnlyNew:
		return "仅在新结果"
	}
	return "状态或金额变化"
}

// Field is one part of a claim's identity as the outputs write it.
type Field struct {
	Header string // 统一社会信用代码, 项目名称, 招聘活动日期, 活动地点
	JSON   string // its key in JSON Lines
}

// Change is one claim that differs; Old or New is nil on the side without it.
type Change struct {
	Kind     Kind
	Identity []string // the values of Measure.Identity
	Name     string
	Old, New *measure.Decided
}

// Difference is what the claim's award changed by, new minus old; a missing side counts 0.
func (c Change) Difference() decimal.Decimal { return awardOf(c.New).Sub(awardOf(c.Old)) }

func awardOf(d *measure.Decided) decimal.Decimal {
	if d == nil {
		return decimal.Zero
	}
	return d.Award
}

// Totals count one output's rows of a measure.
type Totals struct {
	Rows     int
	ByStatus map[award.Status]int
	Award    decimal.Decimal
}

func totals(rows []measure.Decided) Totals {
	t := Totals{ByStatus: map[award.Status]int{}, Award: decimal.Zero}
	for _, r := range rows {
		t.Rows++
		t.ByStatus[r.Status]++
		t.Award = t.Award.Add(r.Award)
	}
	return t
}

// plus adds another measure's totals, for the 合计 of several.
func (t Totals) plus(o Totals) Totals {
	sum := Totals{Rows: t.Rows + o.Rows, ByStatus: map[award.Status]int{}, Award: t.Award.Add(o.Award)}
	for _, s := range award.Statuses {
		sum.ByStatus[s] = t.ByStatus[s] + o.ByStatus[s]
	}
	return sum
}

// Measure is one measure compared.
type Measure struct {
	Key, Title, Clause string
	InOld, InNew       bool
	Identity           []Field // what names a claim in both outputs
	Old, New           Totals
	Changes            []Change
}

// Difference is the budget difference: the new total minus the old.
func (m Measure) Difference() decimal.Decimal { return m.New.Award.Sub(m.Old.Award) }

// Count is how many of the measure's changes are of a kind.
func (m Measure) Count(k Kind) int {
	n := 0
	for _, c := range m.Changes {
		if c.Kind == k {
			n++
		}
	}
	return n
}

// Result is the comparison, measure by measure in registry order.
type Result struct {
	Old, New string // the outputs as named
	Measures []Measure
}

// Differs reports whether anything differs: a claim, or a measure only one output has.
func (r *Result) Differs() bool {
	for _, m := range r.Measures {
		if len(m.Changes) > 0 || m.InOld != m.InNew {
			return true
		}
	}
	return false
}

// Compare matches the claims of two outputs by identity (SPEC §8): measure and 统一社会信用代码,
// with the project for techreform and the event's date and place for recruit, never by row.
// Two outputs of one measure each, of different measures, are not comparable.
func Compare(p *policy.Policy, old, new Output) (*Result, error) {
	oldBy, newBy := byMeasure(old), byMeasure(new)
	if err := comparable(p, old, new); err != nil {
		return nil, err
	}
	res := &Result{Old: old.Name, New: new.Name}
	for _, m := range measure.Registry {
		o, inOld := oldBy[m.Key]
		n, inNew := newBy[m.Key]
		if !inOld && !inNew {
			continue
		}
		sec := m.Section(p)
		md := Measure{Key: m.Key, Title: sec.Name, Clause: sec.ClauseLabel(), InOld: inOld, InNew: inNew,
			Old: totals(o.Rows), New: totals(n.Rows)}
		both := bothKnow(m, o, n, inOld, inNew)
		md.Identity = identity(m, p, both)
		md.Changes = match(o.Rows, n.Rows, both)
		res.Measures = append(res.Measures, md)
	}
	return res, nil
}

func byMeasure(o Output) map[string]measure.Decisions {
	by := map[string]measure.Decisions{}
	for _, d := range o.Decisions {
		by[d.Measure.Key] = d
	}
	return by
}

// comparable refuses two outputs with no measure in common; an output with no rows at all
// (JSON Lines of an empty sheet) is comparable with any.
func comparable(p *policy.Policy, old, new Output) error {
	if len(old.Decisions) == 0 || len(new.Decisions) == 0 {
		return nil
	}
	newBy := byMeasure(new)
	for _, d := range old.Decisions {
		if _, ok := newBy[d.Measure.Key]; ok {
			return nil
		}
	}
	return usererr.New(fmt.Sprintf("%s 是%s的结果，%s 是%s的结果，没有共同的措施可比较", old.Name, titles(p, old), new.Name, titles(p, new)),
		"请给出同一措施的两次结果（或含该措施的 subsidy all 结果）")
}

func titles(p *policy.Policy, o Output) string {
	var names []string
	for _, d := range o.Decisions {
		names = append(names, "“"+d.Measure.Section(p).Name+"”")
	}
	return strings.Join(names, "、")
}

// bothKnow says which claim fields both outputs hold (JSON Lines lacks recruit's place): the
// claims are matched on those.
func bothKnow(m measure.Measure, o, n measure.Decisions, inOld, inNew bool) []bool {
	both := make([]bool, len(m.Claim))
	for i := range both {
		both[i] = (!inOld || o.Known[i]) && (!inNew || n.Known[i])
	}
	return both
}

// identity names the parts of a claim's identity both outputs hold, by the measure's headers.
func identity(m measure.Measure, p *policy.Policy, both []bool) []Field {
	headers := map[string]string{}
	for _, f := range m.Spec(p).Fields {
		headers[f.Key] = f.Header
	}
	fields := []Field{{headers["code"], "code"}}
	for i, c := range m.Claim {
		if both[i] {
			key := c.JSON
			if key == "" {
				key = c.Field
			}
			fields = append(fields, Field{headers[c.Field], key})
		}
	}
	return fields
}
