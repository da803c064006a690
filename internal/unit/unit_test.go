package unit

import "testing"

func TestParse(t *testing.T) {
	cases := []struct {
		text string
		dim  Dimension
		want string // "" = error
	}{
		{"5亿元", Money, "500000000"},
		{"5000万元", Money, "50000000"},
		{"3000元", Money, "3000"},
		{"0.5万元", Money, "5000"},
		{"50万千瓦时", Energy, "500000"},
		{"1200kWh", Energy, "1200"},
		{"24%", Percent, "24"},
		{"24", Percent, ""}, // no unit
		{"24%", Money, ""},  // wrong dimension
		{"五万元", Money, ""},  // not a number
		{"5亿元", Energy, ""},
	}
	for _, c := range cases {
		got, err := Parse(c.text, c.dim)
		switch {
		case c.want == "" && err == nil:
			t.Errorf("%q as %s: accepted %s", c.text, c.dim, got)
		case c.want != "" && (err != nil || got.String() != c.want):
			t.Errorf("%q as %s: got %s, %v; want %s", c.text, c.dim, got, err, c.want)
		}
	}
}

func TestLookupPrefersLongestSpelling(t *testing.T) {
	if _, u, ok := SplitSuffix("3万元"); !ok || u != WanYuan {
		t.Errorf("3万元 split as %v", u)
	}
	if u, ok := Lookup("KWH"); !ok || u != KWh {
		t.Errorf("KWH looked up as %v", u)
	}
}
