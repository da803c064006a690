package policy

// Change is one parameter that differs between two policies; Old or New is "" where the
// key is only in one of them.
type Change struct {
	Key, Old, New, Clause string
}

// Diff lists the parameters and clause texts of other that differ from base, in base's order,
// then those only in other.
func Diff(base, other *Policy) []Change {
	old, seen := map[string]Param{}, map[string]bool{}
	for _, p := range base.allParams() {
		old[p.Key] = p
	}
	var changes []Change
	for _, p := range other.allParams() {
		seen[p.Key] = true
		if o, ok := old[p.Key]; !ok || o.Value != p.Value {
			changes = append(changes, Change{p.Key, o.Value, p.Value, p.Clause})
		}
	}
	for _, p := range base.allParams() {
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
