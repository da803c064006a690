package measure

import (
	"fmt"

	"github.com/changle/subsidy/calc"
	"github.com/changle/subsidy/sheet"
)

// record reads one row's fields by key, collecting unreadable cells (which make
// the row invalid) and reading warnings, each naming the cell and header.
type record struct {
	table    *sheet.Table
	row      sheet.Row
	invalid  []string
	warnings []string
}

func (r *record) cell(key string) (sheet.Column, sheet.Cell, bool) {
	col, ok := r.table.Columns[key]
	if !ok {
		return col, sheet.Cell{}, false
	}
	return col, r.row.Cell(col.Index), true
}

func (r *record) where(col sheet.Column) string {
	return fmt.Sprintf("%s「%s」", r.table.Ref(col.Index, r.row.Num), col.Header)
}

func (r *record) reject(col sheet.Column, err error) {
	r.invalid = append(r.invalid, r.where(col)+err.Error())
}

// present reports whether the field's cell holds something to read; a formula
// without a result or an error value is not blank but unreadable.
func (r *record) present(key string) (sheet.Column, sheet.Cell, bool) {
	col, c, ok := r.cell(key)
	return col, c, ok && !sheet.IsBlank(c)
}

// money reads an amount in 元, or energy in 千瓦时, converting from the column's unit.
func (r *record) quantity(key string) calc.Figure {
	col, c, ok := r.present(key)
	if !ok {
		return calc.Figure{}
	}
	v, err := sheet.ParseNumber(c)
	if err != nil {
		r.reject(col, err)
		return calc.Figure{}
	}
	return calc.Given(col.Unit.ToBase(v))
}

// percent reads a rate in percentage points.
func (r *record) percent(key string) calc.Figure {
	col, c, ok := r.present(key)
	if !ok {
		return calc.Figure{}
	}
	v, warning, err := sheet.ParsePercent(c)
	if err != nil {
		r.reject(col, err)
		return calc.Figure{}
	}
	if warning != "" {
		r.warnings = append(r.warnings, r.where(col)+warning)
	}
	return calc.Given(v)
}

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
	if sheet.IsBlank(c) {
		return calc.Unanswered
	}
	yes, err := sheet.ParseYesNo(c)
	if err != nil {
		r.reject(col, err)
		return calc.Unanswered
	}
	if yes {
		return calc.Yes
	}
	return calc.No
}

// date reads a date field.
func (r *record) date(key string) calc.Day {
	col, c, ok := r.present(key)
	if !ok {
		return calc.Day{}
	}
	t, err := sheet.ParseDate(c)
	if err != nil {
		r.reject(col, err)
		return calc.Day{}
	}
	return calc.GivenDay(t)
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
	s, err := sheet.ParseText(c)
	if err != nil {
		r.reject(col, err)
	}
	return s
}
