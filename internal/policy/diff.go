package policy

// Change is one parameter that differs between two policies; Old or New is "" where the
// key is only in one of them.
type Change struct {
	Key, Old, New, Clause string
}

// Diff lists the parameters and clause texts of other that differ from base, in other's order,
// then those only in base.
func Diff(base, other *Policy) []Change {
	return diffParams(base.allParams(), other.allParams(), false)
}

// diffParams lists the parameters of other that differ from base (every one, with same),
// in other's order, then those only in base.
func diffParams(base, other []Param, same bool) []Change {
	old, seen := map[string]Param{}, map[string]bool{}
	for _, p := range base {
		old[p.Key] = p
	}
	var changes []Change
	for _, p := range other {
		seen[p.Key] = true
		if o, ok := old[p.Key]; same || !ok || o.Value != p.Value {
			changes = append(changes, Change{p.Key, o.Value, p.Value, p.Clause})
		}
	}
	for _, p := range base {
		if !seen[p.Key] {
			changes = append(changes, Change{p.Key, p.Value, "", p.Clause})
		}
	}
	return changes
}

// allParams is Params with each measure's clause text, which Params leaves out.
func (p *Policy) allParams() []Param {
	params := p.Params("")
	for _, m := range []struct {
		key string
		m   Measure
	}{{"valueadd", p.ValueAdd.Measure}, {"powerbonus", p.PowerBonus.Measure}, {"springfestival", p.SpringFestival.Measure},
		{"newlisting", p.NewListing.Measure}, {"techreform", p.TechReform.Measure}, {"recruit", p.Recruit.Measure}, {"stablejobs", p.StableJobs.Measure}} {
		params = append(params, Param{m.key + ".text", m.m.Text, m.m.ClauseLabel()})
	}
	return params
}
