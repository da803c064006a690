package calc

import (
	"fmt"
	"slices"
	"strings"

	"github.com/changle/subsidy/internal/policy"
)

// NewListingInput is one enterprise's facts for 第10条.
type NewListingInput struct {
	InLibrary   Answer // 是否纳入小升规培育库
	ListingType string // 纳统类型 as ListingTypeOf names it; "" when blank
	FirstTime   Answer // 是否首次纳统（首次提升规模或新建投产纳统）
	ListedOn    Day    // 纳统时间
}

// ListingTypeOf names the 纳统类型 written in a cell (normalised): the clause's kind that
// has it among its words, or one of the policy's other types; ok is false for any other word.
func ListingTypeOf(p policy.NewListing, written string) (name string, ok bool) {
	word := strings.ReplaceAll(written, " ", "")
	for _, t := range p.ListingTypes {
		if slices.Contains(t.Words, word) {
			return t.Name, true
		}
	}
	if slices.Contains(p.OtherTypes, word) {
		return word, true
	}
	return "", false
}

// ListingTypeNames lists the types a 纳统类型 cell may name: the clause's kinds, then the others.
func ListingTypeNames(p policy.NewListing) []string {
	var names []string
	for _, t := range p.ListingTypes {
		names = append(names, t.Name)
	}
	return append(names, p.OtherTypes...)
}

// NewListing applies 第10条: "对纳入“小升规”培育库的2024年新投产纳统的规上工业企业、规下转规上工业企业、
// 第一季度新投产纳统的规上工业企业，在省级财政奖励基础上，按照“榕升计划”奖励政策对首次提升规模或
// 新建投产纳统的规模以上工业企业，给予30万元奖励".
func NewListing(p policy.NewListing, in NewListingInput) Outcome {
	v := newVerdict(p.Measure)
	switch in.InLibrary {
	case Yes:
		v.meet("已纳入“小升规”培育库")
	case No:
		v.fail("未纳入“小升规”培育库")
	default:
		v.miss("是否纳入小升规培育库")
	}
	switch {
	case in.ListingType == "":
		v.miss("纳统类型")
	case slices.ContainsFunc(p.ListingTypes, func(t policy.ListingType) bool { return t.Name == in.ListingType }):
		v.meet("纳统类型为" + in.ListingType)
	default:
		v.fail(fmt.Sprintf("纳统类型为“%s”，不是%s", Clip(in.ListingType), qualifyingNames(p)))
	}
	switch in.FirstTime {
	case Yes:
		v.meet("首次纳统")
	case No:
		v.fail("非首次提升规模或新建投产纳统")
	default:
		v.miss("是否首次纳统")
	}
	placeInWindow(v, "纳统时间", in.ListedOn, p.InclusionWindow, "")
	return v.settle(p.Award.Dec().Round(2), "奖励"+p.Award.String()+"（在省级财政奖励基础上，区级全额给予）")
}

func qualifyingNames(p policy.NewListing) string {
	var names []string
	for _, t := range p.ListingTypes {
		names = append(names, t.Name)
	}
	return strings.Join(names, "或")
}
