package measure

import (
	"fmt"
	"strings"

	"github.com/changle/subsidy/internal/policy"
	"github.com/changle/subsidy/internal/table"
)

// Help is what a measure's --help says; its texts may name the plan's periods ({year} …).
type Help struct {
	Short   string // one line, Chinese then English
	Input   string // the input's name in examples: 申报表.xlsx
	Notes   string // how the columns are read and decided, beyond the columns themselves
	English string
}

// Usage is the command line of the measure: "valueadd 申报表.xlsx".
func (m Measure) Usage() string { return m.Key + " " + m.Help.Input }

// LongHelp quotes the clause from the policy, lists the columns read (from the declaration,
// so help never drifts from what is read), then the notes.
func (m Measure) LongHelp(p *policy.Policy, policyName string) string {
	sec := m.Section(p)
	var required, optional []string
	spec := m.Spec(p)
	groupOf := map[string][]string{}
	for _, group := range spec.OneOf {
		for _, key := range group {
			groupOf[key] = group
		}
	}
	listed := map[string]bool{}
	for _, f := range spec.Fields {
		switch group := groupOf[f.Key]; {
		case listed[f.Key]:
		case group != nil:
			var names []string
			for _, key := range group {
				listed[key] = true
				names = append(names, headerOf(spec, key))
			}
			required = append(required, strings.Join(names, " 或 "))
		case f.Presence == table.Required:
			required = append(required, f.Header)
		case f.Presence == table.AssumedYes:
			required = append(required, f.Header+"（无此列则视为全部是）")
		default:
			optional = append(optional, f.Header)
		}
	}
	return fmt.Sprintf("%s %s（%s 原文）：\n%s\n\n读取的列：%s；\n可选：%s；其余列原样保留。\n%s\n\n%s",
		sec.ClauseLabel(), sec.Name, policyName, sec.Text,
		strings.Join(required, "、"), strings.Join(optional, "、"), p.Label(m.Help.Notes), p.Label(m.Help.English))
}

// Example shows the command on the bundled example and in a script.
func (m Measure) Example(p *policy.Policy) string {
	return fmt.Sprintf(`  subsidy %[1]s testdata/%[1]s.xlsx
      写出 testdata/%[1]s-%[2]s.xlsx
  subsidy %[1]s %[3]s -o 结果.csv
  subsidy %[1]s %[3]s --format json -o - | head -1
  subsidy template %[1]s -o 空白%[3]s`, m.Key, m.Section(p).Name, m.Help.Input)
}

func headerOf(spec table.Spec, key string) string {
	for _, f := range spec.Fields {
		if f.Key == key {
			return f.Header
		}
	}
	return key
}
