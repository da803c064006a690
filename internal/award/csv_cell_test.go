package award

import "testing"

func TestCSVCellsStayAsWritten(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"60000", "60000"},
		{"-3", "-3"},
		{"0", "0"},
		{"13812345678", "13812345678"},     // 11 digits: shown in full as a number
		{"007", "007\t"},                   // a leading zero would be dropped
		{"123456789012", "123456789012\t"}, // 12 digits: scientific notation
		{"6222021001122334455", "6222021001122334455\t"}, // past 15 digits: rounded for good
		{"913501127300791959", "913501127300791959\t"},   // a code outside the code column
		{" 0012 ", " 0012 \t"},
		{"=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"},
		{"+86 591", "'+86 591"},
		{"-A1", "'-A1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"91350112730158387M", "91350112730158387M"},
		{"", ""},
	} {
		if got := csvText(tc.in); got != tc.want {
			t.Errorf("csvText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCSVCodeFormulaOnlyForCheckedDigits(t *testing.T) {
	for _, tc := range []struct {
		in      string
		checked bool
		want    string
	}{
		{"913501127300791959", true, `="913501127300791959"`},
		{"913501127300791958", false, "913501127300791958\t"}, // wrong check digit: no formula
		{"91350112730158387M", true, "91350112730158387M"},
		{"=1+1", false, "'=1+1"},
		{"", false, ""},
	} {
		if got := csvCode(tc.in, tc.checked); got != tc.want {
			t.Errorf("csvCode(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
