package calc

import (
	"testing"
	"time"
)

func date(s string) Day {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return GivenDay(t)
}

// 第10条: window ends exactly and one day either side; the type must be one of the two.
func TestNewListing(t *testing.T) {
	p := builtin(t).NewListing
	ok := func() NewListingInput {
		return NewListingInput{InLibrary: Yes, ListingType: "新投产纳统", FirstTime: Yes, ListedOn: date("2024-02-01")}
	}
	cases := []struct {
		name   string
		edit   func(*NewListingInput)
		status Status
	}{
		{"qualifies", func(*NewListingInput) {}, Awarded},
		{"规下转规上 qualifies", func(in *NewListingInput) { in.ListingType = "规下转规上" }, Awarded},
		{"window start", func(in *NewListingInput) { in.ListedOn = date("2024-01-01") }, Awarded},
		{"day before window", func(in *NewListingInput) { in.ListedOn = date("2023-12-31") }, NotEligible},
		{"window end", func(in *NewListingInput) { in.ListedOn = date("2024-12-31") }, Awarded},
		{"day after window", func(in *NewListingInput) { in.ListedOn = date("2025-01-01") }, NotEligible},
		{"other type", func(in *NewListingInput) { in.ListingType = "其他" }, NotEligible},
		{"type blank", func(in *NewListingInput) { in.ListingType = "" }, Pending},
		{"not in library", func(in *NewListingInput) { in.InLibrary = No }, NotEligible},
		{"not first time", func(in *NewListingInput) { in.FirstTime = No }, NotEligible},
		{"date blank", func(in *NewListingInput) { in.ListedOn = Day{} }, Pending},
		{"date blank but other type: not_eligible first", func(in *NewListingInput) { in.ListedOn, in.ListingType = Day{}, "其他" }, NotEligible},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := ok()
			c.edit(&in)
			o := NewListing(p, in)
			want := "0.00"
			if c.status == Awarded {
				want = "300000.00"
			}
			if o.Status != c.status || o.Award.StringFixed(2) != want || o.Clause != "第10条" {
				t.Errorf("got %s %s %s, want %s %s; %v", o.Status, o.Award, o.Clause, c.status, want, o.Reasons)
			}
		})
	}
}
