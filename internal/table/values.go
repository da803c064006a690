package table

import (
	"github.com/changle/subsidy/internal/workbook"

	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Reading errors are Chinese sentences about the value; the caller adds the cell and header.
var errBlank = errors.New("空白")

// IsBlank reports whether a cell holds nothing to read: empty, or text of spaces and line
// breaks only (full-width too). A formula is never blank, even without a saved result.
func IsBlank(c workbook.Cell) bool {
	return c.Kind == workbook.Blank || (c.Kind == workbook.Text && Normalize(c.Value) == "")
}

// unreadable explains the cells that hold no value at all.
func unreadable(c workbook.Cell) error {
	switch c.Kind {
	case workbook.ErrorValue:
		return fmt.Errorf("是错误值%s", Quote(c.Value))
	case workbook.FormulaNoValue:
		return errors.New("是没有保存计算结果的公式：请在 Excel/WPS 中打开并保存后再试")
	case workbook.Blank:
		return errBlank
	}
	return nil
}

// ParseNumber reads a numeric cell as Excel holds it, or text such as "80,000", "５．２",
// " 1 234 " exactly as written. Separators must group thousands ("1,2,3" is refused: no one
// reads it as 123), and a magnitude beyond any real figure is refused before any arithmetic.
func ParseNumber(c workbook.Cell) (decimal.Decimal, error) {
	if err := unreadable(c); err != nil {
		return decimal.Decimal{}, err
	}
	notNumber := fmt.Errorf("“%s”不是数字：请填写数字（如80000），没有请留空", Quote(c.Value))
	if c.Kind == workbook.Boolean {
		return decimal.Decimal{}, notNumber
	}
	text := Normalize(c.Value)
	if c.Kind == workbook.Text {
		var ok bool
		if text, ok = ungroup(text); !ok {
			return decimal.Decimal{}, notNumber
		}
	}
	v, err := decimal.NewFromString(text)
	if err != nil {
		return decimal.Decimal{}, notNumber
	}
	if v.Exponent() < -maxFraction || int(v.Exponent())+v.NumDigits() > maxIntegerDigits {
		return decimal.Decimal{}, fmt.Errorf("“%s”超出可计算的数值范围", Quote(c.Value))
	}
	if c.Kind == workbook.Number {
		v = excelPrecision(v)
	}
	return v, nil
}

// excelPrecision rounds a stored double to the 15 significant digits Excel keeps and shows:
// 24% typed in Excel is stored as 0.23999999999999999 and is 0.24 to Excel and to the clerk.
func excelPrecision(v decimal.Decimal) decimal.Decimal {
	const excelDigits = 15
	if extra := v.NumDigits() - excelDigits; extra > 0 {
		return v.Round(-v.Exponent() - int32(extra))
	}
	return v
}

// Bounds on a figure: 16 integer digits hold any amount in 元 or 千瓦时, and Excel itself
// keeps 15 significant digits.
const (
	maxIntegerDigits = 16
	maxFraction      = 30
)

// ungroup checks a number written as text: an optional sign, digits grouped by "," or " "
// in threes (or not grouped), an optional fraction; it returns the number without separators.
func ungroup(text string) (string, bool) {
	sign := ""
	if len(text) > 0 && (text[0] == '-' || text[0] == '+') {
		sign, text = text[:1], text[1:]
	}
	intPart, frac, hasFrac := strings.Cut(text, ".")
	if hasFrac && (frac == "" || !allDigits(frac)) {
		return "", false
	}
	groups := strings.FieldsFunc(intPart, func(r rune) bool { return r == ',' || r == ' ' })
	if len(groups) == 0 || strings.Count(intPart, ",")+strings.Count(intPart, " ") != len(groups)-1 {
		return "", false
	}
	for i, g := range groups {
		if !allDigits(g) || (len(groups) > 1 && (len(g) > 3 || (i > 0 && len(g) != 3))) {
			return "", false
		}
	}
	out := sign + strings.Join(groups, "")
	if hasFrac {
		out += "." + frac
	}
	return out, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// Quote shortens a cell's text quoted in a message: a 32,767-character cell must not make
// an explanation longer than a cell can hold.
func Quote(s string) string {
	const most = 40
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	return string([]rune(s)[:most]) + "…"
}

// ParsePercent reads a rate in percentage points. A cell whose number format has a real
// percent sign holds a fraction (0.24 shown as 24%); a quoted or escaped sign (0.00"%")
// shows the points themselves; text "24%" is 24; a plain number is already in points.
// marked says whether the cell itself shows a percent sign, so a plain 0.24 can be doubted.
func ParsePercent(c workbook.Cell) (points decimal.Decimal, marked bool, err error) {
	if c.Kind == workbook.Text {
		if text := Normalize(c.Value); strings.HasSuffix(text, "%") {
			v, err := ParseNumber(workbook.Cell{Kind: workbook.Text, Value: strings.TrimSuffix(text, "%")})
			if err != nil {
				return v, false, fmt.Errorf("“%s”不是百分数", Quote(c.Value))
			}
			return v, true, nil
		}
	}
	v, err := ParseNumber(c)
	if err != nil || c.Kind != workbook.Number || c.NumFmt == "" {
		return v, false, err
	}
	if !scaledByPercent(c.NumFmt, v.IsNegative(), v.IsZero()) {
		return v, strings.Contains(c.NumFmt, "%"), nil
	}
	if int(v.Exponent())+v.NumDigits()+2 > maxIntegerDigits {
		return decimal.Decimal{}, false, fmt.Errorf("“%s”超出可计算的数值范围", Quote(c.Value))
	}
	return v.Shift(2), true, nil
}

// ParseYesNo reads 是/否, Y/N, √/×, 1/0, TRUE/FALSE.
func ParseYesNo(c workbook.Cell) (bool, error) {
	if err := unreadable(c); err != nil {
		return false, err
	}
	switch strings.ToLower(strings.ReplaceAll(Normalize(c.Value), " ", "")) {
	case "是", "y", "yes", "√", "✓", "✔", "1", "true", "对", "有":
		return true, nil
	case "否", "n", "no", "×", "✗", "✘", "x", "0", "false", "无":
		return false, nil
	}
	return false, fmt.Errorf("“%s”不是“是”或“否”", Quote(c.Value))
}

// ParseText reads a cell as trimmed, normalised text.
func ParseText(c workbook.Cell) (string, error) {
	if err := unreadable(c); err != nil && !errors.Is(err, errBlank) {
		return "", err
	}
	return Normalize(c.Value), nil
}
