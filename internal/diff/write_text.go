package diff

import (
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/changle/subsidy/internal/award"
	"github.com/changle/subsidy/internal/measure"
)

// WriteText writes the comparison for the terminal: each measure's changed claims with both
// reasons, then the budget of each measure, old against new.
func WriteText(w io.Writer, r *Result) error {
	var b strings.Builder
	writeClaims(&b, r)
	writeBudget(&b, r)
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteBudget writes only the budget of each measure, as a summary beside a written comparison.
func WriteBudget(w io.Writer, r *Result) error {
	var b strings.Builder
	writeBudget(&b, r)
	_, err := io.WriteString(w, b.String())
	return err
}

func writeClaims(b *strings.Builder, r *Result) {
	fmt.Fprintf(b, "原结果：%s\n新结果：%s\n", r.Old, r.New)
	for _, m := range r.Measures {
		fmt.Fprintf(b, "\n%s（%s）", m.Title, m.Clause)
		switch {
		case !m.InNew:
			fmt.Fprintf(b, "：只在原结果中，%d 行\n", m.Old.Rows)
			continue
		case !m.InOld:
			fmt.Fprintf(b, "：只在新结果中，%d 行\n", m.New.Rows)
			continue
		}
		fmt.Fprintf(b, "：状态或金额变化 %d 项，仅在原结果 %d 项，仅在新结果 %d 项\n", m.Count(Changed), m.Count(OnlyOld), m.Count(OnlyNew))
		for _, c := range m.Changes {
			writeChange(b, m, c)
		}
	}
	b.WriteString("\n")
}

func writeBudget(b *strings.Builder, r *Result) {
	b.WriteString("预算对比（元）\n")
	total := decimal.Zero
	for _, m := range r.Measures {
		fmt.Fprintf(b, "  %s：原 %s（予以奖励 %d 行）→ 新 %s（予以奖励 %d 行），差额 %s\n", m.Title,
			award.Yuan(m.Old.Award), m.Old.ByStatus[award.Awarded], award.Yuan(m.New.Award), m.New.ByStatus[award.Awarded], signed(m.Difference()))
		total = total.Add(m.Difference())
	}
	if len(r.Measures) > 1 {
		fmt.Fprintf(b, "  合计差额 %s\n", signed(total))
	}
	if !r.Differs() {
		b.WriteString("两次结果相同：没有状态或金额不同的申报\n")
	}
}

// writeChange writes one claim: who, what it was and is, and why on each side.
func writeChange(b *strings.Builder, m Measure, c Change) {
	var who []string
	for i, f := range m.Identity {
		if c.Identity[i] != "" {
			who = append(who, f.Header+" "+c.Identity[i])
		}
	}
	fmt.Fprintf(b, "  %s  %s  %s\n", c.Kind.Label(), c.Name, strings.Join(who, "，"))
	fmt.Fprintf(b, "    %s → %s，差额 %s\n", side(c.Old), side(c.New), signed(c.Difference()))
	if c.Old != nil {
		fmt.Fprintf(b, "    原：%s\n", c.Old.Explanation)
	}
	if c.New != nil {
		fmt.Fprintf(b, "    新：%s\n", c.New.Explanation)
	}
}

// side is a claim's status and award on one side: "予以奖励 200,000.00" or "（无）".
func side(d *measure.Decided) string {
	if d == nil {
		return "（无）"
	}
	return d.Status.Label() + " " + award.Yuan(d.Award)
}

// signed writes a difference with its sign: +50,000.00, -3,000.00, 0.00.
func signed(d decimal.Decimal) string {
	if d.IsPositive() {
		return "+" + award.Yuan(d)
	}
	return award.Yuan(d)
}
