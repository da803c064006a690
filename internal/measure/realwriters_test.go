package measure

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/changle/subsidy/internal/policy"
)

// stored is a numeric cell as a spreadsheet program writes it: the text of its <v> element
// (Excel writes 17 significant digits: 24% is 0.23999999999999999) and its number format.
type stored struct {
	v      string
	numFmt string
}

// asExcelWrites is a number as Excel stores it: the double's 17 significant digits.
func asExcelWrites(typed float64, numFmt string) stored {
	return stored{strconv.FormatFloat(typed, 'g', 17, 64), numFmt}
}

// bookAsSaved writes one sheet of rows the way a spreadsheet program saves it: stored cells
// keep their exact <v> text and number format; date1904 sets the workbook's date system.
func bookAsSaved(t *testing.T, date1904 bool, rows ...[]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if date1904 {
		yes := true
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
			t.Fatal(err)
		}
	}
	raw := map[string]string{}
	for i, row := range rows {
		for j, v := range row {
			ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
			s, ok := v.(stored)
			if !ok {
				if v != nil {
					if err := f.SetCellValue("Sheet1", ref, v); err != nil {
						t.Fatal(err)
					}
				}
				continue
			}
			if err := f.SetCellValue("Sheet1", ref, 0); err != nil {
				t.Fatal(err)
			}
			raw[ref] = s.v
			if s.numFmt != "" {
				style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &s.numFmt})
				if err != nil {
					t.Fatal(err)
				}
				f.SetCellStyle("Sheet1", ref, ref, style)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "saved.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	if len(raw) > 0 {
		patchSheet(t, path, func(xml string) string {
			for ref, v := range raw {
				cell := regexp.MustCompile(`(<c r="` + ref + `"[^>]*>)<v>0</v>`)
				xml = cell.ReplaceAllString(xml, "${1}<v>"+v+"</v>")
			}
			return xml
		})
	}
	return path
}

const (
	codeA = "913501127300791959"
	codeB = "91350112730158387M"
)

// Workbooks as Excel, WPS and LibreOffice store them give the awards the clause text gives.
// Each expectation is worked out from the clause, in the case's name.
func TestAwardsFromWorkbooksAsSaved(t *testing.T) {
	valueadd := []any{"企业名称", "统一社会信用代码", "2023年产值(万元)", "增加值率(%)"}
	valueaddVA := []any{"企业名称", "统一社会信用代码", "2023年产值(万元)", "2023年工业增加值(万元)"}
	spring := []any{"企业名称", "统一社会信用代码", "春节期间用电量(千瓦时)", "市级奖励金额(元)"}
	tech := []any{"企业名称", "统一社会信用代码", "项目名称", "开工时间", "省级技改补助(元)", "市级技改补助(元)"}
	listing := []any{"企业名称", "统一社会信用代码", "是否纳入小升规培育库", "纳统类型", "是否首次纳统", "纳统时间"}
	power := []any{"企业名称", "统一社会信用代码", "行业代码", "是否符合省级增产增效奖励条件", "一季度产值增幅(%)", "一季度用电增幅(%)", "市级奖励金额(元)"}
	date := func(serial string) stored { return stored{serial, "yyyy-mm-dd"} }
	cases := []struct {
		name     string
		measure  Measure
		date1904 bool
		header   []any
		row      []any
		status   string
		award    string
	}{
		{"第7条: 6亿元, 24% typed in Excel (0.23999999999999999) ≥ 24% → 5万", ValueAdd, false, valueadd,
			[]any{"甲", codeA, 60000, asExcelWrites(0.24, "0%")}, "awarded", "50000.00"},
		{"第7条: 6亿元, 0.23995 shown as 24.00% is 23.995% < 24%, ≥ 22% → 3万", ValueAdd, false, valueadd,
			[]any{"甲", codeA, 60000, stored{"0.23995", "0.00%"}}, "awarded", "30000.00"},
		{`第7条: 6亿元, 22.5 formatted 0.00"%" is 22.5% → 3万`, ValueAdd, false, valueadd,
			[]any{"甲", codeA, 60000, stored{"22.5", `0.00"%"`}}, "awarded", "30000.00"},
		{`第7条: 6亿元, 22.5 formatted 0.00\% is 22.5% → 3万`, ValueAdd, false, valueadd,
			[]any{"甲", codeA, 60000, stored{"22.5", `0.00\%`}}, "awarded", "30000.00"},
		{"第7条: a plain 0.24 in 增加值率 is a fraction typed by mistake → 数据有误", ValueAdd, false, valueadd,
			[]any{"甲", codeA, 60000, 0.24}, "invalid", "0.00"},
		{"第7条: 增加值率 120 is outside 0–100% → 数据有误", ValueAdd, false, valueadd,
			[]any{"甲", codeA, 60000, 120}, "invalid", "0.00"},
		{"第7条: 增加值 above 产值 → 数据有误", ValueAdd, false, valueaddVA,
			[]any{"甲", codeA, 60000, 70000}, "invalid", "0.00"},
		{"a code typed into a number cell has lost its last digits → 数据有误", ValueAdd, false, valueadd,
			[]any{"甲", stored{"9.1350112730079194E+17", ""}, 60000, 24}, "invalid", "0.00"},
		{"第7条: 产值 −60000 → 数据有误", ValueAdd, false, valueadd,
			[]any{"甲", codeA, -60000, 25}, "invalid", "0.00"},
		{"第9条: 市级 20000.01 typed in Excel (20000.009999999998) × 50% = 10000.005 → 10000.01 > 1万 → paid", SpringFestival, false, spring,
			[]any{"甲", codeA, 800000, asExcelWrites(20000.01, "")}, "awarded", "10000.01"},
		{"第9条: 市级 −40000 → 数据有误, not 未获市级奖励", SpringFestival, false, spring,
			[]any{"甲", codeA, 800000, -40000}, "invalid", "0.00"},
		{"第9条: 用电量 −800000 → 数据有误", SpringFestival, false, spring,
			[]any{"甲", codeA, -800000, 40000}, "invalid", "0.00"},
		{"第14条: 省级 −100000 → 数据有误, not 90000", TechReform, false, tech,
			[]any{"甲", codeA, "技改一期", "2024-02-01", -100000, 600000}, "invalid", "0.00"},
		{"第14条: 分别给予 100000.05×30% → 30000.02, 50000.03×20% → 10000.01 → 40000.03", TechReform, false, tech,
			[]any{"甲", codeA, "技改一期", "2024-02-01", asExcelWrites(100000.05, ""), asExcelWrites(50000.03, "")}, "awarded", "40000.03"},
		{"第14条: 1904 workbook, serial 43844 is 2024-01-15, in 一季度 → 30%×100000", TechReform, true, tech,
			[]any{"甲", codeA, "技改一期", date("43844"), 100000, nil}, "awarded", "30000.00"},
		{"第14条: 1904 workbook, serial 43935 is 2024-04-15, after 一季度", TechReform, true, tech,
			[]any{"甲", codeA, "技改一期", date("43935"), 100000, nil}, "not_eligible", "0.00"},
		{"第14条: 1900 workbook, serial 45306 is 2024-01-15", TechReform, false, tech,
			[]any{"甲", codeA, "技改一期", date("45306"), 100000, nil}, "awarded", "30000.00"},
		{"第10条: 纳统时间 202401 as a number is 2024年1月, within 2024 → 30万", NewListing, false, listing,
			[]any{"甲", codeA, "是", "新投产纳统", "是", 202401}, "awarded", "300000.00"},
		{"第10条: 纳统时间 text 202401", NewListing, false, listing,
			[]any{"甲", codeA, "是", "新投产纳统", "是", "202401"}, "awarded", "300000.00"},
		{"第10条: 纳统时间 2024年1月", NewListing, false, listing,
			[]any{"甲", codeA, "是", "新投产纳统", "是", "2024年1月"}, "awarded", "300000.00"},
		{"第10条: 纳统时间 2024-01", NewListing, false, listing,
			[]any{"甲", codeA, "是", "新投产纳统", "是", "2024-01"}, "awarded", "300000.00"},
		{"第10条: 纳统时间 202312 is before 2024", NewListing, false, listing,
			[]any{"甲", codeA, "是", "新投产纳统", "是", 202312}, "not_eligible", "0.00"},
		{"第10条: the clause's 第一季度新投产纳统 → 30万", NewListing, false, listing,
			[]any{"甲", codeA, "是", "第一季度新投产纳统", "是", "2024-02-01"}, "awarded", "300000.00"},
		{"第10条: the clause's 规下转规上工业企业 → 30万", NewListing, false, listing,
			[]any{"甲", codeA, "是", "规下转规上工业企业", "是", "2024-02-01"}, "awarded", "300000.00"},
		{"第10条: the clause's 新建投产纳统 → 30万", NewListing, false, listing,
			[]any{"甲", codeA, "是", "新建投产纳统", "是", "2024-02-01"}, "awarded", "300000.00"},
		{"第10条: 其他 is not a type the clause rewards", NewListing, false, listing,
			[]any{"甲", codeA, "是", "其他", "是", "2024-02-01"}, "not_eligible", "0.00"},
		{"第10条: 股改 is no type at all → 数据有误", NewListing, false, listing,
			[]any{"甲", codeA, "是", "股改", "是", "2024-02-01"}, "invalid", "0.00"},
		{"第8条: an electricity company (D4411) is not 制造业, though no 制造业 column", PowerBonus, false, power,
			[]any{"甲", codeA, "D4411", "是", 20, 10, 100000}, "not_eligible", "0.00"},
		{"第8条: C3311 is 制造业: 100000 × 50% → 5万", PowerBonus, false, power,
			[]any{"甲", codeA, "C3311", "是", 20, 10, 100000}, "awarded", "50000.00"},
		{"第8条: 市级 20000.01 typed in Excel → 10000.01 > 1万 → paid", PowerBonus, false, power,
			[]any{"甲", codeA, "C3311", "是", 20, 10, asExcelWrites(20000.01, "")}, "awarded", "10000.01"},
		{"第8条: 市级 −30000 → 数据有误", PowerBonus, false, power,
			[]any{"甲", codeA, "C3311", "是", 20, 10, -30000}, "invalid", "0.00"},
		{"第8条: growths may be negative: −5% ≥ −8% → paid", PowerBonus, false, power,
			[]any{"甲", codeA, "C3311", "是", -5, -8, 100000}, "awarded", "50000.00"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := bookAsSaved(t, c.date1904, c.header, c.row)
			got, err := runJSON(t, c.measure, path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || got[0].Status != c.status || got[0].Award != c.award {
				t.Errorf("got %+v, want %s %s", got, c.status, c.award)
			}
		})
	}
}

// The reason quotes the figure the rule decided on, as Excel holds it: 20000.01, not the
// stored 20000.009999999998 and not a display rounding.
func TestReasonQuotesTheCellAsExcelHoldsIt(t *testing.T) {
	path := bookAsSaved(t, false, []any{"企业名称", "统一社会信用代码", "春节期间用电量(千瓦时)", "市级奖励金额(元)"},
		[]any{"甲", codeA, asExcelWrites(800000.5, ""), asExcelWrites(20000.01, "")})
	out, _ := runRaw(t, SpringFestival, builtinPolicy(t), path)
	for _, want := range []string{"春节期间用电量800000.5千瓦时", "市级奖励20000.01元×50%=10000.005元，四舍五入为10000.01元"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("%q not in %s", want, out)
		}
	}
	if strings.Contains(string(out), "999999") {
		t.Errorf("a stored double leaked into the reason: %s", out)
	}
}

func builtinPolicy(t *testing.T) *policy.Policy {
	t.Helper()
	p, err := policy.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// A workbook as XlsxWriter writes it: formulas saved with a result of 0 and fullCalcOnLoad
// set. The 0 is no result: a figure computed by a formula is 数据有误, never read as 0.
func TestXlsxWriterFormulasAreNotZeros(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{
		{"序号", "企业名称", "统一社会信用代码", "春节期间用电量(千瓦时)", "市级奖励金额(元)"},
		{nil, "甲", codeA, 800000, 40000},
		{nil, "乙", codeB, 800000, nil},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	f.SetCellFormula("Sheet1", "A2", "ROW()-1") // a column nobody reads: changes nothing
	f.SetCellFormula("Sheet1", "A3", "ROW()-1") //
	f.SetCellFormula("Sheet1", "E3", "D3/40*2") // the municipal award, computed
	yes := true
	f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &yes})
	path := filepath.Join(t.TempDir(), "xlsxwriter.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
	patchSheet(t, path, func(xml string) string {
		return regexp.MustCompile(`(<f>[^<]*</f>)`).ReplaceAllString(xml, "${1}<v>0</v>")
	})
	got, err := runJSON(t, SpringFestival, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []decision{{"甲", codeA, "awarded", "20000.00"}, {"乙", codeB, "invalid", "0.00"}}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("got %+v, want %+v", got, want)
	}
}
