package policy

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func inForce(t *testing.T) *Policy {
	t.Helper()
	p, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Every kind of value is read as the file reads it, in its unit; old is 参数's form.
func TestSetEveryKind(t *testing.T) {
	cases := []struct {
		key, value, old string
		check           func(p *Policy) string
		want            string
	}{
		{"powerbonus.cap", "25万元", "20万元", func(p *Policy) string { return p.PowerBonus.Cap.Dec().String() }, "250000"},
		{"valueadd.tiers[0].rate_min.value", "23%", "24%", func(p *Policy) string { return p.ValueAdd.Tiers[0].RateMin.Value.Dec().String() }, "23"},
		{"springfestival.kwh_min.value", "40万千瓦时", "50万千瓦时", func(p *Policy) string { return p.SpringFestival.KWhMin.Value.Dec().String() }, "400000"},
		{"powerbonus.floor.inclusive", "false", "true", func(p *Policy) string {
			if p.PowerBonus.Floor.Inclusive {
				return "inclusive"
			}
			return "exclusive"
		}, "exclusive"},
		{"recruit.max_events_per_year", "3", "2", func(p *Policy) string { return strconv.Itoa(p.Recruit.MaxEventsPerYear) }, "3"},
		{"techreform.start_window.to", "2024-06-30", "2024-03-31", func(p *Policy) string { return p.TechReform.StartWindow.String() }, "2024-01-01至2024-06-30"},
		{"newlisting.inclusion_window", "2024-01-01至2024-06-30", "2024-01-01至2024-12-31", func(p *Policy) string { return p.NewListing.InclusionWindow.To.Format(time.DateOnly) }, "2024-06-30"},
		{"techreform.start_window", "{from: 2024-02-01, to: 2024-04-30}", "2024-01-01至2024-03-31", func(p *Policy) string { return p.TechReform.StartWindow.String() }, "2024-02-01至2024-04-30"},
		{"stablejobs.award", "5万元", "（未规定）", func(p *Policy) string { return p.StableJobs.Award.Dec().String() }, "50000"},
		{"valueadd.tiers[2].rate_min", "{value: 23%, inclusive: false}", "value=25%，inclusive=true", func(p *Policy) string {
			return p.ValueAdd.Tiers[2].RateMin.Versus(p.ValueAdd.Tiers[2].RateMin.Value.Dec())
		}, "≤23%"},
	}
	for _, c := range cases {
		t.Run(c.key, func(t *testing.T) {
			p := inForce(t)
			old, err := p.Set(c.key, c.value)
			if err != nil {
				t.Fatal(err)
			}
			if old != c.old {
				t.Errorf("old = %q, want %q", old, c.old)
			}
			if got := c.check(p); got != c.want {
				t.Errorf("after --set %s=%s: %s, want %s", c.key, c.value, got, c.want)
			}
		})
	}
}

// A changed period reaches every label: headers and reasons are written from it.
func TestSetPeriodRelabels(t *testing.T) {
	p := inForce(t)
	if _, err := p.Set("periods.base_year", "2024年"); err != nil {
		t.Fatal(err)
	}
	if got := p.ValueAdd.Label("{base_year}产值"); got != "2024年产值" {
		t.Errorf("label = %s", got)
	}
}

// A refused key or value is the file's own message, without a line of a file, and changes nothing.
func TestSetRefuses(t *testing.T) {
	cases := []struct{ key, value, want string }{
		{"powerbonus.kap", "25万元", "键 powerbonus.kap: 未知的键"},
		{"nosuch.cap", "1元", "键 nosuch: 未知的键"},
		{"powerbonus.cap.value", "1元", "键 powerbonus.cap.value: 未知的键"},
		{"powerbonus.cap", "25%", `键 powerbonus.cap: "25%" 的单位 % 不是金额单位`},
		{"powerbonus.cap", "25", `键 powerbonus.cap: "25" 缺少单位，应为金额`},
		{"powerbonus.cap", "二十五万元", `键 powerbonus.cap: "二十五万元" 不是数字`},
		{"valueadd.tiers[0].rate_min.value", "23万元", "不是百分比单位"},
		{"valueadd.tiers[3].award", "1万元", "键 valueadd.tiers: 没有第 3 项（列表有 3 项，从 [0] 数起）"},
		{"powerbonus.cap[0]", "1万元", "键 powerbonus.cap: 不是列表"},
		{"powerbonus.floor.inclusive", "是", `键 powerbonus.floor.inclusive: 应为 true 或 false，得到 "是"`},
		{"recruit.max_events_per_year", "两次", `键 recruit.max_events_per_year: 应为整数，得到 "两次"`},
		{"recruit.max_events_per_year", "2.5", "应为整数"},
		{"springfestival.period.from", "2月1日", `键 springfestival.period.from: "2月1日" 不是日期，应写作 2024-01-31`},
		{"springfestival.period", "2024-02-01至二月底", `键 springfestival.period.to: "二月底" 不是日期`},
		{"powerbonus.cap", "", `键 powerbonus.cap: "" 缺少单位`},
		{"powerbonus.cap", "a: b", "键 powerbonus.cap: 应为单个值"},
		{"powerbonus.floor", "{value: 1万元}", "键 powerbonus.floor.inclusive: 缺少此键"},
	}
	for _, c := range cases {
		t.Run(c.key+"="+c.value, func(t *testing.T) {
			p := inForce(t)
			_, err := p.Set(c.key, c.value)
			if err == nil {
				t.Fatal("accepted")
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q, want %q", err, c.want)
			}
			if strings.Contains(err.Error(), "行") && !strings.Contains(c.want, "行") {
				t.Errorf("error %q names a line", err)
			}
			if d := Diff(inForce(t), p); len(d) > 0 {
				t.Errorf("a refused --set changed the policy: %v", d)
			}
		})
	}
}

// Override lists what 参数 marks: each parameter touched, as 参数 names it, before and after.
func TestOverride(t *testing.T) {
	p := inForce(t)
	changes, err := p.Override([]string{"powerbonus.cap=25万元", "springfestival.period.to = 2024-02-20", "powerbonus.floor.inclusive=true"})
	if err != nil {
		t.Fatal(err)
	}
	want := []Change{
		{"powerbonus.cap", "20万元", "25万元", "第8条"},
		{"powerbonus.floor.inclusive", "true", "true", "第8条"}, // set to what it was: still marked
		{"springfestival.period", "2024-02-01至2024-02-29", "2024-02-01至2024-02-20", "第9条"},
	}
	if d := cmp.Diff(want, changes); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	for _, bad := range []string{"powerbonus.cap", "=25万元", "powerbonus.kap=25万元"} {
		_, err := inForce(t).Override([]string{bad})
		if err == nil || !strings.Contains(err.Error(), "--set") || !strings.Contains(err.Error(), "subsidy policy show") {
			t.Errorf("--set %s: %v", bad, err)
		}
	}
}

// policy show under --set prints a file that loads as the policy in force, each change marked.
func TestWithOverrides(t *testing.T) {
	sets := []string{"powerbonus.cap=25万元", "powerbonus.floor.inclusive=false", "springfestival.period=2024-02-01至2024-02-20", "stablejobs.award=5万元"}
	p := inForce(t)
	if _, err := p.Override(sets); err != nil {
		t.Fatal(err)
	}
	src, err := WithOverrides(BuiltinSource(), sets)
	if err != nil {
		t.Fatal(err)
	}
	shown, err := Parse(src, "shown.yaml")
	if err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	if d := Diff(p, shown); len(d) > 0 {
		t.Errorf("policy show under --set differs from the policy in force: %v", d)
	}
	for _, want := range []string{
		"cap: 25万元 # 最高不超过；已用 --set 改为 25万元（原为 20万元）",
		"floor: {value: 1万元, inclusive: false} # 1万元以下不安排；\"以下\"含本数；powerbonus.floor.inclusive 已用 --set 改为 false（原为 true）",
		"period: {from: 2024-02-01, to: 2024-02-20} # 已用 --set 改为 2024-02-01至2024-02-20（原为 {from: 2024-02-01, to: 2024-02-29}）",
		"award: 5万元 # 按规定标准：文件未列数额，由使用者提供；已用 --set 改为 5万元（原为 null）",
	} {
		if !strings.Contains(string(src), want) {
			t.Errorf("no %q in\n%s", want, src)
		}
	}
}
