package sheet

import (
	"testing"
	"time"
)

func TestParseNumber(t *testing.T) {
	cases := []struct {
		cell Cell
		want string // "" = error
	}{
		{Cell{Kind: Number, Value: "49999.99"}, "49999.99"},
		{Cell{Kind: Number, Value: "1.5E-3"}, "0.0015"},
		{Cell{Kind: Text, Value: "80,000"}, "80000"},
		{Cell{Kind: Text, Value: " 1 234.5 "}, "1234.5"},
		{Cell{Kind: Text, Value: "５．２"}, "5.2"},
		{Cell{Kind: Text, Value: "－３"}, "-3"},
		{Cell{Kind: Text, Value: "abc"}, ""},
		{Cell{Kind: Text, Value: "1e5"}, ""},
		{Cell{Kind: Boolean, Value: "1"}, ""},
		{Cell{Kind: ErrorValue, Value: "#DIV/0!"}, ""},
		{Cell{Kind: FormulaNoValue}, ""},
	}
	for _, c := range cases {
		got, err := ParseNumber(c.cell)
		switch {
		case c.want == "" && err == nil:
			t.Errorf("%+v: accepted as %s", c.cell, got)
		case c.want != "" && (err != nil || got.String() != c.want):
			t.Errorf("%+v: got %s, %v; want %s", c.cell, got, err, c.want)
		}
	}
}

func TestParsePercent(t *testing.T) {
	cases := []struct {
		cell Cell
		want string
		warn bool
	}{
		{Cell{Kind: Number, Value: "24"}, "24", false},
		{Cell{Kind: Number, Value: "0.24", NumFmt: "0.00%"}, "24", false},
		{Cell{Kind: Number, Value: "0.2399", NumFmt: "0%"}, "23.99", false},
		{Cell{Kind: Text, Value: "24.5%"}, "24.5", false},
		{Cell{Kind: Text, Value: "２４．５％"}, "24.5", false},
		{Cell{Kind: Number, Value: "0.24"}, "0.24", true}, // plain ≤ 1 in a (%) column: suspicious
		{Cell{Kind: Number, Value: "1"}, "1", true},
		{Cell{Kind: Number, Value: "1.01"}, "1.01", false},
		{Cell{Kind: Number, Value: "0"}, "0", false},
	}
	for _, c := range cases {
		got, warning, err := ParsePercent(c.cell)
		if err != nil || got.String() != c.want || (warning != "") != c.warn {
			t.Errorf("%+v: got %s warn=%q err=%v; want %s warn=%v", c.cell, got, warning, err, c.want, c.warn)
		}
	}
}

func TestParseYesNo(t *testing.T) {
	for _, yes := range []string{"是", "Y", "y", "√", "1", "TRUE", "true", " 是 "} {
		if v, err := ParseYesNo(Cell{Kind: Text, Value: yes}); err != nil || !v {
			t.Errorf("%q: got %v %v, want yes", yes, v, err)
		}
	}
	for _, no := range []string{"否", "N", "×", "0", "FALSE"} {
		if v, err := ParseYesNo(Cell{Kind: Text, Value: no}); err != nil || v {
			t.Errorf("%q: got %v %v, want no", no, v, err)
		}
	}
	if v, err := ParseYesNo(Cell{Kind: Boolean, Value: "1"}); err != nil || !v {
		t.Errorf("boolean TRUE cell: %v %v", v, err)
	}
	if _, err := ParseYesNo(Cell{Kind: Text, Value: "可能"}); err == nil {
		t.Error("accepted 可能")
	}
}

func TestParseDate(t *testing.T) {
	want := time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC)
	for _, c := range []Cell{
		{Kind: Number, Value: "45306"},
		{Kind: Number, Value: "45306.5", NumFmt: "yyyy/m/d h:mm"},
		{Kind: Text, Value: "2024-01-15"},
		{Kind: Text, Value: "2024/1/15"},
		{Kind: Text, Value: "2024.1.15"},
		{Kind: Text, Value: "2024年1月15日"},
		{Kind: Text, Value: "２０２４年１月１５日"},
		{Kind: Text, Value: "2024-01-15 00:00:00"},
		{Kind: Text, Value: "2024/1/15 8:30"},
		{Kind: Text, Value: "45306"},
	} {
		got, err := ParseDate(c)
		if err != nil || !got.Equal(want) {
			t.Errorf("%+v: got %v %v", c, got, err)
		}
	}
	for _, bad := range []Cell{{Kind: Text, Value: "2024-02-30"}, {Kind: Text, Value: "一月"}, {Kind: Number, Value: "-1"}} {
		if got, err := ParseDate(bad); err == nil {
			t.Errorf("%+v: accepted as %v", bad, got)
		}
	}
}

func TestNormalizeHeader(t *testing.T) {
	cases := []struct {
		in, name, unit string
	}{
		{"2023年产值(万元)", "2023年产值", "万元"},
		{"2023年产值\n（亿元）", "2023年产值", "亿元"},
		{"是否规上工业企业", "规上工业企业", ""},
		{"增加值率（％）", "增加值率", "%"},
		{"春节期间用电量(kWh)", "春节期间用电量", "千瓦时"},
		{"企业（单位）名称", "企业(单位)名称", ""},
		{" 统一社会 信用代码 ", "统一社会信用代码", ""},
	}
	for _, c := range cases {
		name, u, ok := normalizeHeader(c.in)
		if name != c.name || (ok && u.Name != c.unit) || ok != (c.unit != "") {
			t.Errorf("%q: got %q %q %v; want %q %q", c.in, name, u.Name, ok, c.name, c.unit)
		}
	}
}

// No header may name two fields: the synonym table is read as a map.
func TestSynonymsAreUnambiguous(t *testing.T) {
	owner := map[string]string{}
	for key, names := range synonyms {
		for _, n := range names {
			h, _, _ := normalizeHeader(n)
			if other, ok := owner[h]; ok && other != key {
				t.Errorf("%q names both %s and %s", n, other, key)
			}
			owner[h] = key
		}
	}
}
