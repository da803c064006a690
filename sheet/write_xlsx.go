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

// styleCache gives one style per number format and fill.
type styleCache struct {
	f   *excelize.File
	ids map[styleKey]int
}

type styleKey struct {
	numFmt string
	fill   string // "" or an RGB fill marking rows a reviewer must look at
}

func newStyleCache(f *excelize.File) *styleCache { return &styleCache{f: f, ids: map[styleKey]int{}} }

func (s *styleCache) get(numFmt, fill string) (int, error) {
	key := styleKey{numFmt, fill}
	if numFmt == "" && fill == "" {
		return 0, nil
	}
	if id, ok := s.ids[key]; ok {
		return id, nil
	}
	st := &excelize.Style{}
	if numFmt != "" {
		st.CustomNumFmt = &numFmt
	}
	if fill != "" {
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}}
	}
	id, err := s.f.NewStyle(st)
	s.ids[key] = id
	return id, err
}

func (s *styleCache) numFmt(code string) (int, error) { return s.get(code, "") }

// flagFill marks rows a reviewer must look at: 待补充 amber, 数据有误 red.
var flagFill = map[calc.Status]string{calc.Pending: "FFEB9C", calc.Invalid: "FFC7CE"}

// detailLine is one row of 明细: the header, a data row with its result, or a row carried as it is.
type detailLine struct {
	row    Row
	result *Result
	header bool
}

// detailLines interleaves data rows and carried rows by their row number, so 明细 keeps
// the input's row numbers and a re-run on it cites the same rows.
func detailLines(t *Table, results []Result) []detailLine {
	lines := make([]detailLine, 0, len(t.Extra)+len(results))
	i, j := 0, 0
	for i < len(t.Extra) || j < len(results) {
		if j == len(results) || (i < len(t.Extra) && t.Extra[i].Num < results[j].Row.Num) {
			lines = append(lines, detailLine{row: t.Extra[i]})
			i++
			continue
		}
		lines = append(lines, detailLine{row: results[j].Row, result: &results[j]})
		j++
	}
	return lines
}

func writeDetail(f *excelize.File, styles *styleCache, r *Report) error {
	t := r.Table
	kept := t.keptColumns()
	width := len(kept) + len(resultColumns)
	lines := detailLines(t, r.Results)
	lastRow := t.HeaderRow
	lastData := t.HeaderRow
	if len(lines) > 0 {
		lastRow = max(lastRow, lines[len(lines)-1].row.Num)
	}
	if len(r.Results) > 0 {
		lastData = r.Results[len(r.Results)-1].Row.Num
	}
	lastCol, _ := excelize.ColumnNumberToName(width)
	// The stream writer would leave <dimension ref="A1">, and readers that trust it see one row.
	if err := f.SetSheetDimension(detailSheet, fmt.Sprintf("A1:%s%d", lastCol, lastRow)); err != nil {
		return err
	}
	if err := f.AutoFilter(detailSheet, fmt.Sprintf("A%d:%s%d", t.HeaderRow, lastCol, lastData), nil); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(detailSheet)
	if err != nil {
		return err
	}
	below, _ := excelize.CoordinatesToCellName(1, t.HeaderRow+1)
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: t.HeaderRow, TopLeftCell: below, ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := sw.SetColWidth(1, len(kept), 14); err != nil {
		return err
	}
	if err := sw.SetColWidth(len(kept)+1, len(kept)+2, 14); err != nil {
		return err
	}
	if err := sw.SetColWidth(len(kept)+3, width, 48); err != nil {
		return err
	}
	lines = insertHeader(lines, t.HeaderRow)
	for _, line := range lines {
		cells, err := detailRow(line, t, kept, styles)
		if err != nil {
			return fmt.Errorf("%s第%d行: %w", t.Sheet, line.row.Num, err)
		}
		ref, _ := excelize.CoordinatesToCellName(1, line.row.Num)
		if err := sw.SetRow(ref, cells); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// insertHeader places the header row among the lines, by row number.
func insertHeader(lines []detailLine, headerRow int) []detailLine {
	at := 0
	for at < len(lines) && lines[at].row.Num < headerRow {
		at++
	}
	return append(lines[:at], append([]detailLine{{row: Row{Num: headerRow}, header: true}}, lines[at:]...)...)
}

func detailRow(line detailLine, t *Table, kept []int, styles *styleCache) ([]any, error) {
	cells := make([]any, 0, len(kept)+len(resultColumns))
	if line.header {
		for _, col := range kept {
			cells = append(cells, t.Header(col))
		}
		for _, h := range resultColumns {
			cells = append(cells, h)
		}
		return cells, nil
	}
	fill := ""
	if line.result != nil {
		fill = flagFill[line.result.Outcome.Status]
	}
	for _, col := range kept {
		c, err := outputCell(line.row.Cell(col), styles, fill)
		if err != nil {
			return nil, err
		}
		cells = append(cells, c)
	}
	if line.result == nil {
		return cells, nil
	}
	o := line.result.Outcome
	award, err := exactFloat(o.Award)
	if err != nil {
		return nil, err
	}
	moneyStyle, err := styles.get(moneyFormat, fill)
	if err != nil {
		return nil, err
	}
	textStyle, err := styles.get("", fill)
	if err != nil {
		return nil, err
	}
	return append(cells,
		excelize.Cell{StyleID: textStyle, Value: o.Status.Label()},
		excelize.Cell{StyleID: moneyStyle, Value: award},
		excelize.Cell{StyleID: textStyle, Value: Explanation(o)},
		excelize.Cell{StyleID: textStyle, Value: o.Clause}), nil
}

// outputCell copies an input cell with its type and number format, so dates stay dates
// and codes stay text.
func outputCell(c Cell, styles *styleCache, fill string) (excelize.Cell, error) {
	style, err := styles.get(c.NumFmt, fill)
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
	case FormulaNoValue:
		// Carried as a formula still without a result, so a re-run finds the row invalid again.
		out.Formula = c.Formula
		if c.Formula == "" {
			out.Value = "#VALUE!"
		}
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
	rows = append(rows, townRows(r)...)
	if err := setDimension(f, summarySheet, rows); err != nil {
		return err
	}
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
	return f.SetColWidth(summarySheet, "A", "G", 16)
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
	type townTally struct {
		rows  map[calc.Status]int
		award decimal.Decimal
	}
	var order []string
	towns := map[string]*townTally{}
	for _, res := range r.Results {
		name := Normalize(res.Row.Cell(col.Index).Value)
		if name == "" {
			name = "（未填）"
		}
		tt, seen := towns[name]
		if !seen {
			tt = &townTally{rows: map[calc.Status]int{}, award: decimal.Zero}
			towns[name] = tt
			order = append(order, name)
		}
		tt.rows[res.Outcome.Status]++
		tt.award = tt.award.Add(res.Outcome.Award)
	}
	header := []any{col.Header, "行数"}
	for _, s := range calc.Statuses {
		header = append(header, s.Label())
	}
	out := [][]any{{}, append(header, "奖励金额(元)")}
	for _, name := range order {
		tt := towns[name]
		line := []any{name, 0}
		total := 0
		for _, s := range calc.Statuses {
			line = append(line, tt.rows[s])
			total += tt.rows[s]
		}
		line[1] = total
		out = append(out, append(line, tt.award))
	}
	return out
}

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
	return f.SetColWidth(settingsSheet, "B", "C", 30)
}
