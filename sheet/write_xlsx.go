package sheet

import (
	"fmt"
	"io"
	"strconv"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/changle/subsidy/calc"
)

const (
	detailSheet   = "明细"
	summarySheet  = "汇总"
	settingsSheet = "参数"
	moneyFormat   = "#,##0.00"
)

// WriteXLSX writes the award workbook: 明细 (input columns and results), 汇总, 参数.
func WriteXLSX(w io.Writer, r *Report) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", detailSheet); err != nil {
		return err
	}
	styles := newStyleCache(f)
	if err := writeDetail(f, styles, r); err != nil {
		return fmt.Errorf("写明细表: %w", err)
	}
	if err := writeSummary(f, styles, r); err != nil {
		return fmt.Errorf("写汇总表: %w", err)
	}
	if err := writeSettings(f, r); err != nil {
		return fmt.Errorf("写参数表: %w", err)
	}
	return f.Write(w)
}

// styleCache gives one style per number format code.
type styleCache struct {
	f   *excelize.File
	ids map[string]int
}

func newStyleCache(f *excelize.File) *styleCache { return &styleCache{f: f, ids: map[string]int{}} }

func (s *styleCache) numFmt(code string) (int, error) {
	if code == "" {
		return 0, nil
	}
	if id, ok := s.ids[code]; ok {
		return id, nil
	}
	id, err := s.f.NewStyle(&excelize.Style{CustomNumFmt: &code})
	s.ids[code] = id
	return id, err
}

func writeDetail(f *excelize.File, styles *styleCache, r *Report) error {
	kept := r.Table.keptColumns()
	width := len(kept) + len(resultColumns)
	// The stream writer would leave <dimension ref="A1">, and readers that trust it see one row.
	last, _ := excelize.CoordinatesToCellName(width, len(r.Results)+1)
	if err := f.SetSheetDimension(detailSheet, "A1:"+last); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(detailSheet)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := sw.SetColWidth(len(kept)+1, width, 16); err != nil {
		return err
	}
	header := make([]any, 0, width)
	for _, col := range kept {
		header = append(header, r.Table.Header(col))
	}
	for _, h := range resultColumns {
		header = append(header, h)
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	moneyStyle, err := styles.numFmt(moneyFormat)
	if err != nil {
		return err
	}
	for i, res := range r.Results {
		row := make([]any, 0, width)
		for _, col := range kept {
			c, err := outputCell(res.Row.Cell(col), styles)
			if err != nil {
				return err
			}
			row = append(row, c)
		}
		award, err := exactFloat(res.Outcome.Award)
		if err != nil {
			return fmt.Errorf("%s第%d行: %w", r.Table.Sheet, res.Row.Num, err)
		}
		o := res.Outcome
		row = append(row, o.Status.Label(), excelize.Cell{StyleID: moneyStyle, Value: award}, Explanation(o), o.Clause)
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// outputCell copies an input cell with its type and number format, so dates stay dates
// and codes stay text.
func outputCell(c Cell, styles *styleCache) (excelize.Cell, error) {
	style, err := styles.numFmt(c.NumFmt)
	if err != nil {
		return excelize.Cell{}, err
	}
	out := excelize.Cell{StyleID: style}
	switch c.Kind {
	case Number:
		// The stored value is an IEEE double already; parsing it back loses nothing.
		v, err := strconv.ParseFloat(c.Value, 64)
		if err != nil {
			out.Value = c.Value
		} else {
			out.Value = v
		}
	case Boolean:
		out.Value = c.Value == "1"
	case Blank:
	default:
		out.Value = c.Value
	}
	return out, nil
}

// exactFloat converts an award for the xlsx number cell, which is an IEEE double,
// refusing any amount the double would not carry exactly to the 分.
func exactFloat(v decimal.Decimal) (float64, error) {
	f := v.InexactFloat64()
	if !decimal.NewFromFloat(f).Equal(v) {
		return 0, fmt.Errorf("金额%s无法在xlsx中精确表示", v.StringFixed(2))
	}
	return f, nil
}

func writeSummary(f *excelize.File, styles *styleCache, r *Report) error {
	if _, err := f.NewSheet(summarySheet); err != nil {
		return err
	}
	moneyStyle, err := styles.numFmt(moneyFormat)
	if err != nil {
		return err
	}
	t := r.Tally()
	rows := [][]any{{"状态", "行数", "奖励金额(元)"}}
	for _, s := range calc.Statuses {
		rows = append(rows, []any{s.Label(), t.Rows[s], t.Award[s]})
	}
	rows = append(rows, []any{"合计", len(r.Results), t.Total}, []any{},
		[]any{"略过的行", "行数", "说明"},
		[]any{"空行", r.Table.Skipped.Blank, "表格中间的空白行"},
		[]any{"合计行", r.Table.Skipped.Total, "合计、总计、小计行，不计算"},
		[]any{"说明行", r.Table.Skipped.Notes, "填表说明、注等文字行"})
	for i, row := range rows {
		for j, v := range row {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if d, ok := v.(decimal.Decimal); ok {
				amount, err := exactFloat(d)
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
	return f.SetColWidth(summarySheet, "A", "C", 18)
}

func writeSettings(f *excelize.File, r *Report) error {
	if _, err := f.NewSheet(settingsSheet); err != nil {
		return err
	}
	rows := append([]Setting{{"项目", "值", "说明"}}, r.Settings...)
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
	return f.SetColWidth(settingsSheet, "B", "C", 30)
}
