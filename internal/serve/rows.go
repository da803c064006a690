package serve

import (
	"bufio"
	"encoding/json"
	"net/http"
	"os"
	"strconv"
	"strings"

	"github.com/changle/subsidy/internal/table"
)

// pageRows is the most rows one answer holds: the page shows a page at a time, so a
// million-row sheet never goes to the browser whole.
const pageRows = 200

// rowsPage is one page of a job's rows, as the JSON Lines output writes them.
type rowsPage struct {
	Matched int               `json:"matched"` // rows that pass the filter
	Offset  int               `json:"offset"`
	Rows    []json.RawMessage `json:"rows"`
}

// rows answers GET /api/jobs/{id}/rows?status=&measure=&q=&offset=&limit= from the job's
// JSON Lines: the rows of a status (and measure), whose name or code contains q.
func (s *server) rows(w http.ResponseWriter, r *http.Request) {
	j := s.jobs.get(r.PathValue("id"))
	if j == nil {
		fail(w, http.StatusNotFound, "没有这次计算：请重新上传")
		return
	}
	path, ok := j.file("json")
	if !ok {
		fail(w, http.StatusConflict, "计算尚未完成")
		return
	}
	q := r.URL.Query()
	offset, _ := strconv.Atoi(q.Get("offset"))
	limit, err := strconv.Atoi(q.Get("limit"))
	if err != nil || limit <= 0 || limit > pageRows {
		limit = pageRows
	}
	f, err := os.Open(path)
	if err != nil {
		fail(w, http.StatusGone, "这次计算的文件已删除：请重新上传")
		return
	}
	defer f.Close()
	want := filter{status: q.Get("status"), measure: q.Get("measure"), text: searchable(q.Get("q"))}
	page := rowsPage{Offset: max(offset, 0), Rows: []json.RawMessage{}}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 64<<20) // a row's reasons quote cells of up to 10,000 characters
	for sc.Scan() {
		if !want.match(sc.Bytes()) {
			continue
		}
		if page.Matched >= page.Offset && len(page.Rows) < limit {
			page.Rows = append(page.Rows, json.RawMessage(append([]byte(nil), sc.Bytes()...)))
		}
		page.Matched++
	}
	if sc.Err() != nil {
		fail(w, http.StatusInternalServerError, "读取这次计算的明细时出错：请重新上传")
		return
	}
	writeJSON(w, http.StatusOK, page)
}

// filter is what the page's status buttons and search box ask for; empty means any.
type filter struct{ status, measure, text string }

func (f filter) match(line []byte) bool {
	var row struct{ Measure, Status, Name, Code string }
	if json.Unmarshal(line, &row) != nil {
		return false
	}
	return (f.status == "" || row.Status == f.status) &&
		(f.measure == "" || row.Measure == f.measure) &&
		(f.text == "" || strings.Contains(searchable(row.Name), f.text) || strings.Contains(searchable(row.Code), f.text))
}

// searchable compares as headers are read: full-width and half-width alike, any case.
func searchable(s string) string { return strings.ToUpper(table.Normalize(s)) }
