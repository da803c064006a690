package cmd

import (
	"github.com/changle/subsidy/internal/award"

	"fmt"
	"io"
	"strings"

	"github.com/changle/subsidy/internal/measure"
)

// printSummary writes the short Chinese summary of a run to stderr.
func printSummary(w io.Writer, res *measure.Result) {
	r := res.Report
	t := r.Tally
	fmt.Fprintf(w, "%s（%s）：工作表“%s”，表头第%d行，共 %d 行\n", r.Title, r.Clause, r.Table.Sheet, r.Table.HeaderRow, t.Count())
	for _, s := range award.Statuses {
		line := fmt.Sprintf("  %s  %5d 行", padLabel(s.Label()), t.Rows[s])
		if s == award.Awarded {
			line += "  " + award.Yuan(t.Award[s]) + " 元"
		}
		fmt.Fprintln(w, line)
	}
	fmt.Fprintf(w, "  %s  %5d 行  %s 元\n", padLabel("合计"), t.Count(), award.Yuan(t.Total))
	if sk := r.Table.Skipped; sk.Blank+sk.Total+sk.Notes > 0 {
		fmt.Fprintf(w, "  略过：空行 %d，合计行 %d，说明行 %d\n", sk.Blank, sk.Total, sk.Notes)
	}
	for _, f := range r.Table.Assumed {
		fmt.Fprintf(w, "  假定：表中没有“%s”列，视为全部是\n", f.Header)
	}
	if res.Output != "-" {
		fmt.Fprintf(w, "输出：%s\n", res.Output)
	}
}

// padLabel pads a Chinese label to five characters' width.
func padLabel(s string) string {
	return s + strings.Repeat("  ", max(0, 5-len([]rune(s))))
}

// printNotices writes what the user must see even with --quiet (SPEC §5).
func printNotices(w io.Writer, res *measure.Result) {
	if r := res.Report; r.Tally.Count() == 0 {
		fmt.Fprintf(w, "注意：工作表“%s”表头第%d行之下没有数据行，奖励表中没有企业：请在表头下逐行填写后再运行\n", r.Table.Sheet, r.Table.HeaderRow)
	}
}
