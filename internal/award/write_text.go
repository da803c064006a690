package award

import (
	"github.com/changle/subsidy/internal/table"

	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

type jsonWriter struct {
	w       io.Writer
	measure string
	file    string // the quarter's run names the file each row came from
	sheet   string
	line    *bytes.Buffer
	enc     *json.Encoder // writes into line, without escaping <>&
}

// NewJSONLinesWriter writes one JSON object per data row, in input order.
func NewJSONLinesWriter(w io.Writer, r *Report) Writer {
	return newJSONWriter(w, r.Measure, "", r.Table.Sheet)
}

// NewQuarterJSONLines writes the rows of one sheet of the quarter's run, naming its file.
func NewQuarterJSONLines(w io.Writer, measure, file, sheet string) Writer {
	return newJSONWriter(w, measure, file, sheet)
}

func newJSONWriter(w io.Writer, measure, file, sheet string) Writer {
	line := &bytes.Buffer{}
	enc := json.NewEncoder(line)
	enc.SetEscapeHTML(false)
	return &jsonWriter{w: w, measure: measure, file: file, sheet: sheet, line: line, enc: enc}
}

func (j *jsonWriter) Line(_ table.Line, res *Result) error {
	if res == nil {
		return nil
	}
	o := res.Outcome
	j.line.Reset()
	j.line.WriteByte('{')
	j.field("measure", j.measure)
	j.field("clause", o.Clause)
	if j.file != "" {
		j.field("file", j.file)
	}
	j.field("sheet", j.sheet)
	j.field("row", res.Row.Num)
	j.field("name", res.Name)
	j.field("code", res.Code)
	for _, a := range res.Identity {
		j.field(a.Key, a.Value) // what with the code names the claim: a project, an event's date
	}
	j.field("status", string(o.Status))
	j.field("award", o.Award.StringFixed(2))
	j.field("reasons", nonNil(o.Reasons))
	j.field("warnings", nonNil(o.Warnings))
	j.line.WriteString("}\n")
	_, err := j.w.Write(j.line.Bytes())
	return err
}

// field appends "key":value to the record in the order of SPEC §5, without escaping <>&.
func (j *jsonWriter) field(key string, value any) {
	if j.line.Len() > 1 {
		j.line.WriteByte(',')
	}
	j.enc.Encode(key)
	j.line.Truncate(j.line.Len() - 1)
	j.line.WriteByte(':')
	j.enc.Encode(value) // strings, numbers and string lists always encode
	j.line.Truncate(j.line.Len() - 1)
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
const utf8BOM = "\ufeff" // tells Excel the CSV is UTF-8

type csvWriter struct {
	cw    *csv.Writer
	table *table.Table
	kept  []int
	code  int // the 统一社会信用代码 column, -1 where there is none
	close func() error
}

// NewCSVWriter writes the 明细 table as CSV: the header and data rows, input columns then
// result columns; UTF-8 with BOM, or GB18030 (GBK's superset, so no character is refused).
func NewCSVWriter(w io.Writer, r *Report, gbk bool) (Writer, error) {
	c := &csvWriter{table: r.Table, kept: r.Table.KeptColumns(), code: -1}
	if col, ok := r.Table.Columns["code"]; ok {
		c.code = col.Index
	}
	var err error
	c.cw, c.close, err = csvOut(w, gbk)
	return c, err
}

// csvOut starts a CSV as Excel opens it: UTF-8 with BOM, or GB18030 (GBK's superset, so no
// character is refused); close ends the encoding.
func csvOut(w io.Writer, gbk bool) (*csv.Writer, func() error, error) {
	if gbk {
		enc := transform.NewWriter(w, simplifiedchinese.GB18030.NewEncoder())
		return csv.NewWriter(enc), enc.Close, nil
	}
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return nil, nil, err
	}
	return csv.NewWriter(w), func() error { return nil }, nil
}

func (c *csvWriter) Line(l table.Line, res *Result) error {
	rec := make([]string, 0, len(c.kept)+len(resultColumns))
	switch {
	case l.Kind == table.HeaderLine:
		for _, col := range c.kept {
			rec = append(rec, csvText(c.table.Header(col)))
		}
		return c.cw.Write(append(rec, resultColumns...))
	case res == nil:
		return nil
	}
	for _, col := range c.kept {
		if col == c.code {
			rec = append(rec, csvCode(l.Row.Cell(col).Value, res.CodeOK))
			continue
		}
		rec = append(rec, csvText(table.Shown(l.Row.Cell(col))))
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
