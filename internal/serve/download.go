package serve

import (
	"bytes"
	"mime"
	"net/http"
	"os"
	"time"

	"github.com/changle/subsidy/internal/measure"
)

// contentTypes of the files the page hands out.
var contentTypes = map[string]string{
	"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"csv":  "text/csv; charset=utf-8",
}

// download hands out a job's award file (GET /api/jobs/{id}/files/{xlsx|csv}) under the
// name the command line gives it.
func (s *server) download(w http.ResponseWriter, r *http.Request) {
	format := r.PathValue("format")
	j := s.jobs.get(r.PathValue("id"))
	if _, ok := contentTypes[format]; !ok || j == nil {
		refuse(w, http.StatusNotFound, "没有这个文件：请重新上传计算")
		return
	}
	path, ok := j.file(format)
	if !ok {
		refuse(w, http.StatusConflict, "计算尚未完成，请稍候再下载")
		return
	}
	f, err := os.Open(path)
	if err != nil {
		refuse(w, http.StatusGone, "这次计算的文件已删除：请重新上传计算")
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		refuse(w, http.StatusGone, "这次计算的文件已删除：请重新上传计算")
		return
	}
	attach(w, format, st.Name())
	http.ServeContent(w, r, "", st.ModTime(), f)
}

// template hands out a measure's blank input workbook (GET /api/templates/{measure}), as
// `subsidy template MEASURE` writes it.
func (s *server) template(w http.ResponseWriter, r *http.Request) {
	m, ok := measure.All[r.PathValue("measure")]
	if !ok {
		refuse(w, http.StatusNotFound, "没有这项措施的申报表模板")
		return
	}
	var buf bytes.Buffer
	if _, err := measure.WriteTemplate(m, s.o.Policy, "-", false, &buf); err != nil {
		refuse(w, http.StatusInternalServerError, s.o.Message(err))
		return
	}
	attach(w, "xlsx", m.Section(s.o.Policy).Name+"-申报模板.xlsx")
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(buf.Bytes()))
}

// attach makes the answer a download named name (RFC 6266; a Chinese name is encoded).
func attach(w http.ResponseWriter, format, name string) {
	w.Header().Set("Content-Type", contentTypes[format])
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
}
