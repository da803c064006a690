package award

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"
	"strconv"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/changle/subsidy/internal/workbook"
)

// The quarter's papers, after one 明细 per measure (SPEC §8).
const (
	enterpriseSheet  = "企业汇总"
	townSheet        = "乡镇汇总"
	publicationSheet = "公示名单"
	paymentSheet     = "拨付清单"
	sourceColumn     = "来源"
)

// identityWidths show names (about 20 characters), 18-character codes and 来源 in full.
var identityWidths = map[string]float64{"企业名称": 32, "统一社会信用代码": 22, sourceColumn: 34, "所属乡镇(街道)": 14}

// DetailSheet is one measure's 明细 in the quarter's workbook.
type DetailSheet struct {
	Title   string   // the measure's name, which names the sheet: 增加值率奖励
	Clause  string   // 第7条
	Columns []string // the input columns of all its sheets, in order of first appearance
	Rows    int      // data rows, known from the first pass
}

// QuarterXLSX writes the quarter's award workbook: each measure's rows as they stream past,
// then the papers built from them.
type QuarterXLSX struct {
	w      io.Writer
	f      *excelize.File
	styles *styleCache
	sheets []DetailSheet
	q      *Quarter
	parts  map[string]*detailPart // by sheet name
	next   []int                  // the next row of each measure's sheet
	cells  []cellXML
}

// NewQuarterXLSX lays out every sheet and starts each measure's 明细 with its header.
func NewQuarterXLSX(w io.Writer, q *Quarter, sheets []DetailSheet) (*QuarterXLSX, error) {
	f := excelize.NewFile()
	x := &QuarterXLSX{w: w, f: f, styles: newStyleCache(f), sheets: sheets, q: q, parts: map[string]*detailPart{}, next: make([]int, len(sheets))}
	if err := x.layout(); err != nil {
		x.Abandon()
		return nil, fmt.Errorf("写奖励表: %w", err)
	}
	return x, nil
}

func (x *QuarterXLSX) layout() error {
	names := []string{}
	for _, s := range x.sheets {
		names = append(names, s.Title)
	}
	names = append(names, enterpriseSheet, townSheet, summarySheet, publicationSheet, paymentSheet, settingsSheet)
	if err := x.f.SetSheetName("Sheet1", names[0]); err != nil {
		return err
	}
	for _, name := range names[1:] {
		if _, err := x.f.NewSheet(name); err != nil {
			return err
		}
	}
	heads := []string{}
	for i, s := range x.sheets {
		header := append(append([]string{sourceColumn}, s.Columns...), resultColumns...)
		if err := x.sheetLayout(s.Title, header, s.Rows+2, 3); err != nil {
			return err
		}
		explanation, _ := excelize.ColumnNumberToName(len(header) - 1)
		if err := x.f.SetColWidth(s.Title, explanation, explanation, 48); err != nil {
			return err
		}
		heads = append(heads, s.Title)
		x.next[i] = 2
	}
	skel, _, err := skeleton(x.f, heads)
	if err != nil {
		return err
	}
	for _, s := range x.sheets {
		header := append(append([]string{sourceColumn}, s.Columns...), resultColumns...)
		d, err := newDetailPart(skel[s.Title][0], skel[s.Title][1], len(header))
		if err != nil {
			return err
		}
		x.parts[s.Title] = d
		if err := x.headerRow(d, header); err != nil {
			return err
		}
	}
	return nil
}

// sheetLayout sets a sheet's used range, filter, widths from its header and print setup.
func (x *QuarterXLSX) sheetLayout(sheet string, header []string, rows, frozen int) error {
	last, _ := excelize.ColumnNumberToName(len(header))
	if err := x.f.SetSheetDimension(sheet, fmt.Sprintf("A1:%s%d", last, max(rows, 1))); err != nil {
		return err
	}
	if err := x.f.AutoFilter(sheet, fmt.Sprintf("A1:%s%d", last, max(rows-1, 1)), nil); err != nil {
		return err
	}
	for i, h := range header {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := x.f.SetColWidth(sheet, col, col, max(columnWidth(h), identityWidths[h], 12)); err != nil {
			return err
		}
	}
	return printable(x.f, sheet, 1, min(frozen, len(header)), x.q.PolicyID)
}

func (x *QuarterXLSX) headerRow(d *detailPart, header []string) error {
	style, err := x.styles.get(headerStyle)
	if err != nil {
		return err
	}
	x.cells = x.cells[:0]
	for _, h := range header {
		x.cells = append(x.cells, textCell(h, style))
	}
	return d.row(1, x.cells)
}

// Row writes a data row of measure m: where it came from, its input cells laid out as the
// measure's columns, and its decision.
func (x *QuarterXLSX) Row(m int, source string, cells []workbook.Cell, res *Result) error {
	fill := flagFill[res.Outcome.Status]
	textStyle, err := x.styles.get(styleKey{fill: fill})
	if err != nil {
		return err
	}
	x.cells = append(x.cells[:0], textCell(source, textStyle))
	for _, c := range cells {
		out, err := outputCell(c, x.styles, fill)
		if err != nil {
			return err
		}
		x.cells = append(x.cells, out)
	}
	if x.cells, err = x.resultCells(x.cells, res.Outcome, fill); err != nil {
		return err
	}
	num := x.next[m]
	x.next[m]++
	return x.parts[x.sheets[m].Title].row(num, x.cells)
}

// resultCells appends a decision's 状态, 奖励金额(元), 计算说明 and 政策条款 to cells.
func (x *QuarterXLSX) resultCells(cells []cellXML, o Outcome, fill string) ([]cellXML, error) {
	amount, err := exactNumber(o.Award)
	if err != nil {
		return nil, err
	}
	text, err := x.styles.get(styleKey{fill: fill})
	if err != nil {
		return nil, err
	}
	money, err := x.styles.get(styleKey{numFmt: moneyFormat, fill: fill})
	if err != nil {
		return nil, err
	}
	wrap, err := x.styles.get(styleKey{fill: fill, wrap: true})
	if err != nil {
		return nil, err
	}
	return append(cells, textCell(o.Status.Label(), text), cellXML{kind: workbook.Number, text: amount, style: money},
		wrapCell(Explanation(o), wrap), textCell(o.Clause, text)), nil
}

// Close ends each 明细 with its 合计 row, writes the papers and the package.
func (x *QuarterXLSX) Close(settings []Setting) error {
	defer x.Abandon()
	for i, s := range x.sheets {
		width := 1 + len(s.Columns) + len(resultColumns)
		total := make([]any, width)
		total[0], total[width-3] = "合计", x.q.Measures[i].Tally.Total
		if err := x.streamRow(x.parts[s.Title], x.next[i], total, true); err != nil {
			return err
		}
		if err := x.parts[s.Title].finish(); err != nil {
			return err
		}
	}
	if err := x.writePapers(settings); err != nil {
		return fmt.Errorf("写汇总表: %w", err)
	}
	parts := map[string]*detailPart{}
	_, names, err := skeleton(x.f, nil)
	if err != nil {
		return err
	}
	for sheet, d := range x.parts {
		parts[names[sheet]] = d
	}
	x.f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(x.w)
		zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
			return flate.NewWriter(out, flate.BestSpeed)
		})
		return &packageWriter{zw: zw, parts: parts}
	})
	return x.f.Write(io.Discard)
}

// streamRow writes values (text, int, decimal) as one row of a streamed sheet.
func (x *QuarterXLSX) streamRow(d *detailPart, num int, values []any, bold bool) error {
	text, err := x.styles.get(styleKey{bold: bold})
	if err != nil {
		return err
	}
	money, err := x.styles.get(styleKey{numFmt: moneyFormat, bold: bold})
	if err != nil {
		return err
	}
	if x.cells, err = valueCells(x.cells[:0], values, text, money); err != nil {
		return err
	}
	return d.row(num, x.cells)
}

// valueCells lays out values (text, int, decimal) as cells with the given styles.
func valueCells(cells []cellXML, values []any, text, money int) ([]cellXML, error) {
	for _, v := range values {
		switch v := v.(type) {
		case nil:
			cells = append(cells, cellXML{kind: workbook.Blank})
		case decimal.Decimal:
			amount, err := exactNumber(v)
			if err != nil {
				return nil, err
			}
			cells = append(cells, cellXML{kind: workbook.Number, text: amount, style: money})
		case int:
			cells = append(cells, cellXML{kind: workbook.Number, text: strconv.Itoa(v), style: text})
		case string:
			cells = append(cells, textCell(v, text))
		default:
			cells = append(cells, textCell(fmt.Sprint(v), text))
		}
	}
	return cells, nil
}

// Abandon releases the temporary parts and the workbook.
func (x *QuarterXLSX) Abandon() {
	for _, d := range x.parts {
		d.close()
	}
	x.f.Close()
}
