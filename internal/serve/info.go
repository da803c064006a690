package serve

import (
	"net/http"

	"github.com/changle/subsidy/internal/measure"
	"github.com/changle/subsidy/internal/workbook"
)

// info is what the page is built from: the measures, the input limits, and the policy in
// force with each measure's clause and parameters.
type info struct {
	Policy      policyInfo    `json:"policy"`
	Measures    []measureInfo `json:"measures"`
	MaxFiles    int           `json:"maxFiles"` // for 全部
	MaxFileSize int64         `json:"maxFileSize"`
	MaxFileText string        `json:"maxFileText"`
	Version     string        `json:"version"`
}

type policyInfo struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Document string `json:"document"`
	Source   string `json:"source"` // the file it was read from
}

type measureInfo struct {
	Key    string      `json:"key"`
	Name   string      `json:"name"`
	Clause string      `json:"clause"`
	Text   string      `json:"text"`
	Params []paramInfo `json:"params"`
}

type paramInfo struct {
	Key    string `json:"key"`
	Value  string `json:"value"`
	Clause string `json:"clause"`
	Was    string `json:"was,omitempty"` // the value before --set changed it
}

func (s *server) info(w http.ResponseWriter, _ *http.Request) {
	p := s.o.Policy
	in := info{
		Policy:   policyInfo{ID: p.ID, Title: p.Title, Document: p.Document, Source: s.o.PolicyName},
		Measures: []measureInfo{}, MaxFiles: maxAllFiles,
		MaxFileSize: s.o.Limits.FileSize, MaxFileText: workbook.FormatSize(s.o.Limits.FileSize), Version: s.o.Version,
	}
	was := map[string]string{}
	for _, c := range s.o.Overrides {
		was[c.Key] = c.Old
	}
	for _, m := range measure.Registry {
		sec := m.Section(p)
		mi := measureInfo{Key: m.Key, Name: sec.Name, Clause: sec.ClauseLabel(), Text: sec.Text, Params: []paramInfo{}}
		for _, param := range p.Params(m.Key) {
			mi.Params = append(mi.Params, paramInfo{Key: param.Key, Value: param.Value, Clause: param.Clause, Was: was[param.Key]})
		}
		in.Measures = append(in.Measures, mi)
	}
	writeJSON(w, http.StatusOK, in)
}
