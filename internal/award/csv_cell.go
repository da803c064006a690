package award

import (
	"github.com/changle/subsidy/internal/table"
	"github.com/changle/subsidy/internal/workbook"

	"strings"
)

// csvText keeps a cell as written when a spreadsheet opens the CSV: text that would run
// as a formula gets a leading apostrophe (CSV injection), and a digit string that would
// become a number (913501127300791959 → 9.1350112E+17, 0012 → 12) a trailing tab, which
// Excel, WPS and LibreOffice keep as text and which shows as nothing.
func csvText(s string) string {
	switch {
	case startsFormula(s):
		return "'" + s
	case losesAsNumber(s):
		return s + "\t"
	}
	return s
}

// csvCode writes a 统一社会信用代码 of 18 digits that passes the check as ="…", which
// every spreadsheet shows as exactly that text: the only formula the CSV ever holds, and
// one that cannot carry another (digits only). Any other code is text like the rest.
func csvCode(s string, checked bool) string {
	if checked && len(s) == 18 && allDigits(s) {
		return `="` + s + `"`
	}
	return csvText(s)
}

// startsFormula: a leading =, +, -, @ makes a spreadsheet read a formula; a plain
// negative number is left alone.
func startsFormula(s string) bool {
	if s == "" || !strings.ContainsRune("=+-@", rune(s[0])) {
		return false
	}
	if _, err := table.ParseNumber(workbook.Cell{Kind: workbook.Text, Value: s}); err == nil && s[0] == '-' {
		return false
	}
	return true
}

// losesAsNumber: digits that a spreadsheet would read as a number and not show as
// written: a leading zero dropped, or over 11 digits shown in scientific notation (and
// past 15 digits rounded for good).
func losesAsNumber(s string) bool {
	d := strings.TrimSpace(s)
	return allDigits(d) && (len(d) > 11 || (len(d) > 1 && d[0] == '0'))
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
