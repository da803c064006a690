package policy

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/changle/subsidy/internal/unit"
)

// Money is an amount in 元, written in the policy file with its unit ("5亿元", "3000元").
type Money struct {
	v    decimal.Decimal
	text string // as reasons write it, formatted once
}

// Energy is electricity in 千瓦时, written with its unit ("50万千瓦时").
type Energy struct{ v decimal.Decimal }

// Percent is in percentage points, written with % ("24%").
type Percent struct{ v decimal.Decimal }

// Date is a calendar day, written 2024-01-31.
type Date struct{ time.Time }

func (m *Money) setScalar(s string) (err error) {
	m.v, err = unit.Parse(s, unit.Money)
	m.text = FormatMoney(m.v)
	return err
}

func (e *Energy) setScalar(s string) (err error) {
	e.v, err = unit.Parse(s, unit.Energy)
	return err
}

func (p *Percent) setScalar(s string) (err error) {
	p.v, err = unit.Parse(s, unit.Percent)
	return err
}

func (d *Date) setScalar(s string) error {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return fmt.Errorf("%q 不是日期，应写作 2024-01-31", s)
	}
	d.Time = t
	return nil
}

// Fraction is the percentage as a multiplier: 50% → 0.5.
func (p Percent) Fraction() decimal.Decimal { return p.v.Shift(-2) }

func (m Money) String() string   { return m.text }
func (e Energy) String() string  { return FormatEnergy(e.v) }
func (p Percent) String() string { return p.v.String() + "%" }
func (d Date) String() string    { return d.Format(time.DateOnly) }

// FormatMoney writes 元 in the largest unit that keeps it exact: 5亿元, 5000万元, 3000元.
func FormatMoney(v decimal.Decimal) string {
	for _, u := range []unit.Unit{unit.YiYuan, unit.WanYuan} {
		if v.Abs().GreaterThanOrEqual(u.Factor) && v.Mod(u.Factor).IsZero() {
			return u.FromBase(v).String() + u.Name
		}
	}
	return v.String() + "元"
}

// FormatEnergy writes kWh as 万千瓦时 when exact, else 千瓦时.
func FormatEnergy(v decimal.Decimal) string {
	if v.Abs().GreaterThanOrEqual(unit.WanKWh.Factor) && v.Mod(unit.WanKWh.Factor).IsZero() {
		return unit.WanKWh.FromBase(v).String() + unit.WanKWh.Name
	}
	return v.String() + "千瓦时"
}

// ParseMoney reads an amount with its unit, as the policy file writes it: "5万元".
func ParseMoney(s string) (Money, error) {
	var m Money
	err := m.setScalar(s)
	return m, err
}
