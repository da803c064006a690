package calc

import (
	"fmt"
	"slices"
	"strings"

	"github.com/changle/subsidy/policy"
)

// NewListingInput is one enterprise's facts for 第10条.
type NewListingInput struct {
	InLibrary   Answer // 是否纳入小升规培育库
	ListingType string // 纳统类型: 新投产纳统 / 规下转规上; "" when blank
	FirstTime   Answer // 是否首次纳统（首次提升规模或新建投产纳统）
	ListedOn    Day    // 纳统时间
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
	case slices.Contains(p.QualifyingTypes, in.ListingType):
		v.meet("纳统类型为" + in.ListingType)
	default:
		v.fail(fmt.Sprintf("纳统类型“%s”不是%s", Clip(in.ListingType), strings.Join(p.QualifyingTypes, "或")))
	}
	switch in.FirstTime {
	case Yes:
		v.meet("首次纳统")
	case No:
		v.fail("非首次提升规模或新建投产纳统")
	default:
		v.miss("是否首次纳统")
	}
	switch {
	case !in.ListedOn.Present:
		v.miss("纳统时间")
	case p.InclusionWindow.Contains(in.ListedOn.Value):
		v.meet(fmt.Sprintf("纳统时间%s在%s内", day(in.ListedOn.Value), p.InclusionWindow))
	default:
		v.fail(fmt.Sprintf("纳统时间%s不在%s内", day(in.ListedOn.Value), p.InclusionWindow))
	}
	return v.settle(p.Award.Dec().Round(2), "奖励"+p.Award.String()+"（在省级财政奖励基础上，区级全额给予）")
}
