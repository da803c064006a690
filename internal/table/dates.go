package table

import (
	"github.com/changle/subsidy/internal/workbook"

	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Date is a day, or a whole month where the sheet names only the month (202401, 2024年1月).
type Date struct {
	First, Last time.Time // midnight UTC; equal for a day
}

// IsMonth reports whether only the month is known.
func (d Date) IsMonth() bool { return !d.First.Equal(d.Last) }

func dayOf(t time.Time) Date {
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return Date{day, day}
}

func monthOf(year int, month time.Month) Date {
	first := time.Date(year, month, 1, 0, 0, 0, 0, time.UTC)
	return Date{first, first.AddDate(0, 1, -1)}
}

// Day 0 of Excel's two date systems; the 1900 one allows for its fictitious 1900-02-29.
var (
	epoch1900 = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	epoch1904 = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
)

// A plain number is an Excel serial only when it lands in these years (SPEC §4);
// otherwise it is read as yyyymmdd or yyyymm.
const serialFirstYear, serialLastYear = 1950, 2099

// dayLayouts and monthLayouts are the text dates staff type, spaces removed.
var (
	dayLayouts   = []string{"2006-1-2", "2006/1/2", "2006.1.2", "2006年1月2日", "2006-1-215:04:05", "2006-1-215:04", "2006/1/215:04:05", "2006/1/215:04"}
	monthLayouts = []string{"2006-1", "2006/1", "2006.1", "2006年1月"}
)

// ParseDate reads a date cell (in the workbook's date system), a number typed as a serial,
// yyyymmdd or yyyymm, or text 2024-01-15, 2024/1/15, 2024.1.15, 2024年1月15日, 2024-01, 2024年1月.
func ParseDate(c workbook.Cell) (Date, error) {
	if err := unreadable(c); err != nil {
		return Date{}, err
	}
	notDate := fmt.Errorf("“%s”不是日期，请写作2024-01-15或设为日期格式", Quote(c.Value))
	text := strings.ReplaceAll(Normalize(c.Value), " ", "")
	if c.Kind == workbook.Number || allDigits(text) {
		n, err := ParseNumber(workbook.Cell{Kind: c.Kind, Value: text})
		if err != nil || n.IsNegative() {
			return Date{}, notDate
		}
		if d, ok := fromNumber(n, c.Date1904); ok {
			return d, nil
		}
		return Date{}, notDate
	}
	if day, _, ok := strings.Cut(text, "T"); ok && len(day) == 10 {
		text = day
	}
	for _, layout := range dayLayouts {
		if t, err := time.Parse(layout, text); err == nil && t.Year() >= 1900 {
			return dayOf(t), nil // a time of day does not count
		}
	}
	for _, layout := range monthLayouts {
		if t, err := time.Parse(layout, text); err == nil && t.Year() >= 1900 {
			return monthOf(t.Year(), t.Month()), nil
		}
	}
	return Date{}, notDate
}

// fromNumber reads a number as a serial in the workbook's date system when it lands in
// serialFirstYear–serialLastYear, else as yyyymmdd or yyyymm.
func fromNumber(n decimal.Decimal, date1904 bool) (Date, bool) {
	whole := n.Truncate(0)
	if whole.GreaterThan(decimal.NewFromInt(99999999)) {
		return Date{}, false
	}
	days := int(whole.IntPart())
	epoch := epoch1900
	if date1904 {
		epoch = epoch1904
	}
	if t := epoch.AddDate(0, 0, days); t.Year() >= serialFirstYear && t.Year() <= serialLastYear {
		return dayOf(t), true
	}
	if !whole.Equal(n) {
		return Date{}, false
	}
	digits := fmt.Sprint(days)
	switch len(digits) {
	case 8:
		if t, err := time.Parse("20060102", digits); err == nil && t.Year() >= 1900 {
			return dayOf(t), true
		}
	case 6:
		if t, err := time.Parse("200601", digits); err == nil && t.Year() >= 1900 {
			return monthOf(t.Year(), t.Month()), true
		}
	}
	return Date{}, false
}
