package award

import "github.com/shopspring/decimal"

// Status is what became of one input row (SPEC §3), as the outputs write it.
type Status string

const (
	Awarded     Status = "awarded"
	NotEligible Status = "not_eligible"
	Pending     Status = "pending"
	Invalid     Status = "invalid"
)

// Statuses in the order summaries list them.
var Statuses = []Status{Awarded, NotEligible, Pending, Invalid}

// Label is the status as written in the sheet.
func (s Status) Label() string {
	switch s {
	case Awarded:
		return "予以奖励"
	case NotEligible:
		return "不符合条件"
	case Pending:
		return "待补充"
	case Invalid:
		return "数据有误"
	}
	return string(s)
}

// Outcome is a row's decision as the outputs write it.
type Outcome struct {
	Status   Status
	Award    decimal.Decimal // 元, 2 decimals; zero unless Awarded
	Reasons  []string
	Warnings []string
	Clause   string // "第7条"
}
