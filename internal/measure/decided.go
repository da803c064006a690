package measure

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/changle/subsidy/internal/award"
	"github.com/changle/subsidy/internal/policy"
	"github.com/changle/subsidy/internal/table"
	"github.com/changle/subsidy/internal/workbook"
)

// Decided is one row of an award output of this tool, read back: its claim and what was decided.
type Decided struct {
	Code        string
	Claim       []string // the measure's claim fields as read; "" for one the output does not hold
	Name        string
	Status      award.Status
	Award       decimal.Decimal
	Explanation string // as 计算说明 writes it
	Row         int    // the input's row number, which 明细 keeps
}

// Decisions are one measure's rows in an award output, in order.
type Decisions struct {
	Measure Measure
	Known   []bool // which claim fields the output holds: JSON Lines has no recruit place
	Rows    []Decided
}

// claimSpec is what reading back an award sheet needs: the identity columns and the claim's,
// so that a column mapped with --map for a figure does not stop it.
func (m Measure) claimSpec(p *policy.Policy) table.Spec {
	full := m.Spec(p)
	spec := table.Spec{}
	for _, f := range full.Fields {
		keep := f.Key == "name" || f.Key == "code"
		for _, c := range m.Claim {
			keep = keep || f.Key == c.Field
		}
		if keep {
			spec.Fields = append(spec.Fields, f)
		}
	}
	return spec
}

// statusByLabel reads 状态 as this tool writes it.
var statusByLabel = func() map[string]award.Status {
	byLabel := map[string]award.Status{}
	for _, s := range award.Statuses {
		byLabel[s.Label()] = s
	}
	return byLabel
}()

// scanDecided reads a 明细 sheet of an award workbook, row by row: each row's claim and the
// result columns this tool wrote. An error says why the sheet is not one.
func scanDecided(src workbook.Source, m Measure, p *policy.Policy, sheet string, fn func(Decided) error) error {
	t, err := table.ReadTable(src, m.claimSpec(p), table.ReadOptions{Sheet: sheet})
	if err != nil {
		return err
	}
	statusCol, ok1 := t.ResultColumn("状态")
	awardCol, ok2 := t.ResultColumn("奖励金额")
	explanationCol, ok3 := t.ResultColumn("计算说明")
	if !ok1 || !ok2 || !ok3 {
		return fmt.Errorf("工作表“%s”中没有“状态”“奖励金额(元)”“计算说明”列", sheet)
	}
	return t.Scan(func(l table.Line) error {
		if l.Kind != table.DataLine {
			return nil
		}
		rec := &record{table: t, row: l.Row}
		label := table.Normalize(l.Row.Cell(statusCol).Value)
		status, ok := statusByLabel[label]
		if !ok {
			return fmt.Errorf("%s的状态“%s”不是本工具写出的", t.Ref(statusCol, l.Row.Num), table.Quote(label))
		}
		amount, err := table.ParseNumber(l.Row.Cell(awardCol))
		if err != nil {
			return fmt.Errorf("%s的奖励金额%w", t.Ref(awardCol, l.Row.Num), err)
		}
		return fn(Decided{
			Code: rec.text("code"), Claim: claimOf(m, p, rec, false), Name: rec.text("name"),
			Status: status, Award: amount, Explanation: l.Row.Cell(explanationCol).Value, Row: l.Row.Num,
		})
	})
}
