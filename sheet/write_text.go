package sheet

import (
	"encoding/csv"
	"encoding/json"
	"io"

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

type jsonWriter struct {
	enc     *json.Encoder
	measure string
	sheet   string
}

// NewJSONLinesWriter writes one JSON object per data row, in input order.
func NewJSONLinesWriter(w io.Writer, r *Report) Writer {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &jsonWriter{enc: enc, measure: r.Measure, sheet: r.Table.Sheet}
}

func (j *jsonWriter) Line(_ Line, res *Result) error {
	if res == nil {
		return nil
	}
	o := res.Outcome
	return j.enc.Encode(jsonRow{
		Measure: j.measure, Clause: o.Clause, Sheet: j.sheet, Row: res.Row.Num,
		Name: res.Name, Code: res.Code, Project: res.Project, Status: string(o.Status), Award: o.Award.StringFixed(2),
		Reasons: nonNil(o.Reasons), Warnings: nonNil(o.Warnings),
	})
}

func (j *jsonWriter) Close(*Report) error { return nil }

func (j *jsonWriter) Abandon() {}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// utf8BOM lets Excel on Chinese Windows open the CSV as UTF-8.
const utf8BOM = "\ufeff"

type csvWriter struct {
	cw    *csv.Writer
	table *Table
	kept  []int
	code  int // the 统一社会信用代码 column, -1 where there is none
	close func() error
}

// NewCSVWriter writes the 明细 table as CSV: the header and data rows, input columns then
// result columns; UTF-8 with BOM, or GB18030 (GBK's superset, so no character is refused).
func NewCSVWriter(w io.Writer, r *Report, gbk bool) (Writer, error) {
	c := &csvWriter{table: r.Table, kept: r.Table.keptColumns(), code: -1, close: func() error { return nil }}
	if col, ok := r.Table.Columns["code"]; ok {
		c.code = col.Index
	}
	if gbk {
		enc := transform.NewWriter(w, simplifiedchinese.GB18030.NewEncoder())
		w, c.close = enc, enc.Close
	} else if _, err := io.WriteString(w, utf8BOM); err != nil {
		return nil, err
	}
	c.cw = csv.NewWriter(w)
	return c, nil
}

func (c *csvWriter) Line(l Line, res *Result) error {
	rec := make([]string, 0, len(c.kept)+len(resultColumns))
	switch {
	case l.Kind == HeaderLine:
		for _, col := range c.kept {
			rec = append(rec, csvText(c.table.Header(col)))
		}
		return c.cw.Write(append(rec, resultColumns...))
	case res == nil:
		return nil
	}
	for _, col := range c.kept {
		if col == c.code {
			rec = append(rec, csvCode(l.Row.Cell(col).Value))
			continue
		}
		rec = append(rec, csvText(Shown(l.Row.Cell(col))))
	}
	o := res.Outcome
	return c.cw.Write(append(rec, o.Status.Label(), o.Award.StringFixed(2), csvText(Explanation(o)), o.Clause))
}

func (c *csvWriter) Abandon() {}

func (c *csvWriter) Close(*Report) error {
	c.cw.Flush()
	if err := c.cw.Error(); err != nil {
		return err
	}
	return c.close()
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
