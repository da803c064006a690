package policy

import (
	"time"

	"github.com/shopspring/decimal"
)

// quantity is any of the unit-carrying policy values.
type quantity interface {
	Money | Energy | Percent
	Dec() decimal.Decimal
	String() string
}

// Dec is the value in base units: 元, 千瓦时, percentage points.
func (m Money) Dec() decimal.Decimal   { return m.v }
func (e Energy) Dec() decimal.Decimal  { return e.v }
func (p Percent) Dec() decimal.Decimal { return p.v }

// Min is a threshold a figure must reach. Inclusive records the wording:
// "（含）以上"/"及以上"/"不低于" include the value itself (民法典第1259条).
type Min[T quantity] struct {
	Value     T    `yaml:"value"`
	Inclusive bool `yaml:"inclusive"`
}

// Met reports whether x reaches the threshold.
func (m Min[T]) Met(x decimal.Decimal) bool { return m.MetBy(x.Cmp(m.Value.Dec())) }

// MetBy decides from a comparison already made (sign of figure − threshold),
// so that ratios can be compared by cross-multiplication.
func (m Min[T]) MetBy(cmp int) bool { return cmp > 0 || (cmp == 0 && m.Inclusive) }

// Describe writes the comparison for reasons, from the sign of figure − threshold:
// "≥5亿元" or ">5亿元" when met, "<5亿元" or "≤5亿元" when not.
func (m Min[T]) Describe(cmp int) string {
	sign := "≤"
	switch {
	case m.MetBy(cmp) && m.Inclusive:
		sign = "≥"
	case m.MetBy(cmp):
		sign = ">"
	case m.Inclusive:
		sign = "<"
	}
	return sign + m.Value.String()
}

// Versus describes figure x against the threshold: "≥5亿元".
func (m Min[T]) Versus(x decimal.Decimal) string { return m.Describe(x.Cmp(m.Value.Dec())) }

// Floor is the amount at or under which an award is not paid ("1万元以下的企业不安排").
// Inclusive: "以下" includes the amount itself (民法典第1259条), so exactly the floor is not paid.
type Floor struct {
	Value     Money `yaml:"value"`
	Inclusive bool  `yaml:"inclusive"`
}

// Excludes reports whether an award of x falls under the floor and is not paid.
func (f Floor) Excludes(x decimal.Decimal) bool {
	c := x.Cmp(f.Value.v)
	return c < 0 || (c == 0 && f.Inclusive)
}

// Window is a span of days, both ends included.
type Window struct {
	From Date `yaml:"from"`
	To   Date `yaml:"to"`
}

// Contains reports whether a day (midnight UTC, as sheets' dates are read) lies in the window.
func (w Window) Contains(day time.Time) bool {
	return !day.Before(w.From.Time) && !day.After(w.To.Time)
}

func (w Window) String() string { return w.From.String() + "至" + w.To.String() }
