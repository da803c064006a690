package measure

import (
	"fmt"
	"strings"

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
		return map[string][]string{"listing_type": calc.ListingTypeNames(p.NewListing)}
	},
	Evaluate: func(p *policy.Policy, r *record) calc.Outcome {
		return calc.NewListing(p.NewListing, calc.NewListingInput{
			InLibrary:   r.answer("in_library"),
			ListingType: r.listingType("listing_type", p.NewListing),
			FirstTime:   r.answer("first_time"),
			ListedOn:    r.date("listing_date"),
		})
	},
}

// listingType names the 纳统类型 written in the cell by the policy's words for each type;
// a word the policy does not know is unreadable, never silently "not a qualifying type".
func (r *record) listingType(key string, p policy.NewListing) string {
	written := r.text(key)
	if written == "" {
		return ""
	}
	name, ok := calc.ListingTypeOf(p, written)
	if !ok {
		col, _, _ := r.cell(key)
		r.invalid = append(r.invalid, r.where(col)+fmt.Sprintf("“%s”不是可识别的纳统类型：请填写%s之一", calc.Clip(written), strings.Join(calc.ListingTypeNames(p), "、")))
	}
	return name
}
