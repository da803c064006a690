package measure

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/changle/subsidy/calc"
	"github.com/changle/subsidy/internal/table"
	"github.com/changle/subsidy/internal/workbook"
)

// record reads one row's fields by key, collecting unreadable cells (which make
// the row invalid) and reading warnings, each naming the cell and header.
type record struct {
	table    *table.Table
	row      table.Row
	invalid  []string
	warnings []string
}

func (r *record) cell(key string) (table.Column, workbook.Cell, bool) {
	col, ok := r.table.Columns[key]
	if !ok {
		return col, workbook.Cell{}, false
	}
	return col, r.row.Cell(col.Index), true
}

func (r *record) where(col table.Column) string {
	return fmt.Sprintf("%s「%s」", r.table.Ref(col.Index, r.row.Num), col.Header)
}

func (r *record) reject(col table.Column, err error) {
	r.invalid = append(r.invalid, r.where(col)+err.Error())
}

// present reports whether the field's cell holds something to read; a formula
// without a result or an error value is not blank but unreadable.
func (r *record) present(key string) (table.Column, workbook.Cell, bool) {
	col, c, ok := r.cell(key)
	return col, c, ok && !table.IsBlank(c)
}

// quantity reads an amount in 元, or energy in 千瓦时, converting from the column's unit.
// None of these figures can be negative (SPEC §4): a negative one is unreadable, not zero.
func (r *record) quantity(key string) calc.Figure {
	f := r.count(key)
	if f.Present {
		f.Value = r.table.Columns[key].Unit.ToBase(f.Value)
	}
	return f
}

// count reads a figure as written in its column, such as 月均参保人数: never negative.
func (r *record) count(key string) calc.Figure {
	col, c, ok := r.present(key)
	if !ok {
		return calc.Figure{}
	}
	v, err := table.ParseNumber(c)
	if err == nil && v.IsNegative() {
		err = fmt.Errorf("“%s”是负数：%s不能为负，请核对", table.Quote(c.Value), col.Header)
	}
	if err != nil {
		r.reject(col, err)
		return calc.Figure{}
	}
	return calc.Given(v)
}

// rate reads a share such as 增加值率 in percentage points: it lies in 0–100%, and a plain
// number strictly between 0 and 1 is taken for a fraction typed by mistake (SPEC §4).
func (r *record) rate(key string) calc.Figure {
	col, c, ok := r.present(key)
	if !ok {
		return calc.Figure{}
	}
	v, marked, err := table.ParsePercent(c)
	switch {
	case err != nil:
	case v.IsNegative() || v.GreaterThan(hundred):
		err = fmt.Errorf("“%s”即%s%%，不在0–100%%之间，请核对", table.Quote(c.Value), v)
	case !marked && v.IsPositive() && v.LessThan(decimal.NewFromInt(1)):
		err = fmt.Errorf("“%s”疑似小数形式：请写成百分数（%s%%写作%s）", table.Quote(c.Value), v.Shift(2), v.Shift(2))
	}
	if err != nil {
		r.reject(col, err)
		return calc.Figure{}
	}
	return calc.Given(v)
}

// growth reads a growth in percentage points; it may be negative. A plain number strictly
// between 0 and 1 is read as written, with a warning that it may be a fraction.
func (r *record) growth(key string) calc.Figure {
	col, c, ok := r.present(key)
	if !ok {
		return calc.Figure{}
	}
	v, marked, err := table.ParsePercent(c)
	if err != nil {
		r.reject(col, err)
		return calc.Figure{}
	}
	if !marked && v.IsPositive() && v.LessThan(decimal.NewFromInt(1)) {
		r.warnings = append(r.warnings, r.where(col)+fmt.Sprintf("“%s”按%s%%计算；疑似小数形式（若指%s%%，应写作%s）", table.Quote(c.Value), v, v.Shift(2), v.Shift(2)))
	}
	return calc.Given(v)
}

var hundred = decimal.NewFromInt(100)

// answer reads a yes/no field; an absent subject-class column means 是 (SPEC §4).
func (r *record) answer(key string) calc.Answer {
	col, c, ok := r.cell(key)
	if !ok {
		for _, f := range r.table.Assumed {
			if f.Key == key {
				return calc.Yes
			}
		}
		return calc.Unanswered
	}
	if table.IsBlank(c) {
		return calc.Unanswered
	}
	yes, err := table.ParseYesNo(c)
	if err != nil {
		r.reject(col, err)
		return calc.Unanswered
	}
	if yes {
		return calc.Yes
	}
	return calc.No
}

// date reads a date field: a day, or a whole month where only the month is written.
func (r *record) date(key string) calc.Day {
	col, c, ok := r.present(key)
	if !ok {
		return calc.Day{}
	}
	d, err := table.ParseDate(c)
	if err != nil {
		r.reject(col, err)
		return calc.Day{}
	}
	if d.IsMonth() {
		return calc.GivenMonth(d.First.Year(), d.First.Month())
	}
	return calc.GivenDay(d.First)
}

// required reads a text field that must not be blank.
func (r *record) required(key string) string {
	s := r.text(key)
	if s == "" {
		col, _, _ := r.cell(key)
		r.invalid = append(r.invalid, r.where(col)+"为空")
	}
	return s
}

// text reads a text field; "" when absent or blank.
func (r *record) text(key string) string {
	col, c, ok := r.cell(key)
	if !ok {
		return ""
	}
	s, err := table.ParseText(c)
	if err != nil {
		r.reject(col, err)
	}
	return s
}
