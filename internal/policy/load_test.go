package policy

import (
	"strings"
	"testing"
)

func TestBuiltinLoads(t *testing.T) {
	p, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if p.ID != "changle-2024q1" {
		t.Errorf("id = %q", p.ID)
	}
	if got := p.ValueAdd.Tiers[0].OutputMin.Value.String(); got != "5亿元" {
		t.Errorf("tier 0 output_min = %s, want 5亿元", got)
	}
	if got := p.ValueAdd.Tiers[0].OutputMin.Value.Dec().String(); got != "500000000" {
		t.Errorf("tier 0 output_min in 元 = %s", got)
	}
	if p.StableJobs.Award != nil {
		t.Errorf("stablejobs.award has a default; the text gives none")
	}
	if !p.PowerBonus.Floor.Inclusive {
		t.Errorf("powerbonus floor should include 1万元 itself (以下含本数)")
	}
}

// Each broken file must be refused with a message naming the key at fault.
func TestParseRejects(t *testing.T) {
	src := string(BuiltinSource())
	cases := []struct {
		name, from, to, wantKey string
	}{
		{"unknown key", "  municipal_share: 50%\n  cap: 20万元", "  municipal_share: 50%\n  bonus: 1元\n  cap: 20万元", "powerbonus.bonus"},
		{"missing key", "  cap: 15万元\n", "", "springfestival.cap"},
		{"wrong unit", "award: 30万元", "award: 30%", "newlisting.award"},
		{"not a number", "award: 5万元", "award: 五万元", "valueadd.tiers[0].award"},
		{"not a bool", "output_growth_tie_qualifies: true", "output_growth_tie_qualifies: 是", "powerbonus.output_growth_tie_qualifies"},
		{"not a date", "period: {from: 2024-02-01", "period: {from: 2月1日", "springfestival.period.from"},
		{"not an int", "max_events_per_year: 2", "max_events_per_year: 两次", "recruit.max_events_per_year"},
		{"unit missing", "municipal_share: 20%", "municipal_share: 20", "techreform.municipal_share"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			broken := strings.Replace(src, c.from, c.to, 1)
			if broken == src {
				t.Fatalf("test edit %q not applied", c.from)
			}
			_, err := Parse([]byte(broken), "x.yaml")
			if err == nil {
				t.Fatal("accepted a broken policy file")
			}
			if !strings.Contains(err.Error(), c.wantKey) {
				t.Errorf("error %q does not name %s", err, c.wantKey)
			}
		})
	}
}
