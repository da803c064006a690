package diff

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/changle/subsidy/internal/award"
	"github.com/changle/subsidy/internal/measure"
	"github.com/changle/subsidy/internal/policy"
)

func builtin(t *testing.T) *policy.Policy {
	t.Helper()
	p, err := policy.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// row is a decided row: code, claim fields, status, award.
func row(code string, claim []string, status award.Status, amount string) measure.Decided {
	return measure.Decided{Code: code, Claim: claim, Name: "企业" + code, Status: status, Award: decimal.RequireFromString(amount), Explanation: "说明" + amount}
}

func output(name string, m measure.Measure, known []bool, rows ...measure.Decided) Output {
	return Output{Name: name, Decisions: []measure.Decisions{{Measure: m, Known: known, Rows: rows}}}
}

// summary is what changed, one line per change: kind, identity, old → new award.
func summary(m Measure) []string {
	var lines []string
	for _, c := range m.Changes {
		lines = append(lines, string(c.Kind)+" "+strings.Join(c.Identity, "/")+" "+awardOf(c.Old).StringFixed(0)+"→"+awardOf(c.New).StringFixed(0))
	}
	return lines
}

func compare(t *testing.T, old, new Output) *Result {
	t.Helper()
	res, err := Compare(builtin(t), old, new)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func sameLines(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Rows in another order are the same claims: nothing differs.
func TestReorderedRowsMatch(t *testing.T) {
	a := row("A", nil, award.Awarded, "50000")
	b := row("B", nil, award.NotEligible, "0")
	c := row("C", nil, award.Awarded, "20000")
	res := compare(t, output("old", measure.ValueAdd, nil, a, b, c), output("new", measure.ValueAdd, nil, c, a, b))
	if res.Differs() || len(res.Measures[0].Changes) != 0 {
		t.Errorf("reordered rows differ: %v", summary(res.Measures[0]))
	}
}

// A changed award, a claim only in the old output and one only in the new; the budget
// difference is the difference of the totals.
func TestChangedAndOnlyInOne(t *testing.T) {
	old := output("old", measure.PowerBonus, nil,
		row("A", nil, award.Awarded, "200000"), row("B", nil, award.Awarded, "30000"), row("C", nil, award.Pending, "0"))
	new := output("new", measure.PowerBonus, nil,
		row("C", nil, award.Awarded, "12000"), row("A", nil, award.Awarded, "250000"), row("D", nil, award.Awarded, "15000"))
	res := compare(t, old, new)
	m := res.Measures[0]
	sameLines(t, summary(m), []string{"changed A 200000→250000", "changed C 0→12000", "only_in_old B 30000→0", "only_in_new D 0→15000"})
	if got, want := m.Difference(), m.New.Award.Sub(m.Old.Award); !got.Equal(want) || got.String() != "47000" {
		t.Errorf("difference %s, totals %s → %s", got, m.Old.Award, m.New.Award)
	}
	if m.Old.Rows != 3 || m.New.ByStatus[award.Awarded] != 3 || m.Old.ByStatus[award.Pending] != 1 {
		t.Errorf("totals %+v → %+v", m.Old, m.New)
	}
	if !res.Differs() {
		t.Error("Differs() = false")
	}
}

// techreform: one enterprise's projects are separate claims, matched by name.
func TestTechReformProjects(t *testing.T) {
	known := []bool{true}
	old := output("old", measure.TechReform, known,
		row("A", []string{"一号线改造"}, award.Awarded, "10000"), row("A", []string{"二号线改造"}, award.Awarded, "20000"))
	new := output("new", measure.TechReform, known,
		row("A", []string{"二号线改造"}, award.Awarded, "20000"), row("A", []string{"一号线改造"}, award.Awarded, "15000"),
		row("A", []string{"三号线改造"}, award.Awarded, "6000"))
	m := compare(t, old, new).Measures[0]
	sameLines(t, summary(m), []string{"changed A/一号线改造 10000→15000", "only_in_new A/三号线改造 0→6000"})
	if len(m.Identity) != 2 || m.Identity[1].Header != "项目名称" || m.Identity[1].JSON != "project" {
		t.Errorf("identity %v", m.Identity)
	}
}

// recruit: each event is a claim, by date and place; JSON Lines hold no place, so against
// them events are matched by date alone, two events of one day pairing as they agree.
func TestRecruitEvents(t *testing.T) {
	both := []bool{true, true}
	in := func(date, place string, status award.Status, amount string) measure.Decided {
		return row("A", []string{date, place}, status, amount)
	}
	old := output("old.xlsx", measure.Recruit, both,
		in("2024-01-10", "省外", award.Awarded, "3000"), in("2024-01-10", "省内", award.Awarded, "1000"), in("2024-03-01", "省外", award.NotEligible, "0"))
	new := output("new.xlsx", measure.Recruit, both,
		in("2024-01-10", "省内", award.Awarded, "1000"), in("2024-03-01", "省外", award.Awarded, "3000"), in("2024-01-10", "省外", award.Awarded, "3000"))
	m := compare(t, old, new).Measures[0]
	sameLines(t, summary(m), []string{"changed A/2024-03-01/省外 0→3000"})

	jsonOld := output("old.jsonl", measure.Recruit, []bool{true, false},
		in("2024-01-10", "", award.Awarded, "3000"), in("2024-01-10", "", award.Awarded, "1000"), in("2024-03-01", "", award.NotEligible, "0"))
	m = compare(t, jsonOld, new).Measures[0]
	sameLines(t, summary(m), []string{"changed A/2024-03-01 0→3000"})
	if len(m.Identity) != 2 || m.Identity[1].JSON != "event_date" {
		t.Errorf("identity %v, want code and date only", m.Identity)
	}
}

// Two outputs of different measures are refused; an output of several measures compares the
// one they share and lists the others as only in one.
func TestMeasures(t *testing.T) {
	va := output("va.xlsx", measure.ValueAdd, nil, row("A", nil, award.Awarded, "50000"))
	pb := output("pb.xlsx", measure.PowerBonus, nil, row("A", nil, award.Awarded, "20000"))
	_, err := Compare(builtin(t), va, pb)
	if err == nil || !strings.Contains(err.Error(), "va.xlsx 是“增加值率奖励”的结果，pb.xlsx 是“增产增效奖励”的结果") {
		t.Errorf("different measures: %v", err)
	}
	all := Output{Name: "all.xlsx", Decisions: append(append([]measure.Decisions(nil), va.Decisions...), pb.Decisions...)}
	res := compare(t, va, all)
	if len(res.Measures) != 2 || !res.Measures[0].InOld || !res.Measures[0].InNew || res.Measures[1].InOld || !res.Measures[1].InNew {
		t.Fatalf("measures %+v", res.Measures)
	}
	if len(res.Measures[0].Changes) != 0 || !res.Differs() {
		t.Errorf("shared measure changed, or the measure only in one not counted as a difference")
	}
	empty := Output{Name: "empty.jsonl"}
	if _, err := Compare(builtin(t), empty, pb); err != nil {
		t.Errorf("an output with no rows: %v", err)
	}
}

// Rows of one claim twice (duplicates, 数据有误) pair as they agree, then in order; the extra
// one is only in one.
func TestDuplicatesPair(t *testing.T) {
	old := output("old", measure.ValueAdd, nil, row("A", nil, award.Invalid, "0"), row("A", nil, award.Invalid, "0"))
	new := output("new", measure.ValueAdd, nil, row("A", nil, award.Awarded, "50000"))
	sameLines(t, summary(compare(t, old, new).Measures[0]), []string{"changed A 0→50000", "only_in_old A 0→0"})
	new = output("new", measure.ValueAdd, nil, row("A", nil, award.Awarded, "50000"), row("A", nil, award.Invalid, "0"))
	sameLines(t, summary(compare(t, old, new).Measures[0]), []string{"changed A 0→50000"})
}
