package calc

import (
	"strings"
	"testing"

	"github.com/changle/subsidy/internal/policy"
)

func stable(out24, out23, ins24, ins23 string) StableJobsInput {
	in := StableJobsInput{Leading: Yes}
	for _, f := range []struct {
		to   *Figure
		text string
	}{{&in.OutputQuarter, out24}, {&in.OutputPrevious, out23}, {&in.InsuredQuarter, ins24}, {&in.InsuredPrevious, ins23}} {
		if f.text != "" {
			*f.to = Given(d(f.text))
		}
	}
	return in
}

// 第23条 稳定就业奖补 at its boundaries: 90%（含90%） exactly and just under, for output and
// headcount; zero and missing bases; the subject; the amount "按规定标准" unset, then set.
func TestStableJobs(t *testing.T) {
	p := builtin(t).StableJobs
	cases := []struct {
		name   string
		in     StableJobsInput
		status Status
	}{
		{"both exactly 90% (含90%): eligible, amount unset", stable("9000", "10000", "90", "100"), Pending},
		{"output 89.9999%", stable("8999.99", "10000", "90", "100"), NotEligible},
		{"output 90.0001%", stable("9000.01", "10000", "90", "100"), Pending},
		{"headcount 89.9%", stable("9000", "10000", "89.9", "100"), NotEligible},
		{"headcount above", stable("9000", "10000", "120", "100"), Pending},
		{"output base 0", stable("9000", "0", "90", "100"), Pending},
		{"headcount base missing", stable("9000", "10000", "90", ""), Pending},
		{"output missing", stable("", "10000", "90", "100"), Pending},
		{"output fails, headcount base 0: not_eligible first", stable("100", "10000", "90", "0"), NotEligible},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := StableJobs(p, c.in)
			if o.Status != c.status || !o.Award.IsZero() || o.Clause != "第23条" {
				t.Errorf("got %s %s %s, want %s; %v", o.Status, o.Award, o.Clause, c.status, o.Reasons)
			}
		})
	}
	o := StableJobs(p, stable("9000", "10000", "90", "100"))
	if all := strings.Join(o.Reasons, "；"); !strings.Contains(all, "按规定标准") || !strings.Contains(all, "符合一次性稳定就业奖补条件") {
		t.Errorf("an eligible row without an amount should say the standard is not set by the plan: %s", all)
	}
}

func TestStableJobsSubject(t *testing.T) {
	p := builtin(t).StableJobs
	in := stable("9500", "10000", "95", "100")
	for _, c := range []struct {
		leading, other Answer
		status         Status
	}{
		{Yes, Unanswered, Pending}, {No, Yes, Pending}, {No, Unanswered, NotEligible}, {No, No, NotEligible},
		{Unanswered, Unanswered, Pending}, {Unanswered, Yes, Pending},
	} {
		in.Leading, in.OtherQualifying = c.leading, c.other
		if o := StableJobs(p, in); o.Status != c.status {
			t.Errorf("龙头 %v 其他 %v: got %s, want %s; %v", c.leading, c.other, o.Status, c.status, o.Reasons)
		}
	}
}

// With the amount set in a policy file, eligible rows are paid it.
func TestStableJobsWithAmount(t *testing.T) {
	p := builtin(t).StableJobs
	amount, err := policy.ParseMoney("5万元")
	if err != nil {
		t.Fatal(err)
	}
	p.Award = &amount
	if o := StableJobs(p, stable("9000", "10000", "90", "100")); o.Status != Awarded || o.Award.StringFixed(2) != "50000.00" {
		t.Errorf("got %s %s; %v", o.Status, o.Award, o.Reasons)
	}
	if o := StableJobs(p, stable("8999.99", "10000", "90", "100")); o.Status != NotEligible {
		t.Errorf("got %s", o.Status)
	}
}
