package calc

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// inYi writes 元 as 亿元 with at least two decimals and every digit that matters: 4.999999亿元.
func inYi(yuan decimal.Decimal) string { return atLeast2(yuan.Shift(-8)) + "亿元" }

// percent writes percentage points with at least two decimals: 23.99%.
func percent(points decimal.Decimal) string { return atLeast2(points) + "%" }

func atLeast2(v decimal.Decimal) string {
	s := v.String() // every significant digit, trailing zeros dropped
	dot := strings.IndexByte(s, '.')
	switch {
	case dot < 0:
		return s + ".00"
	case len(s)-dot-1 < 2:
		return s + "0"
	}
	return s
}

// kwh writes electricity as entered, in 千瓦时: 499999.99千瓦时.
func kwh(v decimal.Decimal) string { return v.String() + "千瓦时" }

// day writes a date as 2024-01-15.
func day(t time.Time) string { return t.Format(time.DateOnly) }

// wanYuan writes 元 as 万元, exactly: 4999.99万元.
func wanYuan(yuan decimal.Decimal) string { return yuan.Shift(-4).String() + "万元" }

// ratioPercent writes num÷den (den > 0) as a percentage with four decimals, truncated so a
// figure shown never crosses a threshold it did not reach, and marked ≈ when not exact.
func ratioPercent(num, den decimal.Decimal) string {
	shown := num.Shift(2).Div(den).Truncate(4)
	if shown.Mul(den).Equal(num.Shift(2)) {
		return percent(shown)
	}
	return "≈" + percent(shown)
}

// Clip shortens text quoted in a message: a 32,767-character cell must not make an
// explanation longer than a cell can hold.
func Clip(s string) string {
	const most = 40
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	return string([]rune(s)[:most]) + "…"
}

// yuan writes an amount in 元 exactly, with at least two decimals: 20000.005, 10000.00.
func yuan(v decimal.Decimal) string { return atLeast2(v) }
