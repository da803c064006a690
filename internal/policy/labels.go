package policy

import (
	"fmt"
	"strings"
)

// labels is the replacer of every {placeholder} the texts of measures may name: the plan's
// periods, and the days of 第9条's 春节期间 from its window.
func (p *Policy) labels() *strings.Replacer {
	spring := p.SpringFestival.Period
	return strings.NewReplacer(
		"{year}", p.Periods.Year,
		"{base_year}", p.Periods.BaseYear,
		"{quarter}", p.Periods.Quarter,
		"{previous_quarter}", p.Periods.PreviousQuarter,
		"{spring_month}", fmt.Sprintf("%d年%d月", spring.From.Year(), spring.From.Month()),
		"{spring_days}", fmt.Sprintf("%d月%d日至%d月%d日", spring.From.Month(), spring.From.Day(), spring.To.Month(), spring.To.Day()),
	)
}

// Label writes a text naming the plan's periods: "{base_year}产值" → "2023年产值".
func (p *Policy) Label(text string) string { return p.labels().Replace(text) }

// shareLabels hands every measure the policy's labels, so rules write their reasons with them.
func (p *Policy) shareLabels() {
	r := p.labels()
	for _, m := range []*Measure{&p.ValueAdd.Measure, &p.PowerBonus.Measure, &p.SpringFestival.Measure,
		&p.NewListing.Measure, &p.TechReform.Measure, &p.Recruit.Measure, &p.StableJobs.Measure} {
		m.Labels = r
	}
}
