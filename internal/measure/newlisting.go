package measure

import (
	"fmt"
	"strings"

	"github.com/changle/subsidy/calc"
	"github.com/changle/subsidy/internal/policy"
	"github.com/changle/subsidy/internal/table"
)

// NewListing is 第10条 新增纳统奖励 (榕升计划).
var NewListing = Measure{
	Key: "newlisting",
	Help: Help{
		Short: "第10条 新增纳统奖励 / new above-scale listing award (clause 10)",
		Input: "申报表.xlsx",
		Notes: `纳统类型写新投产纳统、规下转规上（条文中的说法如“第一季度新投产纳统”“规下转规上工业企业”亦可）或其他；
其他为“不符合条件”，无法识别为“数据有误”，空白为“待补充”。
纳统时间可写日期，也可只写到月（202401、2024年1月）：整月在期限内或外方可判定，否则“待补充”。`,
		English: `Clause 10 award (榕升计划): a fixed amount for enterprises in the 小升规 library that
became above-scale for the first time within the policy's inclusion window.`,
	},
	Section: func(p *policy.Policy) policy.Measure { return p.NewListing.Measure },
	Fields: []table.Field{
		{Key: "in_library", Header: "是否纳入小升规培育库", Kind: table.KindYesNo, Presence: table.Required,
			Synonyms: []string{"纳入“小升规”培育库", "小升规培育库", "入库小升规培育库"}},
		{Key: "listing_type", Header: "纳统类型", Kind: table.KindText, Presence: table.Required, Synonyms: []string{"纳统方式"}},
		{Key: "first_time", Header: "是否首次纳统", Kind: table.KindYesNo, Presence: table.Required,
			Synonyms: []string{"首次提升规模或新建投产纳统", "首次"}},
		{Key: "listing_date", Header: "纳统时间", Kind: table.KindDate, Presence: table.Required,
			Synonyms: []string{"纳统日期", "纳统年月", "纳统月份"}},
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
