package sheet

import (
	"archive/zip"
	"compress/flate"
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

// Extents are where the sheet's rows end, known from a first pass before 明细 is written.
type Extents struct {
	LastRow     int // the last non-blank row
	LastDataRow int // the last row computed
}

type xlsxWriter struct {
	f      *excelize.File
	sw     *excelize.StreamWriter
	styles *styleCache
	table  *Table
	kept   []int
}

// NewXLSXWriter writes the award workbook: 明细 (every input row at its row number, with
// the results of data rows) as the rows stream past, then 汇总 and 参数.
func NewXLSXWriter(w io.Writer, r *Report, ext Extents) (Writer, error) {
	f := excelize.NewFile()
	// excelize assembles the package in a memory buffer it hands the zip writer; ours ignores
	// that buffer and streams to w, and deflates at BestSpeed, which costs a few percent of size
	// and saves most of the write time on large sheets.
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(w)
		zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
			return flate.NewWriter(out, flate.BestSpeed)
		})
		return zw
	})
	x := &xlsxWriter{f: f, styles: newStyleCache(f), table: r.Table, kept: r.Table.keptColumns()}
	if err := x.start(ext); err != nil {
		f.Close()
		return nil, fmt.Errorf("写明细表: %w", err)
	}
	return x, nil
}

func (x *xlsxWriter) start(ext Extents) error {
	t := x.table
	if err := x.f.SetSheetName("Sheet1", detailSheet); err != nil {
		return err
	}
	width := len(x.kept) + len(resultColumns)
	if width > maxColumns {
		return fmt.Errorf("表格用到 %d 列，加上 %d 个结果列超过 Excel 的 %d 列上限：请删去多余的列，或用 --format csv 或 json 输出", len(x.kept), len(resultColumns), maxColumns)
	}
	lastCol, _ := excelize.ColumnNumberToName(width)
	// The stream writer would leave <dimension ref="A1">, and readers that trust it see one row.
	if err := x.f.SetSheetDimension(detailSheet, fmt.Sprintf("A1:%s%d", lastCol, max(ext.LastRow, t.HeaderRow))); err != nil {
		return err
	}
	if err := x.f.AutoFilter(detailSheet, fmt.Sprintf("A%d:%s%d", t.HeaderRow, lastCol, max(ext.LastDataRow, t.HeaderRow)), nil); err != nil {
		return err
	}
	sw, err := x.f.NewStreamWriter(detailSheet)
	if err != nil {
		return err
	}
	x.sw = sw
	below, _ := excelize.CoordinatesToCellName(1, t.HeaderRow+1)
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: t.HeaderRow, TopLeftCell: below, ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if len(x.kept) > 0 {
		if err := sw.SetColWidth(1, len(x.kept), 14); err != nil {
			return err
		}
	}
	if err := sw.SetColWidth(len(x.kept)+1, len(x.kept)+2, 14); err != nil {
		return err
	}
	return sw.SetColWidth(len(x.kept)+3, width, 48)
}

func (x *xlsxWriter) Line(l Line, res *Result) error {
	cells, err := x.detailRow(l, res)
	if err != nil {
		return fmt.Errorf("%s第%d行: %w", x.table.Sheet, l.Row.Num, err)
	}
	ref, _ := excelize.CoordinatesToCellName(1, l.Row.Num)
	return x.sw.SetRow(ref, cells)
}

func (x *xlsxWriter) Close(r *Report) error {
	defer x.f.Close()
	if err := x.sw.Flush(); err != nil {
		return fmt.Errorf("写明细表: %w", err)
	}
	if err := writeSummary(x.f, x.styles, r); err != nil {
		return fmt.Errorf("写汇总表: %w", err)
	}
	if err := writeSettings(x.f, r); err != nil {
		return fmt.Errorf("写参数表: %w", err)
	}
	return x.f.Write(io.Discard) // the zip writer set above has already written the package to w
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

func (x *xlsxWriter) detailRow(l Line, res *Result) ([]any, error) {
	cells := make([]any, 0, len(x.kept)+len(resultColumns))
	if l.Kind == HeaderLine {
		for _, col := range x.kept {
			cells = append(cells, x.table.Header(col))
		}
		for _, h := range resultColumns {
			cells = append(cells, h)
		}
		return cells, nil
	}
	fill := ""
	if res != nil {
		fill = flagFill[res.Outcome.Status]
	}
	for _, col := range x.kept {
		c, err := outputCell(l.Row.Cell(col), x.styles, fill)
		if err != nil {
			return nil, err
		}
		cells = append(cells, c)
	}
	if res == nil {
		return cells, nil
	}
	o := res.Outcome
	award, err := exactFloat(o.Award)
	if err != nil {
		return nil, err
	}
	moneyStyle, err := x.styles.get(moneyFormat, fill)
	if err != nil {
		return nil, err
	}
	textStyle, err := x.styles.get("", fill)
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
	t := r.Tally
	rows := [][]any{{"状态", "行数", "奖励金额(元)"}}
	for _, s := range calc.Statuses {
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
	header := []any{col.Header, "行数"}
	for _, s := range calc.Statuses {
		header = append(header, s.Label())
	}
	out := [][]any{{}, append(header, "奖励金额(元)")}
	for _, town := range r.Towns {
		line := []any{town.Name, town.Count()}
		for _, s := range calc.Statuses {
			line = append(line, town.Rows[s])
		}
		out = append(out, append(line, town.Total))
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
