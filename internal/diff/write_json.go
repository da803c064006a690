package diff

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/changle/subsidy/internal/award"
	"github.com/changle/subsidy/internal/measure"
)

// WriteJSONLines writes one record per claim that differs ("type":"claim"), then one per
// measure ("type":"measure") with its counts, totals and budget difference. Amounts are
// strings with 2 decimals, as in a run's JSON Lines; the side a claim is missing from is null.
func WriteJSONLines(w io.Writer, r *Result) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, m := range r.Measures {
		for _, c := range m.Changes {
			rec := record{{"type", "claim"}, {"change", string(c.Kind)}, {"measure", m.Key}, {"clause", m.Clause}, {"name", c.Name}}
			for i, f := range m.Identity {
				rec = append(rec, pair{f.JSON, c.Identity[i]})
			}
			rec = append(rec, sideFields("old", c.Old)...)
			rec = append(rec, sideFields("new", c.New)...)
			rec = append(rec, pair{"difference", c.Difference().StringFixed(2)})
			if err := enc.Encode(rec); err != nil {
				return err
			}
		}
	}
	for _, m := range r.Measures {
		rec := record{{"type", "measure"}, {"measure", m.Key}, {"clause", m.Clause}, {"in_old", m.InOld}, {"in_new", m.InNew},
			{"old_rows", m.Old.Rows}, {"new_rows", m.New.Rows}, {"old_counts", counts(m.Old)}, {"new_counts", counts(m.New)},
			{"old_total", m.Old.Award.StringFixed(2)}, {"new_total", m.New.Award.StringFixed(2)}, {"difference", m.Difference().StringFixed(2)},
			{"changed", m.Count(Changed)}, {"only_in_old", m.Count(OnlyOld)}, {"only_in_new", m.Count(OnlyNew)}}
		if err := enc.Encode(rec); err != nil {
			return err
		}
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// sideFields are a claim's status, award, reasons and row on one side; null where it has none.
func sideFields(prefix string, d *measure.Decided) record {
	if d == nil {
		return record{{prefix + "_status", nil}, {prefix + "_award", nil}, {prefix + "_reasons", nil}, {prefix + "_row", nil}}
	}
	return record{{prefix + "_status", string(d.Status)}, {prefix + "_award", d.Award.StringFixed(2)},
		{prefix + "_reasons", d.Explanation}, {prefix + "_row", d.Row}}
}

// counts are the rows per status, every status named.
func counts(t Totals) record {
	var rec record
	for _, s := range award.Statuses {
		rec = append(rec, pair{string(s), t.ByStatus[s]})
	}
	return rec
}

type pair struct {
	key   string
	value any
}

// record is a JSON object whose keys keep their order, so that scripts and people read them alike.
type record []pair

func (r record) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, p := range r {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(p.key)
		b.Write(k)
		b.WriteByte(':')
		v, err := marshal(p.value)
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// marshal encodes a value without escaping <>&, which reasons quote from cells.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}
