package measure

import (
	"github.com/changle/subsidy/calc"
	"github.com/changle/subsidy/policy"
	"github.com/changle/subsidy/sheet"
)

// NewListing is 第10条 新增纳统奖励 (榕升计划).
var NewListing = Measure{
	Key:     "newlisting",
	Section: func(p *policy.Policy) policy.Measure { return p.NewListing.Measure },
	Fields: []sheet.Field{
		{Key: "in_library", Header: "是否纳入小升规培育库", Kind: sheet.KindYesNo, Presence: sheet.Required},
		{Key: "listing_type", Header: "纳统类型", Kind: sheet.KindText, Presence: sheet.Required},
		{Key: "first_time", Header: "是否首次纳统", Kind: sheet.KindYesNo, Presence: sheet.Required},
		{Key: "listing_date", Header: "纳统时间", Kind: sheet.KindDate, Presence: sheet.Required},
	},
	Choices: func(p *policy.Policy) map[string][]string {
		return map[string][]string{"listing_type": p.NewListing.QualifyingTypes}
	},
	Evaluate: func(p *policy.Policy, r *record) calc.Outcome {
		return calc.NewListing(p.NewListing, calc.NewListingInput{
			InLibrary:   r.answer("in_library"),
			ListingType: r.text("listing_type"),
			FirstTime:   r.answer("first_time"),
			ListedOn:    r.date("listing_date"),
		})
	},
}
