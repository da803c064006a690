package table

import (
	"github.com/changle/subsidy/internal/workbook"

	"fmt"
	"strings"
	"unicode/utf8"
)

// LineKind says what a row of the sheet is.
type LineKind int

const (
	TitleLine   LineKind = iota // above the header
	HeaderLine                  // the header row
	DataLine                    // a row to compute
	CarriedLine                 // a 合计 or notes row below the header: kept, not computed
)

// Line is one non-blank row of the sheet. Its cells are valid only during the Scan callback.
type Line struct {
	Kind  LineKind
	Row   Row
	Total bool // a 合计/总计/小计 row: the award file writes the award total in it
}

// Scan streams the sheet from the top, one non-blank row at a time, without holding it:
// title rows, the header, then data and carried rows. Blank rows inside the table, and
// the rows of each kind, are counted afresh in t.Skipped and t.Width by every Scan.
func (t *Table) Scan(fn func(Line) error) error {
	t.Skipped = Skipped{}
	pendingBlank, last, previous := 0, t.HeaderRow, 0
	down := t.downMerges()
	return t.src.Rows(t.Sheet, func(num int, cells []workbook.Cell) error {
		cells = down.fill(num, cells)
		if num <= previous {
			return fmt.Errorf("工作表“%s”第%d行出现在第%d行之后，行序异常：请在 Excel/WPS 中打开并另存后再试", t.Sheet, num, previous)
		}
		previous = num
		if err := t.refuseHostile(num, last, cells); err != nil {
			return err
		}
		row := Row{Num: num, Cells: cells}
		first, blank := firstText(cells)
		switch {
		case num < t.HeaderRow:
			if blank {
				return nil
			}
			return fn(Line{Kind: TitleLine, Row: row})
		case num == t.HeaderRow:
			return fn(Line{Kind: HeaderLine, Row: row})
		}
		pendingBlank += num - last - 1
		last = num
		if blank {
			pendingBlank++
			return nil
		}
		t.Skipped.Blank += pendingBlank
		pendingBlank = 0
		kind, total := DataLine, false
		switch {
		case isTotalLabel(first) || (hasTotalCell(cells) && t.codeBlank(row)):
			t.Skipped.Total++
			kind, total = CarriedLine, true
		case isNotesLabel(first):
			t.Skipped.Notes++
			kind = CarriedLine
		default:
			t.Width = max(t.Width, usedWidth(cells))
		}
		return fn(Line{Kind: kind, Row: row, Total: total})
	})
}

// Shapes no real 申报表 has, refused as hostile or broken rather than computed.
const (
	maxCellChars = 10000  // Excel allows 32,767; no figure, name or remark of a list is this long
	maxBlankGap  = 100000 // empty rows in a row inside the table
)

func (t *Table) refuseHostile(num, last int, cells []workbook.Cell) error {
	if w := usedWidth(cells); w+len(resultHeaders) > workbook.MaxColumns {
		return fmt.Errorf("工作表“%s”第%d行用到第 %d 列（%s），加上本工具写入的 %d 列超过 Excel 的 %d 列上限：请删去多余的列后再试", t.Sheet, num, w, workbook.ColumnName(w-1), len(resultHeaders), workbook.MaxColumns)
	}
	if num > t.HeaderRow && num-last-1 > maxBlankGap && usedWidth(cells) > 0 {
		return fmt.Errorf("工作表“%s”第%d行之前有 %d 个连续空行：疑似误操作或损坏的文件，请删去多余的行后再试", t.Sheet, num, num-last-1)
	}
	for col, c := range cells {
		if len(c.Value) > maxCellChars && utf8.RuneCountInString(c.Value) > maxCellChars {
			return fmt.Errorf("%s 有 %d 个字符，超过 %d：不像申报表的内容，疑似误粘贴，请检查后再试", t.Ref(col, num), utf8.RuneCountInString(c.Value), maxCellChars)
		}
	}
	return nil
}

// usedWidth is the number of columns up to the last non-blank cell: formatting alone
// (a styled empty cell in column XFD) does not widen the table.
func usedWidth(cells []workbook.Cell) int {
	for i := len(cells) - 1; i >= 0; i-- {
		if cells[i].Kind != workbook.Blank {
			return i + 1
		}
	}
	return 0
}

// codeBlank reports a row without a 统一社会信用代码: only such a row can be a 合计 row
// whose label is not its first cell (a data row is never dropped for a remark "合计").
func (t *Table) codeBlank(row Row) bool {
	col, ok := t.Columns["code"]
	return !ok || IsBlank(row.Cell(col.Index))
}

// hasTotalCell finds a cell reading exactly 合计/总计/小计 anywhere in the row, for sheets
// where a column such as 联系人 comes before the label.
func hasTotalCell(cells []workbook.Cell) bool {
	for _, c := range cells {
		if c.Kind != workbook.Text || len(c.Value) > 16 {
			continue
		}
		switch strings.ReplaceAll(Normalize(c.Value), " ", "") {
		case "合计", "总计", "小计":
			return true
		}
	}
	return false
}

// firstText is the first non-blank cell's text, normalised and without spaces; blank is
// false when the row has such a cell (a formula without a saved result counts: it reads as "").
func firstText(cells []workbook.Cell) (text string, blank bool) {
	for _, c := range cells {
		if !IsBlank(c) {
			return strings.ReplaceAll(Normalize(c.Value), " ", ""), false
		}
	}
	return "", true
}

func isTotalLabel(s string) bool {
	for _, p := range []string{"合计", "总计", "小计"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func isNotesLabel(s string) bool {
	for _, p := range []string{"填表说明", "注:", "注1", "说明:", "备注:"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
