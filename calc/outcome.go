// Package calc holds the award rules of the plan as pure functions over exact
// decimals: each returns an Outcome with its status, amount, reasons and clause.
package calc

import (
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/changle/subsidy/internal/policy"
)

// Status is what became of one input row (SPEC §3).
type Status string

const (
	Awarded     Status = "awarded"
	NotEligible Status = "not_eligible"
	Pending     Status = "pending"
	Invalid     Status = "invalid"
)

// Statuses in the order summaries list them.
var Statuses = []Status{Awarded, NotEligible, Pending, Invalid}

// Outcome is the decision on one row and why.
type Outcome struct {
	Status   Status
	Award    decimal.Decimal // 元, 2 decimals; zero unless Awarded
	Reasons  []string
	Warnings []string
	Clause   string // "第7条"
}

// Answer is a yes/no cell that may be left blank.
type Answer int

const (
	Unanswered Answer = iota
	Yes
	No
)

// Figure is a number that may be missing from the sheet.
type Figure struct {
	Value   decimal.Decimal
	Present bool
}

// Given wraps a number read from the sheet.
func Given(v decimal.Decimal) Figure { return Figure{Value: v, Present: true} }

// verdict gathers, while a rule runs, the conditions met, those failed and the
// figures missing, and settles the status by SPEC §2's priority: not_eligible,
// then pending, then the award.
type verdict struct {
	clause   string
	met      []string
	failed   []string
	missing  []string
	warnings []string
}

func newVerdict(m policy.Measure) *verdict { return &verdict{clause: m.ClauseLabel()} }

func (v *verdict) meet(s string) { v.met = append(v.met, s) }
func (v *verdict) fail(s string) { v.failed = append(v.failed, s) }
func (v *verdict) miss(s string) { v.missing = append(v.missing, s) }
func (v *verdict) warn(s string) { v.warnings = append(v.warnings, s) }

// settle returns the outcome; how says in words what was paid and why that much.
func (v *verdict) settle(award decimal.Decimal, how string) Outcome {
	o := Outcome{Clause: v.clause, Award: decimal.Zero, Warnings: v.warnings}
	o.Reasons = append(o.Reasons, v.met...)
	o.Reasons = append(o.Reasons, v.failed...)
	switch {
	case len(v.failed) > 0:
		o.Status = NotEligible
		o.Reasons = append(o.Reasons, "不符合奖励条件")
	case len(v.missing) > 0:
		o.Status = Pending
		o.Reasons = append(o.Reasons, "待补充："+strings.Join(v.missing, "、"))
	default:
		o.Status = Awarded
		o.Award = award
		o.Reasons = append(o.Reasons, how)
	}
	return o
}

// subject records the subject-class condition ("规上工业企业" …) answered by a yes/no column.
func subject(v *verdict, a Answer, class string) {
	switch a {
	case No:
		v.fail("非" + class)
	case Unanswered:
		v.miss("是否" + class)
	}
}

// Day is a date that may be missing from the sheet, or known only to the month.
type Day struct {
	First, Last time.Time // equal for a day; a month's first and last days
	Present     bool
}

// GivenDay wraps a day read from the sheet.
func GivenDay(t time.Time) Day { return Day{First: t, Last: t, Present: true} }

// GivenMonth wraps a month read from the sheet (202401, 2024年1月) with no day.
func GivenMonth(year int, month time.Month) Day {
	first := time.Date(year, month, 1, 0, 0, 0, 0, time.UTC)
	return Day{First: first, Last: first.AddDate(0, 1, -1), Present: true}
}
