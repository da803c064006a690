package workbook

import (
	"fmt"
	"strings"
)

// rawCell is a <c> element as written, for settleCell to decide what the cell holds.
type rawCell struct {
	typ, value, inline, formula     string
	hasValue, hasInline, hasFormula bool
}

// settleCell decides a cell from its element, the same for the scanner and the reference reader.
func (b *Book) settleCell(cell Cell, raw rawCell) (Cell, error) {
	value := raw.value
	if raw.typ == "inlineStr" && raw.hasInline {
		value = raw.inline
	}
	switch {
	case raw.hasFormula && b.fullCalcOnLoad:
		// The workbook says its saved results are stale (XlsxWriter writes 0 for each).
		cell.Kind, cell.Formula = FormulaNoValue, raw.formula
		return cell, nil
	case raw.hasFormula && (!raw.hasValue && !raw.hasInline || value == "" && !isTextType(raw.typ)):
		// No result saved, or an empty one where only a text result may be empty.
		cell.Kind, cell.Formula = FormulaNoValue, raw.formula
		return cell, nil
	case value == "":
		cell.Kind = Blank
		return cell, nil
	}
	switch raw.typ {
	case "s":
		i, ok := atoi([]byte(strings.Trim(value, " \t\r\n")))
		if !ok || i >= b.strings.len() {
			return cell, fmt.Errorf("共享字符串编号 %q 超出范围", value)
		}
		cell.Kind, cell.Value = Text, b.strings.at(i)
	case "inlineStr", "str", "d": // inline text; a formula's text result; an ISO 8601 date as LibreOffice may store it
		cell.Kind, cell.Value = Text, value
	case "b":
		cell.Kind, cell.Value = Boolean, value
	case "e":
		cell.Kind, cell.Value = ErrorValue, value
	default:
		cell.Kind, cell.Value, cell.Date1904 = Number, value, b.date1904
	}
	if cell.Kind == Text && cell.Value == "" {
		cell.Kind = Blank
	}
	return cell, nil
}

// isTextType: cell types whose value is text, which may be empty.
func isTextType(typ string) bool {
	return typ == "s" || typ == "inlineStr" || typ == "str" || typ == "d"
}

// styleFormat returns the number format of the style a cell's s attribute names.
func (b *Book) styleFormat(s []byte) (string, error) {
	s, err := attrText(s)
	if err != nil {
		return "", err
	}
	i, ok := atoi(s)
	if !ok {
		return "", fmt.Errorf("样式编号 %q 无效", s)
	}
	if i < len(b.numFmts) {
		return b.numFmts[i], nil
	}
	return "", nil
}
