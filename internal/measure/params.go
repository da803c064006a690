package measure

import (
	"strings"

	"github.com/changle/subsidy/internal/award"
	"github.com/changle/subsidy/internal/policy"
)

// paramSettings are the 参数 lines of the measures' parameters, each one --set changed marked
// with its original, then any other parameter --set changed: the plan's periods shape every
// measure, and another measure's change is on record too.
func paramSettings(p *policy.Policy, measures []Measure, overrides []policy.Change) []award.Setting {
	overridden := map[string]policy.Change{}
	for _, c := range overrides {
		overridden[c.Key] = c
	}
	var s []award.Setting
	for _, m := range measures {
		for _, param := range p.Params(m.Key) {
			note := param.Clause
			if c, ok := overridden[param.Key]; ok {
				note = overrideNote(c)
				delete(overridden, param.Key)
			}
			s = append(s, setting(param.Key, param.Value, note))
		}
	}
	for _, c := range overrides {
		if _, ok := overridden[c.Key]; ok {
			s = append(s, setting(c.Key, c.New, overrideNote(c)))
		}
	}
	return s
}

// overrideNote is the clause of a parameter --set changed, marked with the value of the policy file.
func overrideNote(c policy.Change) string {
	note := "已用 --set 改为 " + shown(c.New) + "（原为 " + shown(c.Old) + "）"
	if c.Clause == "" {
		return note // the plan's periods belong to no one clause
	}
	return c.Clause + "；" + note
}

// shown is a value as the note quotes it, without brackets of its own: （未规定） is 未规定.
func shown(v string) string {
	if v == "" {
		return "无"
	}
	return strings.TrimSuffix(strings.TrimPrefix(v, "（"), "）")
}
