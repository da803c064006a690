package table

import (
	"github.com/changle/subsidy/internal/workbook"

	"strings"
	"testing"
	"time"
)

func TestParseNumber(t *testing.T) {
	cases := []struct {
		cell workbook.Cell
		want string // "" = error
	}{
		{workbook.Cell{Kind: workbook.Number, Value: "49999.99"}, "49999.99"},
		{workbook.Cell{Kind: workbook.Number, Value: "1.5E-3"}, "0.0015"},
		{workbook.Cell{Kind: workbook.Text, Value: "80,000"}, "80000"},
		{workbook.Cell{Kind: workbook.Text, Value: " 1 234.5 "}, "1234.5"},
		{workbook.Cell{Kind: workbook.Text, Value: "５．２"}, "5.2"},
		{workbook.Cell{Kind: workbook.Text, Value: "－３"}, "-3"},
		{workbook.Cell{Kind: workbook.Text, Value: "abc"}, ""},
		{workbook.Cell{Kind: workbook.Text, Value: "1e5"}, ""},
		{workbook.Cell{Kind: workbook.Boolean, Value: "1"}, ""},
		{workbook.Cell{Kind: workbook.ErrorValue, Value: "#DIV/0!"}, ""},
		{workbook.Cell{Kind: workbook.FormulaNoValue}, ""},
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
		cell   workbook.Cell
		want   string
		marked bool
	}{
		{workbook.Cell{Kind: workbook.Number, Value: "24"}, "24", false},
		{workbook.Cell{Kind: workbook.Number, Value: "0.24", NumFmt: "0.00%"}, "24", true},
		{workbook.Cell{Kind: workbook.Number, Value: "0.2399", NumFmt: "0%"}, "23.99", true},
		// Excel stores 24% typed in a cell as this double; Excel itself holds 0.24.
		{workbook.Cell{Kind: workbook.Number, Value: "0.23999999999999999", NumFmt: "0.00%"}, "24", true},
		// The display rounding is not the value: 0.23995 shown as 24.00% is 23.995%.
		{workbook.Cell{Kind: workbook.Number, Value: "0.23995", NumFmt: "0.00%"}, "23.995", true},
		// A quoted or escaped percent sign is literal text: 22.5 shown as 22.50%.
		{workbook.Cell{Kind: workbook.Number, Value: "22.5", NumFmt: `0.00"%"`}, "22.5", true},
		{workbook.Cell{Kind: workbook.Number, Value: "22.5", NumFmt: `0.00\%`}, "22.5", true},
		{workbook.Cell{Kind: workbook.Number, Value: "22.5", NumFmt: `[Red]0.00"%";-0.00"%"`}, "22.5", true},
		// Sections: a negative growth uses the second section.
		{workbook.Cell{Kind: workbook.Number, Value: "-0.05", NumFmt: `0.00%;[Red]-0.00%`}, "-5", true},
		{workbook.Cell{Kind: workbook.Number, Value: "-5", NumFmt: `0.00%;-0.00"%"`}, "-5", true},
		{workbook.Cell{Kind: workbook.Text, Value: "24.5%"}, "24.5", true},
		{workbook.Cell{Kind: workbook.Text, Value: "２４．５％"}, "24.5", true},
		{workbook.Cell{Kind: workbook.Number, Value: "0.24"}, "0.24", false},
		{workbook.Cell{Kind: workbook.Number, Value: "0.24", NumFmt: "0.00"}, "0.24", false},
		{workbook.Cell{Kind: workbook.Number, Value: "1.01"}, "1.01", false},
		{workbook.Cell{Kind: workbook.Number, Value: "0"}, "0", false},
	}
	for _, c := range cases {
		got, marked, err := ParsePercent(c.cell)
		if err != nil || got.String() != c.want || marked != c.marked {
			t.Errorf("%+v: got %s marked=%v err=%v; want %s marked=%v", c.cell, got, marked, err, c.want, c.marked)
		}
	}
}

// Numeric cells are read as Excel holds them: the stored double to 15 significant digits.
func TestParseNumberAsExcelHoldsIt(t *testing.T) {
	cases := []struct{ stored, want string }{
		{"20000.009999999998", "20000.01"}, // 20000.01 typed in Excel
		{"0.23999999999999999", "0.24"},    // 24% typed in Excel
		{"9999.9949999999999", "9999.995"}, // not rounded to the display's 2 decimals
		{"12345.678901234567", "12345.6789012346"},
		{"1.0000000000000001E-3", "0.001"},
		{"-0.29999999999999999", "-0.3"},
		{"20000.005", "20000.005"},
	}
	for _, c := range cases {
		got, err := ParseNumber(workbook.Cell{Kind: workbook.Number, Value: c.stored})
		if err != nil || got.String() != c.want {
			t.Errorf("%s: got %s %v, want %s", c.stored, got, err, c.want)
		}
	}
	// Text is exact as written.
	if got, _ := ParseNumber(workbook.Cell{Kind: workbook.Text, Value: "20000.009999999998"}); got.String() != "20000.009999999998" {
		t.Errorf("text read as %s", got)
	}
}

func TestScaledByPercent(t *testing.T) {
	cases := []struct {
		code string
		neg  bool
		want bool
	}{
		{"0%", false, true},
		{"0.00%", false, true},
		{`0.00"%"`, false, false},
		{`0.00\%`, false, false},
		{`0.00_%`, false, false},
		{`[Red][<0]0.00;0.00%`, false, false},
		{`0.00;0.00%`, true, true},
		{`"增幅"0.0%`, false, true},
		{`"%"0.0`, false, false},
		{"General", false, false},
	}
	for _, c := range cases {
		if got := scaledByPercent(c.code, c.neg, false); got != c.want {
			t.Errorf("%q negative=%v: got %v, want %v", c.code, c.neg, got, c.want)
		}
	}
}

func TestParseYesNo(t *testing.T) {
	for _, yes := range []string{"是", "Y", "y", "√", "1", "TRUE", "true", " 是 "} {
		if v, err := ParseYesNo(workbook.Cell{Kind: workbook.Text, Value: yes}); err != nil || !v {
			t.Errorf("%q: got %v %v, want yes", yes, v, err)
		}
	}
	for _, no := range []string{"否", "N", "×", "0", "FALSE"} {
		if v, err := ParseYesNo(workbook.Cell{Kind: workbook.Text, Value: no}); err != nil || v {
			t.Errorf("%q: got %v %v, want no", no, v, err)
		}
	}
	if v, err := ParseYesNo(workbook.Cell{Kind: workbook.Boolean, Value: "1"}); err != nil || !v {
		t.Errorf("boolean TRUE cell: %v %v", v, err)
	}
	if _, err := ParseYesNo(workbook.Cell{Kind: workbook.Text, Value: "可能"}); err == nil {
		t.Error("accepted 可能")
	}
}

func TestParseDate(t *testing.T) {
	day := func(y int, m time.Month, d int) Date {
		t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		return Date{t, t}
	}
	month := func(y int, m time.Month) Date {
		return Date{time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC)}
	}
	jan15 := day(2024, 1, 15)
	cases := []struct {
		cell workbook.Cell
		want Date
	}{
		{workbook.Cell{Kind: workbook.Number, Value: "45306"}, jan15},
		{workbook.Cell{Kind: workbook.Number, Value: "45306.5", NumFmt: "yyyy/m/d h:mm"}, jan15},
		// The 1904 date system (Excel for Mac, some WPS files) counts from 1904-01-01.
		{workbook.Cell{Kind: workbook.Number, Value: "43844", Date1904: true}, jan15},
		{workbook.Cell{Kind: workbook.Text, Value: "2024-01-15"}, jan15},
		{workbook.Cell{Kind: workbook.Text, Value: "2024/1/15"}, jan15},
		{workbook.Cell{Kind: workbook.Text, Value: "2024.1.15"}, jan15},
		{workbook.Cell{Kind: workbook.Text, Value: "2024年1月15日"}, jan15},
		{workbook.Cell{Kind: workbook.Text, Value: "２０２４年１月１５日"}, jan15},
		{workbook.Cell{Kind: workbook.Text, Value: "2024-01-15 00:00:00"}, jan15},
		{workbook.Cell{Kind: workbook.Text, Value: "2024/1/15 8:30"}, jan15},
		{workbook.Cell{Kind: workbook.Text, Value: "2024-01-15T00:00:00"}, jan15},
		{workbook.Cell{Kind: workbook.Text, Value: "45306"}, jan15},
		{workbook.Cell{Kind: workbook.Text, Value: "20240115"}, jan15},
		{workbook.Cell{Kind: workbook.Number, Value: "20240115"}, jan15},
		// A month alone: yyyymm is not serial 202401 (the year 2454).
		{workbook.Cell{Kind: workbook.Number, Value: "202401"}, month(2024, 1)},
		{workbook.Cell{Kind: workbook.Text, Value: "202401"}, month(2024, 1)},
		{workbook.Cell{Kind: workbook.Text, Value: "2024-01"}, month(2024, 1)},
		{workbook.Cell{Kind: workbook.Text, Value: "2024年1月"}, month(2024, 1)},
		{workbook.Cell{Kind: workbook.Text, Value: "2024/2"}, month(2024, 2)},
		{workbook.Cell{Kind: workbook.Number, Value: "202402"}, month(2024, 2)},
	}
	for _, c := range cases {
		got, err := ParseDate(c.cell)
		if err != nil || !got.First.Equal(c.want.First) || !got.Last.Equal(c.want.Last) {
			t.Errorf("%+v: got %v %v, want %v", c.cell, got, err, c.want)
		}
	}
	if got, _ := ParseDate(workbook.Cell{Kind: workbook.Number, Value: "202402"}); got.Last.Day() != 29 {
		t.Errorf("2024-02 ends on %v, want the 29th", got.Last)
	}
	for _, bad := range []workbook.Cell{{Kind: workbook.Text, Value: "2024-02-30"}, {Kind: workbook.Text, Value: "一月"}, {Kind: workbook.Number, Value: "-1"},
		{Kind: workbook.Number, Value: "202413"}, {Kind: workbook.Number, Value: "1234"}, {Kind: workbook.Number, Value: "202401.5"}} {
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

// A CSV cell reads back as the value of the cell it was written from.
func TestShown(t *testing.T) {
	cases := []struct {
		cell workbook.Cell
		want string
	}{
		{workbook.Cell{Kind: workbook.Number, Value: "0.23999999999999999", NumFmt: "0.00%"}, "24%"},
		{workbook.Cell{Kind: workbook.Number, Value: "22.5", NumFmt: `0.00"%"`}, "22.5"},
		{workbook.Cell{Kind: workbook.Number, Value: "45306", NumFmt: "yyyy/m/d"}, "2024-01-15"},
		{workbook.Cell{Kind: workbook.Number, Value: "43844", NumFmt: "yyyy-mm-dd", Date1904: true}, "2024-01-15"},
		{workbook.Cell{Kind: workbook.Number, Value: "20000.009999999998"}, "20000.01"},
		{workbook.Cell{Kind: workbook.Number, Value: "60000", NumFmt: "#,##0.00"}, "60000"},
		{workbook.Cell{Kind: workbook.Text, Value: "2024年1月"}, "2024年1月"},
	}
	for _, c := range cases {
		if got := Shown(c.cell); got != c.want {
			t.Errorf("%+v: got %q, want %q", c.cell, got, c.want)
		}
		back, err := ParseNumber(workbook.Cell{Kind: workbook.Text, Value: strings.TrimSuffix(Shown(c.cell), "%")})
		if c.cell.Kind == workbook.Number && !isDateFormat(c.cell.NumFmt) && err != nil {
			t.Errorf("%q does not read back: %v (%v)", Shown(c.cell), err, back)
		}
	}
}
