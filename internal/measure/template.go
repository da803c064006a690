package measure

import (
	"github.com/changle/subsidy/internal/award"

	"io"
	"strings"

	"github.com/changle/subsidy/internal/policy"
	"github.com/changle/subsidy/internal/table"
)

// Template is the blank input workbook of a measure, with the canonical headers (SPEC §4.1).
func (m Measure) Template(p *policy.Policy) award.Template {
	sec := m.Section(p)
	var fields []table.Field
	var remark table.Field
	spec := m.Spec(p)
	for _, f := range spec.Fields {
		if f.Key == "remark" {
			remark = f
			continue
		}
		fields = append(fields, f)
	}
	fields = append(fields, remark)
	t := award.Template{
		Title:  sec.Name + "申报表（" + p.Document + " " + sec.ClauseLabel() + "）",
		Clause: sec.ClauseLabel() + "：" + sec.Text,
		Fields: fields,
	}
	if m.Choices != nil {
		t.Choices = m.Choices(p)
	}
	for _, group := range m.OneOf {
		var names []string
		for _, key := range group {
			for _, f := range spec.Fields {
				if f.Key == key {
					names = append(names, f.Header)
				}
			}
		}
		t.Notes = append(t.Notes, "· "+strings.Join(names, "与")+"：每行至少填一项")
	}
	return t
}

// WriteTemplate writes the measure's blank workbook to path ("" = <措施名>-申报模板.xlsx
// in the current folder, "-" = standard output), never over an existing file without force.
func WriteTemplate(m Measure, p *policy.Policy, path string, force bool, stdout io.Writer) (string, error) {
	t := m.Template(p)
	write := func(w io.Writer) error { return award.WriteTemplate(w, t) }
	if path == "-" {
		return path, write(stdout)
	}
	if path == "" {
		path = m.Section(p).Name + "-申报模板.xlsx"
	}
	if err := checkTarget(path, force); err != nil {
		return "", err
	}
	return path, writeAtomically(path, force, write)
}
