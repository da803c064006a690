package award

import (
	"github.com/changle/subsidy/internal/table"
	"github.com/changle/subsidy/internal/workbook"

	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"strconv"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

const (
	detailSheet   = "明细"
	summarySheet  = "汇总"
	settingsSheet = "参数"
	moneyFormat   = "#,##0.00"
)

// Extents are where the sheet's rows end, known from a first pass before 明细 is written.
type Extents struct {
	LastRow     int  // the last non-blank row
	LastDataRow int  // the last row computed
	HasTotal    bool // a 合计 row follows the last row computed; else 明细 gets one of its own
}

type xlsxWriter struct {
	w      io.Writer
	f      *excelize.File
	styles *styleCache
	table  *table.Table
	kept   []int
	detail *detailPart
	cells  []cellXML
	ext    Extents
	sum    decimal.Decimal // awards since the last 合计 row
}

// detailPartName is where excelize keeps its first sheet, which becomes 明细.
const detailPartName = "xl/worksheets/sheet1.xml"

// NewXLSXWriter writes the award workbook: 明细 (every input row at its row number, with
// the results of data rows) as the rows stream past, then 汇总 and 参数.
func NewXLSXWriter(w io.Writer, r *Report, ext Extents) (Writer, error) {
	f := excelize.NewFile()
	x := &xlsxWriter{w: w, f: f, styles: newStyleCache(f), table: r.Table, kept: r.Table.KeptColumns(), ext: ext, sum: decimal.Zero}
	if err := x.layout(ext, r.PolicyID); err != nil {
		f.Close()
		return nil, fmt.Errorf("写明细表: %w", err)
	}
	head, tail, err := x.skeleton()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("写明细表: %w", err)
	}
	if x.detail, err = newDetailPart(head, tail, len(x.kept)+len(resultColumns)); err != nil {
		f.Close()
		return nil, fmt.Errorf("写明细表: %w", err)
	}
	return x, nil
}

// layout sets 明细's size, frozen header, filter and column widths before any row is written.
func (x *xlsxWriter) layout(ext Extents, policyID string) error {
	t := x.table
	if err := x.f.SetSheetName("Sheet1", detailSheet); err != nil {
		return err
	}
	width := len(x.kept) + len(resultColumns)
	lastCol, _ := excelize.ColumnNumberToName(width)
	// The used range, which readers such as openpyxl's read-only mode trust.
	if err := x.f.SetSheetDimension(detailSheet, fmt.Sprintf("A1:%s%d", lastCol, x.lastRow())); err != nil {
		return err
	}
	if err := x.f.AutoFilter(detailSheet, fmt.Sprintf("A%d:%s%d", t.HeaderRow, lastCol, max(ext.LastDataRow, t.HeaderRow)), nil); err != nil {
		return err
	}
	if err := printable(x.f, detailSheet, t.HeaderRow, x.identityColumns(), policyID); err != nil {
		return err
	}
	firstResult, _ := excelize.ColumnNumberToName(len(x.kept) + 1)
	award, _ := excelize.ColumnNumberToName(len(x.kept) + 2)
	explanation, _ := excelize.ColumnNumberToName(len(x.kept) + 3)
	for i, col := range x.kept {
		name, _ := excelize.ColumnNumberToName(i + 1)
		if err := x.f.SetColWidth(detailSheet, name, name, max(columnWidth(t.Header(col)), x.identityWidth(col), 10)); err != nil {
			return err
		}
	}
	if err := x.f.SetColWidth(detailSheet, firstResult, award, 14); err != nil {
		return err
	}
	return x.f.SetColWidth(detailSheet, explanation, lastCol, 48)
}

// skeleton renders the workbook once to learn the XML excelize writes around 明细's rows.
func (x *xlsxWriter) skeleton() (head, tail []byte, err error) {
	buf, err := x.f.WriteToBuffer()
	if err != nil {
		return nil, nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return nil, nil, err
	}
	r, err := zr.Open(detailPartName)
	if err != nil {
		return nil, nil, err
	}
	defer r.Close()
	sheetXML, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, err
	}
	return splitSheetData(sheetXML)
}

func (x *xlsxWriter) Line(l table.Line, res *Result) error {
	if err := x.detailRow(l, res); err != nil {
		return fmt.Errorf("%s第%d行: %w", x.table.Sheet, l.Row.Num, err)
	}
	if res != nil && res.Outcome.Status == Awarded {
		x.sum = x.sum.Add(res.Outcome.Award)
	}
	if l.Total {
		if err := x.totalCells(); err != nil {
			return err
		}
	}
	return x.detail.row(l.Row.Num, x.cells)
}

// lastRow is 明细's last row: the input's, or the 合计 row added after it.
func (x *xlsxWriter) lastRow() int {
	last := max(x.ext.LastRow, x.table.HeaderRow)
	if !x.ext.HasTotal {
		last++
	}
	return last
}

// totalCells puts the awards since the last 合计 row into this one's 奖励金额(元), in bold.
func (x *xlsxWriter) totalCells() error {
	for len(x.cells) < len(x.kept)+len(resultColumns) {
		x.cells = append(x.cells, cellXML{kind: workbook.Blank})
	}
	amount, err := exactNumber(x.sum)
	if err != nil {
		return err
	}
	money, err := x.styles.get(totalMoney)
	if err != nil {
		return err
	}
	bold, err := x.styles.get(totalStyle)
	if err != nil {
		return err
	}
	for i := range x.cells {
		if x.cells[i].style == 0 {
			x.cells[i].style = bold
		}
	}
	x.cells[len(x.kept)+1] = cellXML{kind: workbook.Number, text: amount, style: money}
	x.sum = decimal.Zero
	return nil
}

// identityColumns is how many columns, up to the 统一社会信用代码, stay in view when scrolling.
func (x *xlsxWriter) identityColumns() int {
	n := 0
	for i, col := range x.kept {
		for _, key := range []string{"name", "code"} {
			if c, ok := x.table.Columns[key]; ok && c.Index == col {
				n = i + 1
			}
		}
	}
	return n
}

// identityWidth shows names (about 20 characters) and 18-character codes in full.
func (x *xlsxWriter) identityWidth(col int) float64 {
	switch {
	case x.table.Columns["code"].Index == col && x.table.Columns["code"].Header != "":
		return 22
	case x.table.Columns["name"].Index == col && x.table.Columns["name"].Header != "":
		return 32
	}
	return 0
}

func (x *xlsxWriter) Abandon() {
	x.detail.close()
	x.f.Close()
}

func (x *xlsxWriter) Close(r *Report) error {
	defer x.f.Close()
	defer x.detail.close()
	if !x.ext.HasTotal {
		x.cells = append(x.cells[:0], textCell("合计", 0))
		if err := x.totalCells(); err != nil {
			return err
		}
		if err := x.detail.row(x.lastRow(), x.cells); err != nil {
			return err
		}
	}
	if err := x.detail.finish(); err != nil {
		return fmt.Errorf("写明细表: %w", err)
	}
	if err := writeSummary(x.f, x.styles, r); err != nil {
		return fmt.Errorf("写汇总表: %w", err)
	}
	if err := writeSettings(x.f, r); err != nil {
		return fmt.Errorf("写参数表: %w", err)
	}
	// excelize would hand its zip writer a memory buffer; ours writes straight to w,
	// deflates at BestSpeed, and takes 明细 from the detail part.
	x.f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(x.w)
		zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
			return flate.NewWriter(out, flate.BestSpeed)
		})
		return &packageWriter{zw: zw, parts: map[string]*detailPart{detailPartName: x.detail}}
	})
	return x.f.Write(io.Discard)
}

// flagFill marks rows a reviewer must look at: 待补充 amber, 数据有误 red.
var flagFill = map[Status]string{Pending: "FFEB9C", Invalid: "FFC7CE"}

// detailRow fills x.cells with one row of 明细: the header, a carried row, or a data
// row with its result.
func (x *xlsxWriter) detailRow(l table.Line, res *Result) error {
	x.cells = x.cells[:0]
	if l.Kind == table.HeaderLine {
		style, err := x.styles.get(headerStyle)
		if err != nil {
			return err
		}
		for _, col := range x.kept {
			x.cells = append(x.cells, textCell(x.table.Header(col), style))
		}
		for _, h := range resultColumns {
			x.cells = append(x.cells, textCell(h, style))
		}
		return nil
	}
	fill := ""
	if res != nil {
		fill = flagFill[res.Outcome.Status]
	}
	for _, col := range x.kept {
		c, err := outputCell(l.Row.Cell(col), x.styles, fill)
		if err != nil {
			return err
		}
		x.cells = append(x.cells, c)
	}
	if res == nil {
		return nil
	}
	o := res.Outcome
	award, err := exactNumber(o.Award)
	if err != nil {
		return err
	}
	moneyStyle, err := x.styles.get(styleKey{numFmt: moneyFormat, fill: fill})
	if err != nil {
		return err
	}
	textStyle, err := x.styles.get(styleKey{fill: fill})
	if err != nil {
		return err
	}
	wrapStyle, err := x.styles.get(styleKey{fill: fill, wrap: true})
	if err != nil {
		return err
	}
	x.cells = append(x.cells,
		textCell(o.Status.Label(), textStyle),
		cellXML{kind: workbook.Number, text: award, style: moneyStyle},
		wrapCell(Explanation(o), wrapStyle),
		textCell(o.Clause, textStyle))
	return nil
}

// wrapCell is text that wraps within its column (计算说明).
func wrapCell(s string, style int) cellXML {
	c := textCell(s, style)
	c.wrap = true
	return c
}

func textCell(s string, style int) cellXML {
	if s == "" {
		return cellXML{kind: workbook.Blank, style: style}
	}
	return cellXML{kind: workbook.Text, text: s, style: style}
}

// outputCell copies an input cell with its type and number format, so dates stay dates,
// codes stay text, and a formula without a result stays one (a re-run finds the row
// invalid again instead of blank).
func outputCell(c workbook.Cell, styles *styleCache, fill string) (cellXML, error) {
	style, err := styles.get(styleKey{numFmt: c.NumFmt, fill: fill})
	if err != nil {
		return cellXML{}, err
	}
	switch c.Kind {
	case workbook.Number:
		if !isXMLNumber(c.Value) {
			return textCell(c.Value, style), nil
		}
		return cellXML{kind: workbook.Number, text: c.Value, style: style}, nil
	case workbook.Boolean:
		return cellXML{kind: workbook.Boolean, text: c.Value, style: style}, nil
	case workbook.FormulaNoValue:
		if c.Formula == "" {
			return textCell("#VALUE!", style), nil
		}
		return cellXML{kind: workbook.FormulaNoValue, formula: c.Formula, style: style}, nil
	case workbook.Blank:
		return cellXML{kind: workbook.Blank, style: style}, nil
	}
	return textCell(c.Value, style), nil
}

// isXMLNumber accepts the number syntax of a cell value as stored (1, -2.5, 1.5E-3).
func isXMLNumber(s string) bool {
	if _, err := strconv.ParseFloat(s, 64); err != nil {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'E' || c == 'e') {
			return false
		}
	}
	return true
}

// exactNumber writes an award for an xlsx number cell, which readers hold as an IEEE
// double, refusing any amount the double would not carry exactly to the 分.
func exactNumber(v decimal.Decimal) (string, error) {
	if v.NumDigits() <= 15 {
		return v.String(), nil // 15 significant digits: the double a reader makes of it reads back the same
	}
	f, err := ExactFloat(v)
	if err != nil {
		return "", err
	}
	return strconv.FormatFloat(f, 'f', -1, 64), nil
}

// ExactFloat converts an amount for an xlsx number cell, which is an IEEE double,
// refusing any amount the double would not carry exactly to the 分.
func ExactFloat(v decimal.Decimal) (float64, error) {
	f := v.InexactFloat64()
	if !decimal.NewFromFloat(f).Equal(v) {
		return 0, fmt.Errorf("金额%s无法在xlsx中精确表示", v.StringFixed(2))
	}
	return f, nil
}
