package award

import (
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// writeSummary writes 汇总: rows and awards per status, rows left out, and per town.
func writeSummary(f *excelize.File, styles *styleCache, r *Report) error {
	if _, err := f.NewSheet(summarySheet); err != nil {
		return err
	}
	moneyStyle, err := styles.get(styleKey{numFmt: moneyFormat})
	if err != nil {
		return err
	}
	t := r.Tally
	rows := [][]any{{"状态", "行数", "奖励金额(元)"}}
	for _, s := range Statuses {
		rows = append(rows, []any{s.Label(), t.Rows[s], t.Award[s]})
	}
	rows = append(rows, []any{"合计", t.Count(), t.Total}, []any{},
		[]any{"略过的行", "行数", "说明"},
		[]any{"空行", r.Table.Skipped.Blank, "表格中间的空白行"},
		[]any{"合计行", r.Table.Skipped.Total, "合计、总计、小计行，不计算"},
		[]any{"说明行", r.Table.Skipped.Notes, "填表说明、注等文字行"})
	rows = append(rows, townRows(r)...)
	if err := setDimension(f, summarySheet, rows); err != nil {
		return err
	}
	for i, row := range rows {
		for j, v := range row {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if d, ok := v.(decimal.Decimal); ok {
				amount, err := ExactFloat(d)
				if err != nil {
					return err
				}
				if err := f.SetCellValue(summarySheet, cell, amount); err != nil {
					return err
				}
				if err := f.SetCellStyle(summarySheet, cell, cell, moneyStyle); err != nil {
					return err
				}
				continue
			}
			if err := f.SetCellValue(summarySheet, cell, v); err != nil {
				return err
			}
		}
	}
	if err := f.SetColWidth(summarySheet, "A", "G", 16); err != nil {
		return err
	}
	return printable(f, summarySheet, 1, 1, r.PolicyID)
}

// setDimension records the used range, which excelize leaves at A1 and which
// readers such as openpyxl in read-only mode trust.
func setDimension(f *excelize.File, sheet string, rows [][]any) error {
	width := 1
	for _, r := range rows {
		width = max(width, len(r))
	}
	last, _ := excelize.CoordinatesToCellName(width, len(rows))
	return f.SetSheetDimension(sheet, "A1:"+last)
}

// townRows break the rows and awards down by 所属乡镇(街道), when the sheet has it.
func townRows(r *Report) [][]any {
	col, ok := r.Table.Columns["town"]
	if !ok {
		return nil
	}
	header := []any{col.Header, "行数"}
	for _, s := range Statuses {
		header = append(header, s.Label())
	}
	out := [][]any{{}, append(header, "奖励金额(元)")}
	for _, town := range r.Towns {
		line := []any{town.Name, town.Count()}
		for _, s := range Statuses {
			line = append(line, town.Rows[s])
		}
		out = append(out, append(line, town.Total))
	}
	return out
}

// writeSettings writes 参数: everything the result depends on, one line each.
func writeSettings(f *excelize.File, r *Report) error {
	if _, err := f.NewSheet(settingsSheet); err != nil {
		return err
	}
	rows := append([]Setting{{"项目", "值", "说明"}}, r.Settings...)
	last, _ := excelize.CoordinatesToCellName(3, len(rows))
	if err := f.SetSheetDimension(settingsSheet, "A1:"+last); err != nil {
		return err
	}
	for i, s := range rows {
		for j, v := range []string{s.Item, s.Value, s.Note} {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := f.SetCellStr(settingsSheet, cell, v); err != nil {
				return err
			}
		}
	}
	if err := f.SetColWidth(settingsSheet, "A", "A", 40); err != nil {
		return err
	}
	if err := f.SetColWidth(settingsSheet, "B", "C", 30); err != nil {
		return err
	}
	return printable(f, settingsSheet, 1, 1, r.PolicyID)
}
