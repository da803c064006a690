// Package measure connects sheets to rules: which columns each measure reads,
// how a row becomes a rule's input, and the run from input file to award file.
package measure

import (
	"github.com/changle/subsidy/internal/award"
	"github.com/changle/subsidy/internal/workbook"

	"hash/fnv"
	"slices"
	"strings"

	"github.com/changle/subsidy/calc"
	"github.com/changle/subsidy/internal/policy"
	"github.com/changle/subsidy/internal/table"
)

// Measure is one award of the plan as the tool runs it.
type Measure struct {
	Key      string                                         // subcommand and JSON "measure"
	Help     Help                                           // what --help says beyond the columns read
	Section  func(p *policy.Policy) policy.Measure          // its clause, name and text in the policy
	Claim    []ClaimField                                   // fields that with the code name one claim; nil = the code alone
	Across   func(p *policy.Policy, paid paidClaims) Across // a rule across rows (and earlier batches), or nil
	Fields   []table.Field                                  // beyond the identity columns
	OneOf    [][]string                                     // alternatives of which one column must be present
	Choices  func(p *policy.Policy) map[string][]string     // field key → the values a template offers
	Evaluate func(p *policy.Policy, r *record) calc.Outcome // reads the row's figures and applies the rule
}

// identityFields come first in every measure's sheet (SPEC §4.1).
var identityFields = []table.Field{
	{Key: "name", Header: "企业名称", Kind: table.KindText, Presence: table.Required,
		Synonyms: []string{"单位名称", "企业(单位)名称", "纳税人名称", "企业全称"}},
	{Key: "code", Header: "统一社会信用代码", Kind: table.KindCode, Presence: table.Required,
		Synonyms: []string{"社会信用代码", "信用代码", "统一信用代码"}},
	{Key: "town", Header: "所属乡镇(街道)", Kind: table.KindText, Presence: table.Optional,
		Synonyms: []string{"乡镇(街道)", "乡镇街道", "所属镇街", "镇街", "所属乡镇", "乡镇", "所属街道(乡镇)", "街道(乡镇)", "所在乡镇(街道)"}},
	{Key: "remark", Header: "备注", Kind: table.KindText, Presence: table.Optional},
}

// Spec is what the measure needs from a sheet, its headers written with the plan's periods.
func (m Measure) Spec(p *policy.Policy) table.Spec {
	fields := append(append([]table.Field(nil), identityFields...), m.Fields...)
	for i, f := range fields {
		f.Header = p.Label(f.Header)
		f.Synonyms = slices.Clone(f.Synonyms)
		for j, s := range f.Synonyms {
			f.Synonyms[j] = p.Label(s)
		}
		fields[i] = f
	}
	return table.Spec{Fields: fields, OneOf: m.OneOf}
}

// Registry lists the measures in clause order: commands, templates and docs come from it.
var Registry = []Measure{ValueAdd, PowerBonus, SpringFestival, NewListing, TechReform, Recruit, StableJobs}

// All is the registry by key.
var All = func() map[string]Measure {
	all := map[string]Measure{}
	for _, m := range Registry {
		all[m.Key] = m
	}
	return all
}()

// Keys lists the measure keys in clause order.
func Keys() []string {
	keys := make([]string, len(Registry))
	for i, m := range Registry {
		keys[i] = m.Key
	}
	return keys
}

// evaluateRow settles one row: identity problems and unreadable cells make it invalid,
// whatever the rule would say (SPEC §2 status priority). The result's outcome is set by
// settled, once rules across rows and batches have had their say.
func evaluateRow(m Measure, p *policy.Policy, t *table.Table, row table.Row, dup string, strictCodes bool) (award.Result, calc.Outcome) {
	rec := &record{table: t, row: row}
	name := rec.text("name")
	code := rec.text("code")
	codeOK := rec.checkCode(code, strictCodes)
	claim := claimOf(m, p, rec, true)
	if dup != "" {
		rec.invalid = append(rec.invalid, dup)
	}
	out := m.Evaluate(p, rec)
	if len(rec.invalid) > 0 {
		out = calc.Outcome{Status: calc.Invalid, Clause: out.Clause, Reasons: rec.invalid}
	}
	out.Warnings = append(rec.warnings, out.Warnings...)
	res := award.Result{Row: row, Name: name, Code: code, CodeOK: codeOK}
	for i, c := range m.Claim {
		if c.JSON != "" {
			res.Identity = append(res.Identity, award.Attribute{Key: c.JSON, Value: claim[i]})
		}
	}
	return res, out
}

// settled is the outcome as the outputs write it.
func settled(o calc.Outcome) award.Outcome {
	return award.Outcome{Status: award.Status(o.Status), Award: o.Award, Reasons: o.Reasons, Warnings: o.Warnings, Clause: o.Clause}
}

// checkCode validates the 统一社会信用代码 (SPEC §3): malformed is invalid; a wrong
// check character only warns, unless strict, since Fujian's 2015 pilot codes fail it.
// ok reports a code that passed the check.
func (r *record) checkCode(code string, strict bool) (ok bool) {
	col, cell, _ := r.cell("code")
	switch {
	case code == "" && !table.IsBlank(cell):
		return false // a formula without result or an error value: reading it said so
	case code == "":
		r.invalid = append(r.invalid, r.where(col)+"为空")
		return false
	case cell.Kind == workbook.Number:
		// An 18-digit code typed into a number cell keeps 15 digits: what is left is no code.
		r.invalid = append(r.invalid, r.where(col)+"“"+calc.Clip(code)+"”被存成了数字，后几位已丢失：请把该列设为文本格式，重新填写18位代码")
		return false
	}
	problem, msg := calc.CheckCreditCode(code)
	if problem == calc.CodeOK {
		return true
	}
	msg = r.where(col) + "“" + calc.Clip(code) + "”" + msg
	switch {
	case problem == calc.CodeMalformed:
		r.invalid = append(r.invalid, msg)
	case problem == calc.CodeBadCheck && strict:
		r.invalid = append(r.invalid, msg+"（--strict-codes）")
	case problem == calc.CodeBadCheck:
		r.warnings = append(r.warnings, msg)
	}
	return false
}

// claimKey joins a row's code and claim fields as read; ok is false when one is blank
// (reported by the row's own decision).
func claimKey(m Measure, p *policy.Policy, t *table.Table, row table.Row) (string, bool) {
	rec := &record{table: t, row: row}
	code := table.Normalize(row.Cell(t.Columns["code"].Index).Value)
	claim := claimOf(m, p, rec, false)
	if code == "" || slices.Contains(claim, "") {
		return "", false
	}
	return claimKeyOf(code, claim), true
}

// claimKeyOf joins a claim's code and fields; spaces inside do not tell claims apart
// ("技改 一期" is "技改一期"), so a claim typed twice is still one.
func claimKeyOf(code string, claim []string) string {
	return strings.ReplaceAll(strings.Join(append([]string{code}, claim...), "／"), " ", "")
}

func claimHash(key string) [16]byte {
	h := fnv.New128a()
	h.Write([]byte(key))
	var sum [16]byte
	h.Sum(sum[:0])
	return sum
}
