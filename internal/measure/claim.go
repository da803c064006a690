package measure

import (
	"github.com/changle/subsidy/internal/policy"
)

// ClaimField is a field that, with the 统一社会信用代码, names one claim: techreform's
// project, recruit's date and place. Two rows of one claim are a duplicate; a claim paid
// in an earlier batch is not paid again.
type ClaimField struct {
	Field    string // the field's key
	JSON     string // its key in JSON Lines; "" = not written there
	Required bool   // blank is 数据有误 (a project must be named); else the rule decides (recruit's date)
	// Value reads the field as the rule does, so that 外省 and 省外 are one place; nil = its text.
	Value func(p *policy.Policy, r *record) string
}

// claimOf reads a row's claim fields; report says whether a blank required one makes the
// row invalid (the row's own decision reports it, the first pass only compares).
func claimOf(m Measure, p *policy.Policy, r *record, report bool) []string {
	values := make([]string, len(m.Claim))
	for i, c := range m.Claim {
		rec := r
		if !report || c.Value != nil { // the rule reads the field again and says what is wrong with it
			rec = &record{table: r.table, row: r.row}
		}
		switch {
		case c.Value != nil:
			values[i] = c.Value(p, rec)
		case c.Required:
			values[i] = rec.required(c.Field)
		default:
			values[i] = rec.text(c.Field)
		}
	}
	return values
}
