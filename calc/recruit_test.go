package calc

import (
	"strings"
	"testing"
	"time"
)

// 第23条 招聘活动补助, one event: 省外3000元/次、省内1000元/次, the window's ends and a day
// either side, the subject, a month without its day.
func TestRecruitEvent(t *testing.T) {
	p := builtin(t).Recruit
	cases := []struct {
		name   string
		in     RecruitInput
		status Status
		award  string
	}{
		{"省外", RecruitInput{Yes, date("2024-02-10"), OutsideProvince}, Awarded, "3000.00"},
		{"省内", RecruitInput{Yes, date("2024-02-10"), InsideProvince}, Awarded, "1000.00"},
		{"window start", RecruitInput{Yes, date("2024-01-01"), InsideProvince}, Awarded, "1000.00"},
		{"day before window", RecruitInput{Yes, date("2023-12-31"), InsideProvince}, NotEligible, "0.00"},
		{"window end", RecruitInput{Yes, date("2024-12-31"), OutsideProvince}, Awarded, "3000.00"},
		{"day after window", RecruitInput{Yes, date("2025-01-01"), OutsideProvince}, NotEligible, "0.00"},
		{"not a key enterprise", RecruitInput{No, date("2024-02-10"), OutsideProvince}, NotEligible, "0.00"},
		{"key enterprise blank", RecruitInput{Unanswered, date("2024-02-10"), OutsideProvince}, Pending, "0.00"},
		{"date blank", RecruitInput{Yes, Day{}, OutsideProvince}, Pending, "0.00"},
		{"month alone: the day orders events", RecruitInput{Yes, GivenMonth(2024, time.March), OutsideProvince}, Pending, "0.00"},
		{"place blank", RecruitInput{Yes, date("2024-02-10"), PlaceBlank}, Pending, "0.00"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := Recruit(p, c.in)
			if o.Status != c.status || o.Award.StringFixed(2) != c.award || o.Clause != "第23条" {
				t.Errorf("got %s %s %s, want %s %s; %v", o.Status, o.Award.StringFixed(2), o.Clause, c.status, c.award, o.Reasons)
			}
		})
	}
}

func TestPlaceWords(t *testing.T) {
	p := builtin(t).Recruit
	for written, want := range map[string]Place{
		"省内": InsideProvince, "本省": InsideProvince, "福建省内": InsideProvince, "福建 省内": InsideProvince,
		"省外": OutsideProvince, "外省": OutsideProvince, "福建省外": OutsideProvince,
	} {
		if got, ok := PlaceOf(p, written); !ok || got != want {
			t.Errorf("%q: got %v %v, want %v", written, got, ok, want)
		}
	}
	for _, bad := range []string{"线上", "省", "内"} {
		if got, ok := PlaceOf(p, bad); ok {
			t.Errorf("%q read as %v", bad, got)
		}
	}
}

func event(on string, row int) Event {
	return Event{On: date(on).First, Row: row, Place: OutsideProvince}
}

// "每家企业每年最多补助2次": events taken in date order, ties in row order; events paid in an
// earlier batch count first; each calendar year on its own.
func TestYearlyLimit(t *testing.T) {
	p := builtin(t).Recruit
	cases := []struct {
		name    string
		earlier []Event
		events  []Event
		over    map[int][]int // row → rows (0 = earlier) that filled its year
	}{
		{"two events: both paid", nil, []Event{event("2024-01-20", 2), event("2024-02-10", 3)}, map[int][]int{}},
		{"third in date order, listed first", nil,
			[]Event{event("2024-03-05", 2), event("2024-01-20", 3), event("2024-02-10", 4)}, map[int][]int{2: {3, 4}}},
		{"ties on a date go in row order", nil,
			[]Event{event("2024-01-20", 5), event("2024-01-20", 3), event("2024-01-20", 4)}, map[int][]int{5: {3, 4}}},
		{"one paid in January's batch: one more this month", []Event{{On: date("2024-01-20").First, Source: "1月.xlsx"}},
			[]Event{event("2024-02-10", 2), event("2024-02-20", 3)}, map[int][]int{3: {0, 2}}},
		{"two paid earlier: none this month", []Event{{On: date("2024-01-20").First, Source: "1月.xlsx"}, {On: date("2024-01-25").First, Source: "1月.xlsx"}},
			[]Event{event("2024-02-10", 2)}, map[int][]int{2: {0, 0}}},
		{"a new year starts again", nil,
			[]Event{event("2024-11-01", 2), event("2024-12-01", 3), event("2025-01-02", 4)}, map[int][]int{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			over := YearlyLimit(p, c.earlier, c.events)
			if len(over) != len(c.over) {
				t.Fatalf("over %v, want rows %v", over, c.over)
			}
			for row, paidRows := range c.over {
				var got []int
				for _, e := range over[row] {
					got = append(got, e.Row)
				}
				if len(got) != len(paidRows) || (len(got) > 0 && (got[0] != paidRows[0] || got[1] != paidRows[1])) {
					t.Errorf("row %d: filled by %v, want %v", row, got, paidRows)
				}
			}
		})
	}
}

func TestOverYearlyLimitNamesThePaidEvents(t *testing.T) {
	p := builtin(t).Recruit
	o := Recruit(p, RecruitInput{Yes, date("2024-03-05"), OutsideProvince})
	o = OverYearlyLimit(p, o, []Event{event("2024-01-20", 3), {On: date("2024-02-10").First, Place: InsideProvince, Source: "1月.xlsx 第5行 1000.00元"}})
	all := strings.Join(o.Reasons, "；")
	if o.Status != NotEligible || !o.Award.IsZero() || !strings.Contains(all, "2024-01-20省外（第3行）") || !strings.Contains(all, "2024-02-10省内（已发放：1月.xlsx 第5行 1000.00元）") {
		t.Errorf("got %s %s; %s", o.Status, o.Award, all)
	}
}
