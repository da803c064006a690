package sheet

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// jsonRow is the stable JSON Lines record of SPEC §5.
type jsonRow struct {
	Measure  string   `json:"measure"`
	Clause   string   `json:"clause"`
	Sheet    string   `json:"sheet"`
	Row      int      `json:"row"`
	Name     string   `json:"name"`
	Code     string   `json:"code"`
	Project  string   `json:"project,omitempty"`
	Status   string   `json:"status"`
	Award    string   `json:"award"`
	Reasons  []string `json:"reasons"`
	Warnings []string `json:"warnings"`
}

// WriteJSONLines writes one JSON object per input row, in input order.
func WriteJSONLines(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, res := range r.Results {
		o := res.Outcome
		rec := jsonRow{
			Measure: r.Measure, Clause: o.Clause, Sheet: r.Table.Sheet, Row: res.Row.Num,
			Name: res.Name, Code: res.Code, Project: res.Project, Status: string(o.Status), Award: o.Award.StringFixed(2),
			Reasons: nonNil(o.Reasons), Warnings: nonNil(o.Warnings),
		}
		if err := enc.Encode(rec); err != nil {
			return err
		}
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// utf8BOM lets Excel on Chinese Windows open the CSV as UTF-8.
const utf8BOM = "\ufeff"

// WriteCSV writes the 明细 table as UTF-8 with BOM: the input columns, then the result columns.
func WriteCSV(w io.Writer, r *Report) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return err
	}
	return writeCSV(w, r)
}

// WriteCSVGBK writes the same table in GB18030 (a superset of GBK that encodes every
// character), for tools that do not read UTF-8.
func WriteCSVGBK(w io.Writer, r *Report) error {
	enc := transform.NewWriter(w, simplifiedchinese.GB18030.NewEncoder())
	if err := writeCSV(enc, r); err != nil {
		return err
	}
	return enc.Close()
}

func writeCSV(w io.Writer, r *Report) error {
	cw := csv.NewWriter(w)
	kept := r.Table.keptColumns()
	header := make([]string, 0, len(kept)+len(resultColumns))
	for _, col := range kept {
		header = append(header, neutralize(r.Table.Header(col)))
	}
	if err := cw.Write(append(header, resultColumns...)); err != nil {
		return err
	}
	for _, res := range r.Results {
		rec := make([]string, 0, len(header)+len(resultColumns))
		for _, col := range kept {
			rec = append(rec, neutralize(res.Row.Cell(col).Value))
		}
		o := res.Outcome
		rec = append(rec, o.Status.Label(), o.Award.StringFixed(2), neutralize(Explanation(o)), o.Clause)
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// neutralize keeps a spreadsheet from reading text as a formula (CSV injection):
// a leading =, +, -, @ gets a leading apostrophe. Plain negative numbers are left alone.
func neutralize(s string) string {
	if s == "" || !strings.ContainsRune("=+-@", rune(s[0])) {
		return s
	}
	if _, err := ParseNumber(Cell{Kind: Text, Value: s}); err == nil && s[0] == '-' {
		return s
	}
	return "'" + s
}

// keptColumns are the input columns carried to the output, in their original order.
func (t *Table) keptColumns() []int {
	var cols []int
	for i := 0; i < t.Width; i++ {
		if !t.Dropped[i] {
			cols = append(cols, i)
		}
	}
	return cols
}

// Header is the header cell of column col as written, "" where there is none.
func (t *Table) Header(col int) string {
	if col < len(t.Headers) {
		return t.Headers[col]
	}
	return ""
}
