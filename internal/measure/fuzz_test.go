package measure

import "testing"

// A workbook of fuzzed cells goes through valueadd: one row in, one row out, with a
// known status, an award that is one of the tiers or 0, and a reason unless awarded.
func FuzzWorkbook(f *testing.F) {
	f.Add("甲公司", "913501127300791959", "60,000", "24%", "是")
	f.Add("=cmd|' /C calc'!A0", "91350100M0001TGQXM", "1E+999999999", "0.24", "√")
	f.Add("合计", "", "", "", "")
	f.Add("注：", "x", "-1", "-5", "否")
	f.Fuzz(func(t *testing.T, name, code, output, rate, aboveScale string) {
		path := writeBook(t, "fuzz.xlsx", []cellSpec{
			{"A1", "企业名称", 0}, {"B1", "统一社会信用代码", 0}, {"C1", "2023年产值(万元)", 0}, {"D1", "增加值率(%)", 0}, {"E1", "是否规上工业企业", 0},
			{"A2", name, 0}, {"B2", code, 0}, {"C2", output, 0}, {"D2", rate, 0}, {"E2", aboveScale, 0},
		})
		got, err := runJSON(t, ValueAdd, path, Options{})
		if err != nil {
			return // e.g. a value too long for a cell: refused with a message, not a crash
		}
		if len(got) > 1 {
			t.Fatalf("one row in, %d out: %+v", len(got), got)
		}
		for _, d := range got {
			switch {
			case d.Status == "awarded" && d.Award != "50000.00" && d.Award != "30000.00" && d.Award != "20000.00":
				t.Fatalf("award %s is no tier", d.Award)
			case d.Status != "awarded" && d.Award != "0.00":
				t.Fatalf("%s with award %s", d.Status, d.Award)
			case d.Status != "awarded" && d.Status != "not_eligible" && d.Status != "pending" && d.Status != "invalid":
				t.Fatalf("status %q", d.Status)
			}
		}
	})
}
