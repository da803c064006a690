package calc

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/changle/subsidy/internal/policy"
)

// Place is where a recruitment event was held, against the province: "赴省内、外".
type Place int

const (
	PlaceBlank Place = iota
	InsideProvince
	OutsideProvince
)

func (p Place) String() string {
	switch p {
	case InsideProvince:
		return "省内"
	case OutsideProvince:
		return "省外"
	}
	return ""
}

// PlaceOf reads an 活动地点 cell (normalised) by the policy's words for each side; ok is
// false for any other word.
func PlaceOf(p policy.Recruit, written string) (place Place, ok bool) {
	word := strings.ReplaceAll(written, " ", "")
	switch {
	case slices.Contains(p.InsideProvinceWords, word):
		return InsideProvince, true
	case slices.Contains(p.OutsideProvinceWords, word):
		return OutsideProvince, true
	}
	return PlaceBlank, false
}

// RecruitInput is one recruitment event for 第23条; an enterprise may hold several.
type RecruitInput struct {
	KeyEnterprise Answer // 是否重点企业(项目)
	On            Day    // 招聘活动日期
	Place         Place  // 活动地点
}

// Recruit applies 第23条 to one event on its own: "对赴省内、外参加或举办招聘活动的重点企业、重点项目，
// 按照相关规定给予每家企业省外3000元/次、省内1000元/次的一次性补助". The yearly limit
// ("每家企业每年最多补助2次") looks across events: see YearlyLimit.
func Recruit(p policy.Recruit, in RecruitInput) Outcome {
	v := newVerdict(p.Measure)
	switch in.KeyEnterprise {
	case Yes:
		v.meet("重点企业（项目）")
	case No:
		v.fail("非重点企业（项目）")
	default:
		v.miss("是否重点企业（项目）")
	}
	if in.On.Present && in.On.isMonth() {
		v.miss(fmt.Sprintf("招聘活动日期只写到月（%s）：请填写具体日期", in.On))
	} else {
		placeInWindow(v, "招聘活动日期", in.On, p.EventWindow, "")
	}
	award := p.PerEventInsideProvince
	switch in.Place {
	case OutsideProvince:
		award = p.PerEventOutsideProvince
	case PlaceBlank:
		v.miss("活动地点（省内或省外）")
	}
	return v.settle(award.Dec().Round(2), fmt.Sprintf("%s招聘活动，每次%s", in.Place, award))
}

// Event is an awarded recruitment event of one enterprise, as the yearly limit counts it.
type Event struct {
	On     time.Time
	Row    int    // order among this run's rows (ties on a date); 0 for an event paid before
	Where  string // the row for reasons: 第5行; "" = 第Row行
	Place  Place  //
	Source string // where an earlier batch paid it: "1月.xlsx 招聘活动补助!E5 3,000.00元"; "" for this sheet
}

func (e Event) String() string {
	if e.Source != "" {
		return fmt.Sprintf("%s%s（已发放：%s）", day(e.On), e.Place, e.Source)
	}
	if e.Where != "" {
		return fmt.Sprintf("%s%s（%s）", day(e.On), e.Place, e.Where)
	}
	return fmt.Sprintf("%s%s（第%d行）", day(e.On), e.Place, e.Row)
}

// YearlyLimit applies "每家企业每年最多补助2次" to one enterprise's events that pass on their
// own: per calendar year, events paid in earlier batches count first, then this sheet's in
// date order (ties in row order), so a monthly batch never revises a month already paid.
// It returns, for each event of this sheet beyond the limit, the events that filled its year.
func YearlyLimit(p policy.Recruit, earlier, events []Event) map[int][]Event {
	byYear := map[int][]Event{}
	earlier = slices.Clone(earlier)
	slices.SortStableFunc(earlier, func(a, b Event) int { return cmp.Or(a.On.Compare(b.On), cmp.Compare(a.Source, b.Source)) })
	for _, e := range earlier {
		byYear[e.On.Year()] = append(byYear[e.On.Year()], e)
	}
	sorted := slices.Clone(events)
	slices.SortStableFunc(sorted, func(a, b Event) int {
		return cmp.Or(a.On.Compare(b.On), cmp.Compare(a.Row, b.Row))
	})
	over := map[int][]Event{}
	for _, e := range sorted {
		year := byYear[e.On.Year()]
		if len(year) >= p.MaxEventsPerYear {
			over[e.Row] = year[:p.MaxEventsPerYear]
			continue
		}
		byYear[e.On.Year()] = append(year, e)
	}
	return over
}

// OverYearlyLimit turns an awarded event beyond the yearly limit into not eligible, naming
// the events that were paid.
func OverYearlyLimit(p policy.Recruit, o Outcome, paid []Event) Outcome {
	names := make([]string, len(paid))
	for i, e := range paid {
		names[i] = e.String()
	}
	o.Status, o.Award = NotEligible, decimal.Zero
	o.Reasons = append(o.Reasons[:len(o.Reasons)-1],
		fmt.Sprintf("本企业%d年已补助%d次：%s；每家企业每年最多补助%d次", paid[0].On.Year(), len(paid), strings.Join(names, "、"), p.MaxEventsPerYear),
		"不符合奖励条件")
	return o
}
