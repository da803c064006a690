package table

import (
	"path/filepath"

	"github.com/changle/subsidy/internal/workbook"

	"bytes"
	"math/big"
	"os"
	"strings"
	"testing"
	"time"
)

// A number accepted from text equals what a person reads: the digits without
// separators, as an exact rational; and formatting it and reading it back is stable.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"80,000", "５．２", " 1 234 ", "-3.50", "1,2,3", "1e5", "0.1", "+7", "1,234.5", "１２，３４５", "9999999999999999", ".5", "5."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseNumber(workbook.Cell{Kind: workbook.Text, Value: s})
		if err != nil {
			return
		}
		want, ok := new(big.Rat).SetString(strings.NewReplacer(",", "", " ", "").Replace(Normalize(s)))
		if !ok || want.Cmp(v.Rat()) != 0 {
			t.Fatalf("%q read as %s, a person reads %v", s, v, want)
		}
		again, err := ParseNumber(workbook.Cell{Kind: workbook.Text, Value: v.String()})
		if err != nil || !again.Equal(v) {
			t.Fatalf("%q → %s → %s, %v", s, v, again, err)
		}
	})
}

func FuzzParsePercent(f *testing.F) {
	for _, s := range []string{"24%", "２４．５％", "0.24", "24", "-5%", "%", "1e2%"} {
		f.Add(s, false)
	}
	f.Add("0.24", true)
	f.Fuzz(func(t *testing.T, s string, percentFormat bool) {
		c := workbook.Cell{Kind: workbook.Text, Value: s}
		if percentFormat {
			c = workbook.Cell{Kind: workbook.Number, Value: s, NumFmt: "0.00%"}
		}
		v, _, err := ParsePercent(c)
		if err != nil {
			return
		}
		again, _, err := ParsePercent(workbook.Cell{Kind: workbook.Text, Value: v.String() + "%"})
		if err != nil || !again.Equal(v) {
			t.Fatalf("%q → %s%% → %s, %v", s, v, again, err)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-01-15", "2024/1/15", "2024.1.15", "2024年1月15日", "２０２４年１月１５日", "45306", "2024-02-30", "1E+999999999"} {
		f.Add(s, false)
	}
	f.Add("45306", true)
	f.Fuzz(func(t *testing.T, s string, numeric bool) {
		c := workbook.Cell{Kind: workbook.Text, Value: s}
		if numeric {
			c.Kind = workbook.Number
		}
		d, err := ParseDate(c)
		if err != nil {
			return
		}
		if d.First.Year() < 1900 || d.Last.Year() > 9999 || d.First.Hour() != 0 || d.First.Location() != time.UTC || d.Last.Before(d.First) {
			t.Fatalf("%q read as %v", s, d)
		}
		written := d.First.Format(time.DateOnly)
		if d.IsMonth() {
			written = d.First.Format("2006-01")
		}
		again, err := ParseDate(workbook.Cell{Kind: workbook.Text, Value: written})
		if err != nil || again != d {
			t.Fatalf("%q → %v → %v, %v", s, d, again, err)
		}
	})
}

func FuzzParseYesNo(f *testing.F) {
	for _, s := range []string{"是", "否", "Y", "n", "√", "×", "1", "0", "TRUE", "false", " 是 ", "可能"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		yes, err := ParseYesNo(workbook.Cell{Kind: workbook.Text, Value: s})
		if err != nil {
			return
		}
		again, err := ParseYesNo(workbook.Cell{Kind: workbook.Text, Value: map[bool]string{true: "是", false: "否"}[yes]})
		if err != nil || again != yes {
			t.Fatalf("%q → %v → %v", s, yes, again)
		}
	})
}

// Header normalisation never panics, and a normalised name is a fixed point.
func FuzzNormalizeHeader(f *testing.F) {
	for _, s := range []string{"2023年产值\n（亿元）", "是否规上工业企业", "增加值率（％）", "(kWh)", "是否是否", "（", "()"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		name, _, _ := normalizeHeader(s)
		again, _, hadUnit := normalizeHeader(name)
		if !hadUnit && !strings.HasPrefix(name, "是否") && again != name {
			t.Fatalf("%q → %q → %q", s, name, again)
		}
		(&Table{index: testSpec.headerIndex()}).fieldOf(s)
	})
}

// A workbook whose zip is damaged in any one byte is read or refused, never a panic or hang.
func FuzzOpenDamagedWorkbook(f *testing.F) {
	f.Add(uint16(100), byte(0xFF))
	f.Add(uint16(3), byte(0))
	f.Fuzz(func(t *testing.T, at uint16, b byte) {
		data := sampleWorkbook(t)
		data[int(at)%len(data)] ^= b
		path := filepath.Join(t.TempDir(), "damaged.xlsx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		book, err := workbook.Open(path, "", workbook.DefaultLimits)
		if err != nil {
			return
		}
		defer book.Close()
		table, err := ReadTable(book, testSpec, ReadOptions{})
		if err != nil {
			return
		}
		_ = table.Scan(func(Line) error { return nil })
	})
}

var sampleBytes []byte

// sampleWorkbook is a small valid workbook, built once.
func sampleWorkbook(t *testing.T) []byte {
	if sampleBytes == nil {
		path := build(t, [][]any{
			{"标题"},
			{"企业名称", "统一社会信用代码", "2023年产值(万元)", "增加值率(%)"},
			{"甲", "913501127300791959", 60000, 24},
			{"合计", nil, 60000},
		}, nil)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		sampleBytes = data
	}
	return bytes.Clone(sampleBytes)
}
