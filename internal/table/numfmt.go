package table

import (
	"strings"

	"github.com/changle/subsidy/internal/workbook"
)

// scaledByPercent reports whether the number format shows a number multiplied by 100
// with a percent sign (0.24 as 24%). A percent sign that is quoted ("%"), escaped (\%),
// inside brackets, or the argument of _ or * is literal text: the number is shown as it is.
// The section used is the one Excel uses for the number's sign.
func scaledByPercent(code string, negative, zero bool) bool {
	sections := formatSections(code)
	section := sections[0]
	switch {
	case negative && len(sections) >= 2:
		section = sections[1]
	case zero && len(sections) >= 3:
		section = sections[2]
	}
	found := false
	walkFormat(section, func(literal bool, r rune) bool {
		if !literal && r == '%' {
			found = true
			return false
		}
		return true
	})
	return found
}

// formatSections splits a format code at the semicolons that separate its sections.
func formatSections(code string) []string {
	var sections []string
	start, offset := 0, 0
	walkFormat(code, func(literal bool, r rune) bool {
		if !literal && r == ';' {
			sections = append(sections, code[start:offset])
			start = offset + 1
		}
		offset += len(string(r))
		return true
	})
	return append(sections, code[start:])
}

// walkFormat calls fn with each character of a format code, saying whether the code
// makes it literal text (quoted, escaped, a bracketed colour or condition, or the
// character after _ or *); fn returning false stops the walk.
func walkFormat(code string, fn func(literal bool, r rune) bool) {
	quoted, bracket, escapeNext := false, false, false
	for _, r := range code {
		literal := quoted || bracket || escapeNext
		switch {
		case escapeNext:
			escapeNext = false
		case quoted:
			quoted = r != '"'
		case bracket:
			bracket = r != ']'
		case r == '"':
			quoted, literal = true, true
		case r == '[':
			bracket, literal = true, true
		case strings.ContainsRune(`\_*`, r):
			escapeNext, literal = true, true
		}
		if !fn(literal, r) {
			return
		}
	}
}

// isDateFormat reports whether a number format shows a date: a y or d outside literal text.
func isDateFormat(code string) bool {
	found := false
	walkFormat(code, func(literal bool, r rune) bool {
		if !literal && strings.ContainsRune("yYdD", r) {
			found = true
			return false
		}
		return true
	})
	return found
}

// Shown is a cell's value as text a reader of a CSV reads back as the same value: a number
// as Excel holds it (15 significant digits), a percent-formatted one with its sign (24%),
// a date-formatted one as a date (2024-01-15); text as it is.
func Shown(c workbook.Cell) string {
	if c.Kind != workbook.Number {
		return c.Value
	}
	v, err := ParseNumber(c)
	if err != nil {
		return c.Value
	}
	switch {
	case c.NumFmt == "":
	case scaledByPercent(c.NumFmt, v.IsNegative(), v.IsZero()):
		return v.Shift(2).String() + "%"
	case isDateFormat(c.NumFmt):
		if d, err := ParseDate(c); err == nil {
			return d.First.Format("2006-01-02")
		}
	}
	return v.String()
}
