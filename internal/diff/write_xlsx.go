package diff

import (
	"io"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/changle/subsidy/internal/award"
	"github.com/changle/subsidy/internal/measure"
)

const (
	changesSheet = "变化明细"
	budgetSheet  = "预算对比"
	moneyFormat  = "#,##0.00"
)

// WriteXLSX writes the comparison as a workbook: 变化明细, one row per claim that differs, and
// 预算对比, one row per measure with a 合计 row, then the two outputs compared.
func WriteXLSX(w io.Writer, r *Result) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", changesSheet); err != nil {
		return err
	}
	if err := writeChangesSheet(f, st, r); err != nil {
		return err
	}
	if _, err := f.NewSheet(budgetSheet); err != nil {
		return err
	}
	if err := writeBudgetSheet(f, st, r); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

type styles struct{ header, money int }

func newStyles(f *excelize.File) (styles, error) {
	header, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	if err != nil {
		return styles{}, err
	}
	format := moneyFormat
	money, err := f.NewStyle(&excelize.Style{CustomNumFmt: &format})
	return styles{header, money}, err
}

// identityHeaders are the parts of a claim's identity of every measure compared, each a column.
func identityHeaders(r *Result) []string {
	var headers []string
	seen := map[string]bool{}
	for _, m := range r.Measures {
		for _, f := range m.Identity {
			if !seen[f.Header] {
				seen[f.Header] = true
				headers = append(headers, f.Header)
			}
		}
	}
	return headers
}

func writeChangesSheet(f *excelize.File, st styles, r *Result) error {
	ids := identityHeaders(r)
	header := append(append([]string{"措施", "政策条款", "变化", "企业名称"}, ids...),
		"原状态", "原奖励金额(元)", "新状态", "新奖励金额(元)", "差额(元)", "原计算说明", "新计算说明", "原行号", "新行号")
	rows := 1
	for _, m := range r.Measures {
		rows += len(m.Changes)
	}
	last, _ := excelize.CoordinatesToCellName(len(header), max(rows, 2))
	if err := f.AutoFilter(changesSheet, "A1:"+last, nil); err != nil { // before the stream, which keeps it
		return err
	}
	sw, err := f.NewStreamWriter(changesSheet)
	if err != nil {
		return err
	}
	if err := layout(sw, len(header), len(ids)); err != nil {
		return err
	}
	if err := sw.SetRow("A1", headerRow(header, st)); err != nil {
		return err
	}
	row := 1
	for _, m := range r.Measures {
		for _, c := range m.Changes {
			values := []any{m.Title, m.Clause, c.Kind.Label(), c.Name}
			for _, h := range ids {
				values = append(values, identityValue(m, c, h))
			}
			old, new := sideCells(c.Old, st), sideCells(c.New, st)
			values = append(values, old[0], old[1], new[0], new[1], moneyCell(c.Difference(), st), old[2], new[2], old[3], new[3])
			row++
			cell, _ := excelize.CoordinatesToCellName(1, row)
			if err := sw.SetRow(cell, values); err != nil {
				return err
			}
		}
	}
	return sw.Flush()
}

// layout sets the widths and the frozen header row, which a stream writer takes before any row.
func layout(sw *excelize.StreamWriter, width, ids int) error {
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := sw.SetColWidth(1, 4+ids, 20); err != nil {
		return err
	}
	if err := sw.SetColWidth(5+ids, 9+ids, 14); err != nil {
		return err
	}
	if err := sw.SetColWidth(10+ids, 11+ids, 60); err != nil {
		return err
	}
	return sw.SetColWidth(12+ids, width, 8)
}

func headerRow(header []string, st styles) []any {
	row := make([]any, len(header))
	for i, h := range header {
		row[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	return row
}

// identityValue is a claim's value under one identity header, "" where its measure has none.
func identityValue(m Measure, c Change, header string) string {
	for i, f := range m.Identity {
		if f.Header == header {
			return c.Identity[i]
		}
	}
	return ""
}

// sideCells are a claim's status, award, explanation and row on one side; blank where it has none.
func sideCells(d *measure.Decided, st styles) [4]any {
	if d == nil {
		return [4]any{nil, nil, nil, nil}
	}
	return [4]any{d.Status.Label(), moneyCell(d.Award, st), d.Explanation, d.Row}
}

// moneyCell writes an amount as a number formatted to the 分; one a double cannot carry
// exactly (never an award of this tool) stays text rather than lose a digit.
func moneyCell(v decimal.Decimal, st styles) excelize.Cell {
	f, err := award.ExactFloat(v)
	if err != nil {
		return excelize.Cell{Value: v.StringFixed(2)}
	}
	return excelize.Cell{StyleID: st.money, Value: f}
}

func writeBudgetSheet(f *excelize.File, st styles, r *Result) error {
	header := []string{"措施", "政策条款", "原结果行数", "新结果行数", "原予以奖励(行)", "新予以奖励(行)",
		"原奖励合计(元)", "新奖励合计(元)", "差额(元)", "状态或金额变化(项)", "仅在原结果(项)", "仅在新结果(项)"}
	rows := [][]any{headerRow(header, st)}
	all := Measure{Title: "合计", Old: totals(nil), New: totals(nil)}
	for _, m := range r.Measures {
		rows = append(rows, budgetRow(m, st))
		all.Old, all.New = all.Old.plus(m.Old), all.New.plus(m.New)
		all.Changes = append(all.Changes, m.Changes...)
	}
	rows = append(rows, budgetRow(all, st), nil, []any{"原结果", r.Old}, []any{"新结果", r.New})
	for i, row := range rows {
		for j, v := range row {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if c, ok := v.(excelize.Cell); ok {
				if err := f.SetCellStyle(budgetSheet, cell, cell, c.StyleID); err != nil {
					return err
				}
				v = c.Value
			}
			if err := f.SetCellValue(budgetSheet, cell, v); err != nil {
				return err
			}
		}
	}
	return f.SetColWidth(budgetSheet, "A", "L", 16)
}

func budgetRow(m Measure, st styles) []any {
	return []any{m.Title, m.Clause, m.Old.Rows, m.New.Rows, m.Old.ByStatus[award.Awarded], m.New.ByStatus[award.Awarded],
		moneyCell(m.Old.Award, st), moneyCell(m.New.Award, st), moneyCell(m.Difference(), st),
		m.Count(Changed), m.Count(OnlyOld), m.Count(OnlyNew)}
}
