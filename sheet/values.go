package sheet

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/changle/subsidy/calc"
)

// Reading errors are Chinese sentences about the value; the caller adds the cell and header.
var errBlank = errors.New("空白")

// IsBlank reports whether a cell holds nothing to read.
func IsBlank(c Cell) bool { return c.Kind == Blank }

// unreadable explains the cells that hold no value at all.
func unreadable(c Cell) error {
	switch c.Kind {
	case ErrorValue:
		return fmt.Errorf("是错误值%s", Quote(c.Value))
	case FormulaNoValue:
		return errors.New("是没有保存计算结果的公式：请在 Excel/WPS 中打开并保存后再试")
	case Blank:
		return errBlank
	}
	return nil
}

// ParseNumber reads a numeric cell, or text such as "80,000", "５．２", " 1 234 ".
// Separators must group thousands ("1,2,3" is refused: no one reads it as 123), and a
// magnitude beyond any real figure is refused before any arithmetic is done on it.
func ParseNumber(c Cell) (decimal.Decimal, error) {
	if err := unreadable(c); err != nil {
		return decimal.Decimal{}, err
	}
	notNumber := fmt.Errorf("“%s”不是数字", Quote(c.Value))
	if c.Kind == Boolean {
		return decimal.Decimal{}, notNumber
	}
	text := Normalize(c.Value)
	if c.Kind == Text {
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
	return v, nil
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

// Quote shortens a cell's text for a message (see calc.Clip).
func Quote(s string) string { return calc.Clip(s) }

// ParsePercent reads a rate in percentage points: a percent-formatted cell holds a
// fraction (0.24 shown as 24%), text "24%" is 24, a plain number is already in points.
// A plain number in (0, 1] returns a warning: it may be a fraction typed by mistake.
func ParsePercent(c Cell) (points decimal.Decimal, warning string, err error) {
	if c.Kind == Text {
		if text := Normalize(c.Value); strings.HasSuffix(text, "%") {
			v, err := ParseNumber(Cell{Kind: Text, Value: strings.TrimSuffix(text, "%")})
			if err != nil {
				return v, "", fmt.Errorf("“%s”不是百分数", Quote(c.Value))
			}
			return v, "", nil
		}
	}
	v, err := ParseNumber(c)
	if err != nil {
		return v, "", err
	}
	if c.Kind == Number && c.IsPercentFormat() {
		if int(v.Exponent())+v.NumDigits()+2 > maxIntegerDigits {
			return decimal.Decimal{}, "", fmt.Errorf("“%s”超出可计算的数值范围", Quote(c.Value))
		}
		return v.Shift(2), "", nil
	}
	if v.IsPositive() && v.LessThanOrEqual(decimal.NewFromInt(1)) {
		warning = fmt.Sprintf("值%s按%s%%理解；疑似小数形式，若指%s%%请改写", Quote(c.Value), v, v.Shift(2))
	}
	return v, warning, nil
}

// ParseYesNo reads 是/否, Y/N, √/×, 1/0, TRUE/FALSE.
func ParseYesNo(c Cell) (bool, error) {
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

// excelEpoch is day 0 of Excel's 1900 date system, allowing for its fictitious 1900-02-29.
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// dateLayouts are the text dates staff type, spaces removed; a time of day may follow.
var dateLayouts = []string{"2006-1-2", "2006/1/2", "2006.1.2", "2006年1月2日", "20060102", "2006-1-215:04:05", "2006-1-215:04", "2006/1/215:04:05", "2006/1/215:04"}

// ParseDate reads a date cell, a serial number, or text 2024-01-15, 2024/1/15, 2024.1.15, 2024年1月15日.
func ParseDate(c Cell) (time.Time, error) {
	if err := unreadable(c); err != nil {
		return time.Time{}, err
	}
	text := strings.ReplaceAll(Normalize(c.Value), " ", "")
	if c.Kind == Number || (allDigits(text) && len(text) <= 7) {
		// An Excel serial, stored as a number or typed as one.
		serial, err := ParseNumber(Cell{Kind: Number, Value: text})
		if err != nil || serial.LessThan(decimal.NewFromInt(61)) || serial.GreaterThan(decimal.NewFromInt(2958465)) {
			return time.Time{}, fmt.Errorf("“%s”不是日期", Quote(c.Value))
		}
		return excelEpoch.AddDate(0, 0, int(serial.IntPart())), nil
	}
	if day, _, ok := strings.Cut(text, "T"); ok && len(day) == 10 {
		text = day
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, text); err == nil && t.Year() >= 1900 {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil // the day; a time of day does not count
		}
	}
	return time.Time{}, fmt.Errorf("“%s”不是日期，请写作2024-01-15或设为日期格式", Quote(c.Value))
}

// ParseText reads a cell as trimmed, normalised text.
func ParseText(c Cell) (string, error) {
	if err := unreadable(c); err != nil && !errors.Is(err, errBlank) {
		return "", err
	}
	return Normalize(c.Value), nil
}
