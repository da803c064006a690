package sheet

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/changle/subsidy/unit"
)

// Normalize applies NFKC (full-width digits and brackets, ideographic spaces) and trims.
func Normalize(s string) string { return strings.TrimSpace(norm.NFKC.String(s)) }

// normalizeHeader reduces a header cell to the form synonyms are compared in,
// and returns the unit written in its brackets, if any: "2023年产值\n（万元）" → "2023年产值", 万元.
func normalizeHeader(s string) (string, unit.Unit, bool) {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '*' {
			return -1
		}
		return r
	}, norm.NFKC.String(s))
	var u unit.Unit
	found := false
	if strings.HasSuffix(s, ")") {
		if open := strings.LastIndex(s, "("); open >= 0 {
			inner := strings.TrimPrefix(strings.TrimPrefix(s[open+1:len(s)-1], "单位:"), "单位")
			if u, found = unit.Lookup(inner); found {
				s = s[:open]
			}
		}
	}
	s = strings.TrimPrefix(s, "是否")
	return strings.ToLower(s), u, found
}

// headerIndex maps normalised synonyms to field keys.
var headerIndex = func() map[string]string {
	idx := map[string]string{}
	for key, names := range synonyms {
		for _, n := range names {
			h, _, _ := normalizeHeader(n)
			idx[h] = key
		}
	}
	return idx
}()

// matchHeader returns the field key a header cell names, if any.
func matchHeader(cell string) (string, bool) {
	h, _, _ := normalizeHeader(cell)
	key, ok := headerIndex[h]
	return key, ok
}

// isResultHeader reports whether a header is one of the columns this tool writes.
func isResultHeader(cell string) bool {
	h, _, _ := normalizeHeader(cell)
	for _, r := range resultHeaders {
		if h == r {
			return true
		}
	}
	return false
}
