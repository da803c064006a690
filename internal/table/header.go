package table

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/changle/subsidy/internal/unit"
)

// Normalize applies NFKC (full-width digits and brackets, ideographic spaces) and trims.
func Normalize(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD") // a broken file's stray bytes must not upset NFKC
	if norm.NFKC.QuickSpanString(s) == len(s) {
		return strings.TrimSpace(s) // already normal, as most cells are: skip the copy
	}
	return strings.TrimSpace(norm.NFKC.String(s))
}

// normalizeHeader reduces a header cell to the form synonyms are compared in,
// and returns the unit written in its brackets, if any: "2023年产值\n（万元）" → "2023年产值", 万元.
func normalizeHeader(s string) (string, unit.Unit, bool) {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '*' {
			return -1
		}
		return r
	}, norm.NFKC.String(strings.ToValidUTF8(s, "\uFFFD")))
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
	// Again after removing spaces: a space may have stood between a letter and its combining mark.
	return norm.NFKC.String(strings.ToLower(s)), u, found
}

// headerIndex maps every header the spec's fields answer to, normalised, to the field's key.
func (s Spec) headerIndex() map[string]string {
	idx := map[string]string{}
	for _, f := range s.Fields {
		for _, n := range append([]string{f.Header}, f.Synonyms...) {
			h, _, _ := normalizeHeader(n)
			idx[h] = f.Key
		}
	}
	return idx
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

// fieldOf names the field a header cell feeds: a --map override first, then the synonyms.
func (t *Table) fieldOf(cell string) (string, bool) {
	for key, mapped := range t.opts.Map {
		if sameHeader(mapped, cell) {
			return key, true
		}
	}
	h, _, _ := normalizeHeader(cell)
	key, ok := t.index[h]
	return key, ok
}

// ResolveField finds the field a user names on the command line (--map, --unit): its
// key, its canonical header or any synonym of it.
func ResolveField(spec Spec, name string) (Field, error) {
	h, _, _ := normalizeHeader(name)
	key, ok := spec.headerIndex()[h]
	var names []string
	for _, f := range spec.Fields {
		if f.Key == name || (ok && f.Key == key) {
			return f, nil
		}
		names = append(names, f.Header)
	}
	return Field{}, fmt.Errorf("“%s”不是本措施读取的列（可用：%s）", name, strings.Join(names, "、"))
}

// looksLikeSubjectClass is a header that speaks of 规上/制造业 without matching: if a
// subject-class column is absent, such a header must be fixed, never assumed (SPEC §4).
func looksLikeSubjectClass(cell string) bool {
	h, _, _ := normalizeHeader(cell)
	for _, w := range []string{"规上", "规模以上", "制造业"} {
		if strings.Contains(h, w) {
			return true
		}
	}
	return false
}

// ResultColumn finds a column this tool wrote in an award workbook ("状态", "奖励金额"),
// which reading otherwise leaves out.
func (t *Table) ResultColumn(name string) (int, bool) {
	for col, h := range t.Headers {
		if n, _, _ := normalizeHeader(h); n == name && t.Dropped[col] {
			return col, true
		}
	}
	return 0, false
}
