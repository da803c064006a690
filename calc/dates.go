package calc

import (
	"fmt"

	"github.com/changle/subsidy/internal/policy"
)

// isMonth reports whether only the month of d is known.
func (d Day) isMonth() bool { return !d.First.Equal(d.Last) }

// String writes a day as 2024-01-15 and a month as 2024年1月.
func (d Day) String() string {
	if d.isMonth() {
		return fmt.Sprintf("%d年%d月", d.First.Year(), d.First.Month())
	}
	return day(d.First)
}

// placeInWindow records on v where a date lies against a window: a month counts as
// inside only when all of it is, outside when none of it is; a month the window cuts
// cannot be decided without the day. reading, if any, says why that window.
func placeInWindow(v *verdict, what string, d Day, w policy.Window, reading string) {
	switch {
	case !d.Present:
		v.miss(what)
	case w.Contains(d.First) && w.Contains(d.Last):
		v.meet(fmt.Sprintf("%s%s在%s内%s", what, d, w, reading))
	case d.Last.Before(w.From.Time) || d.First.After(w.To.Time):
		v.fail(fmt.Sprintf("%s%s不在%s内%s", what, d, w, reading))
	default:
		v.miss(fmt.Sprintf("%s只写到月（%s），该月跨%s的起止日：请填写具体日期", what, d, w))
	}
}
