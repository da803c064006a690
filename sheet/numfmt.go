package sheet

import "strings"

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
