// Package unit converts quantities written with Chinese units (元/万元/亿元,
// 千瓦时/万千瓦时, %) into base units, exactly, with decimal arithmetic.
package unit

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Dimension says what a quantity measures.
type Dimension int

const (
	Money   Dimension = iota + 1 // base unit 元
	Energy                       // base unit 千瓦时 (kWh)
	Percent                      // base unit percentage point
)

func (d Dimension) String() string {
	switch d {
	case Money:
		return "金额"
	case Energy:
		return "电量"
	case Percent:
		return "百分比"
	}
	return "数量"
}

// Unit is a named unit with its factor to the base unit of its dimension.
type Unit struct {
	Name      string
	Dimension Dimension
	Factor    decimal.Decimal
}

var (
	Yuan       = Unit{"元", Money, decimal.NewFromInt(1)}
	WanYuan    = Unit{"万元", Money, decimal.NewFromInt(10_000)}
	YiYuan     = Unit{"亿元", Money, decimal.NewFromInt(100_000_000)}
	KWh        = Unit{"千瓦时", Energy, decimal.NewFromInt(1)}
	WanKWh     = Unit{"万千瓦时", Energy, decimal.NewFromInt(10_000)}
	PercentPts = Unit{"%", Percent, decimal.NewFromInt(1)}
)

// spellings lists every accepted spelling, longest first so that 万元 wins over 元.
var spellings = []struct {
	text string
	unit Unit
}{
	{"万千瓦时", WanKWh},
	{"万kwh", WanKWh},
	{"万度", WanKWh},
	{"千瓦时", KWh},
	{"kwh", KWh},
	{"亿元", YiYuan},
	{"万元", WanYuan},
	{"元", Yuan},
	{"度", KWh},
	{"%", PercentPts},
	{"％", PercentPts},
}

// Lookup finds the unit spelled exactly as text (case-insensitive for kWh).
func Lookup(text string) (Unit, bool) {
	t := strings.ToLower(strings.TrimSpace(text))
	for _, s := range spellings {
		if t == s.text {
			return s.unit, true
		}
	}
	return Unit{}, false
}

// SplitSuffix splits "5亿元" into the number text "5" and its unit.
func SplitSuffix(text string) (string, Unit, bool) {
	t := strings.TrimSpace(text)
	lower := strings.ToLower(t)
	for _, s := range spellings {
		if strings.HasSuffix(lower, s.text) {
			return strings.TrimSpace(t[:len(t)-len(s.text)]), s.unit, true
		}
	}
	return t, Unit{}, false
}

// ToBase converts a value in unit u to the base unit of u's dimension.
func (u Unit) ToBase(v decimal.Decimal) decimal.Decimal { return v.Mul(u.Factor) }

// FromBase converts a base-unit value into unit u, exactly.
func (u Unit) FromBase(v decimal.Decimal) decimal.Decimal {
	return v.DivRound(u.Factor, 16).Truncate(12)
}

// Parse reads "5亿元", "24%", "50万千瓦时" as a quantity of dimension want, in base units.
func Parse(text string, want Dimension) (decimal.Decimal, error) {
	num, u, ok := SplitSuffix(text)
	if !ok {
		return decimal.Decimal{}, fmt.Errorf("%q 缺少单位，应为%s", text, want)
	}
	if u.Dimension != want {
		return decimal.Decimal{}, fmt.Errorf("%q 的单位 %s 不是%s单位", text, u.Name, want)
	}
	v, err := decimal.NewFromString(num)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("%q 不是数字", text)
	}
	return u.ToBase(v), nil
}

// Names lists the units of a dimension, as messages offer them: 元、万元、亿元.
func Names(d Dimension) []string {
	var names []string
	for _, u := range []Unit{Yuan, WanYuan, YiYuan, KWh, WanKWh, PercentPts} {
		if u.Dimension == d {
			names = append(names, u.Name)
		}
	}
	return names
}
