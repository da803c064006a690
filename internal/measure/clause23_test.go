package measure

import (
	"testing"
)

// Recruitment lists as staff write them: other headers, dates as text, yyyymmdd numbers and
// date cells, the words for 省内/省外 they use, a title and a notes row.
func TestRecruitVariantSheet(t *testing.T) {
	path := bookAsSaved(t, false,
		[]any{"2024年赴外招聘活动补助汇总表"},
		[]any{"企业名称", "社会信用代码", "重点企业", "活动日期", "活动地点(省内/省外)"},
		[]any{"甲", codeA, "是", "2024/2/1", "福建省外"},
		[]any{"甲", codeA, "是", 20240210, "本省"},
		[]any{"甲", codeA, "是", stored{"45366", "yyyy-mm-dd"}, "省外"}, // 2024-03-15: the third
		[]any{"乙", codeB, "√", "2024年1月5日", "外省"},
		[]any{"乙", codeB, "是", "2024-01-05", "省外"}, // 外省 = 省外: the same event twice
		[]any{"注：每家企业每年最多补助2次"},
	)
	got, err := runJSON(t, Recruit, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []decision{
		{"甲", codeA, "awarded", "3000.00"},
		{"甲", codeA, "awarded", "1000.00"},
		{"甲", codeA, "not_eligible", "0.00"},
		{"乙", codeB, "invalid", "0.00"},
		{"乙", codeB, "invalid", "0.00"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

// 稳定就业 lists with the clause's own words for the columns, 亿元, and the optional
// 是否符合其他文件规定 column standing in for 龙头企业.
func TestStableJobsVariantSheet(t *testing.T) {
	path := bookAsSaved(t, false,
		[]any{"企业名称", "统一社会信用代码", "是否福州市工业龙头企业", "是否符合其他文件规定",
			"2024年第一季度工业总产值(亿元)", "2023年第四季度工业总产值(亿元)", "2024年一季度失业保险月平均参保缴费人数", "2023年四季度失业保险月平均参保缴费人数"},
		[]any{"甲", codeA, "否", "是", 0.9, 1, 90, 100},                                      // 90% (含90%) both: eligible
		[]any{"乙", codeB, "否", "否", 0.95, 1, 95, 100},                                     // neither 龙头 nor other documents
		[]any{"丙", "913501127302375792", "是", nil, 0.9, 1, asExcelWrites(89.99, ""), 100}, // headcount < 90%
	)
	got, err := runJSON(t, StableJobs, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"pending", "not_eligible", "not_eligible"} // the amount "按规定标准" is not set
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i].Status != want[i] || got[i].Award != "0.00" {
			t.Errorf("row %d: got %+v, want %s", i, got[i], want[i])
		}
	}
}
