package award

import (
	"strings"

	"github.com/shopspring/decimal"
)

// Yuan writes an amount in 元 with thousands separators, as a summary shows it: 1,234,567.89.
func Yuan(d decimal.Decimal) string {
	s := d.StringFixed(2)
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String() + "." + frac
	if neg {
		out = "-" + out
	}
	return out
}
