package measure

import (
	"fmt"
	"strings"
	"time"

	"github.com/changle/subsidy/calc"
	"github.com/changle/subsidy/internal/policy"
	"github.com/changle/subsidy/internal/table"
)

// Recruit is 第23条 招聘活动补助: one row per recruitment event, several per enterprise.
var Recruit = Measure{
	Key: "recruit",
	Help: Help{
		Short: "第23条 招聘活动补助 / recruitment-event subsidy (clause 23)",
		Input: "招聘活动.xlsx",
		Notes: `每行一次招聘活动，一家企业可有多行；同一企业、同一日期、同一地点出现两次则两行均为“数据有误”。
活动地点写省内或省外（本省、福建省内、外省、福建省外等说法亦可），其他为“数据有误”。
每家企业每年最多补助的次数按活动日期先后计（同日按行序），超出的活动为“不符合条件”并列明已补助的活动；
以 --prior 给出此前各批次的奖励表时，其中已补助的活动一并计入，按月分批计算不会改动已发放的月份。
活动日期须写到日：只写到月为“待补充”。`,
		English: `Clause 23 recruitment-event subsidy for key enterprises and projects: a fixed amount per
event inside or outside Fujian, at most a number of events per enterprise per calendar year,
taken in date order; events paid in earlier batches (--prior) count towards it.`,
	},
	Section: func(p *policy.Policy) policy.Measure { return p.Recruit.Measure },
	Claim: []ClaimField{
		{Field: "event_date", JSON: "event_date", Value: eventDay},
		{Field: "place", JSON: "place", Value: eventPlace}, // with the date, it names the event (SPEC §8)
	},
	Fields: []table.Field{
		{Key: "key_enterprise", Header: "是否重点企业(项目)", Kind: table.KindYesNo, Presence: table.Required,
			Synonyms: []string{"重点企业(项目)", "重点企业", "重点企业或重点项目", "重点企业、重点项目", "重点项目"}},
		{Key: "event_date", Header: "招聘活动日期", Kind: table.KindDate, Presence: table.Required,
			Synonyms: []string{"活动日期", "招聘日期", "招聘会日期", "活动时间", "招聘活动时间", "举办日期"}},
		{Key: "place", Header: "活动地点", Kind: table.KindText, Presence: table.Required,
			Synonyms: []string{"活动地点(省内/省外)", "招聘活动地点", "地点", "举办地点", "省内/省外", "省内或省外"}},
	},
	Choices: func(p *policy.Policy) map[string][]string {
		return map[string][]string{"place": {calc.InsideProvince.String(), calc.OutsideProvince.String()}}
	},
	Evaluate: func(p *policy.Policy, r *record) calc.Outcome {
		return calc.Recruit(p.Recruit, calc.RecruitInput{
			KeyEnterprise: r.answer("key_enterprise"),
			On:            r.date("event_date"),
			Place:         r.place("place", p.Recruit),
		})
	},
	Across: func(p *policy.Policy, paid paidClaims) Across {
		y := &yearlyLimit{p: p.Recruit, events: map[string][]calc.Event{}, earlier: map[string][]calc.Event{}}
		for _, c := range paid {
			y.earlier[c.Code] = append(y.earlier[c.Code], eventOf(c.Claim, 0, "", c.Where+" "+c.Award.StringFixed(2)+"元"))
		}
		return y
	},
}

// eventDay is an event's date as its claim reads it: the day, or "" where there is none.
func eventDay(_ *policy.Policy, r *record) string {
	if d := r.date("event_date"); d.Present && d.First.Equal(d.Last) {
		return d.First.Format(time.DateOnly)
	}
	return ""
}

// eventPlace is an event's place as read, so 外省 and 省外 are one place.
func eventPlace(p *policy.Policy, r *record) string { return r.place("place", p.Recruit).String() }

// place reads 活动地点 by the policy's words for each side; any other word is unreadable.
func (r *record) place(key string, p policy.Recruit) calc.Place {
	written := r.text(key)
	if written == "" {
		return calc.PlaceBlank
	}
	place, ok := calc.PlaceOf(p, written)
	if !ok {
		col, _, _ := r.cell(key)
		r.invalid = append(r.invalid, r.where(col)+fmt.Sprintf("“%s”不是省内或省外：请填写%s中的一个", calc.Clip(written),
			strings.Join(append(append([]string(nil), p.InsideProvinceWords...), p.OutsideProvinceWords...), "、")))
	}
	return place
}

// yearlyLimit is "每家企业每年最多补助2次" across the events of a run and those paid before.
type yearlyLimit struct {
	p       policy.Recruit
	earlier map[string][]calc.Event // paid in earlier batches, by code
	events  map[string][]calc.Event // awarded on their own in this run, by code
	over    map[int][]calc.Event    // row → the events that filled its year
}

// eventOf is an event from its claim as read (day, place); where is its row, source where an
// earlier batch paid it.
func eventOf(claim []string, row int, where, source string) calc.Event {
	on, _ := time.Parse(time.DateOnly, claim[0]) // an awarded event has its day
	place := calc.OutsideProvince
	if claim[1] == calc.InsideProvince.String() {
		place = calc.InsideProvince
	}
	return calc.Event{On: on, Row: row, Where: where, Place: place, Source: source}
}

func (y *yearlyLimit) See(row int, where, code string, claim []string) {
	y.events[code] = append(y.events[code], eventOf(claim, row, where, ""))
}

func (y *yearlyLimit) Settle() {
	y.over = map[int][]calc.Event{}
	for code, events := range y.events {
		for row, paid := range calc.YearlyLimit(y.p, y.earlier[code], events) {
			y.over[row] = paid
		}
	}
}

func (y *yearlyLimit) Revise(row int, out calc.Outcome) calc.Outcome {
	if paid, over := y.over[row]; over {
		return calc.OverYearlyLimit(y.p, out, paid)
	}
	return out
}
