package serve

import (
	"context"
	"encoding/json"
	"net"
	"net/http"

	"github.com/changle/subsidy/internal/workbook"
)

// server is one page: its address and token, the uploads' folder, the jobs under way.
type server struct {
	o      Options
	root   string // temp folder; one sub-folder per job
	token  string
	cookie string // named by port: cookies do not tell ports apart, two pages must not mix
	addr   string
	hosts  map[string]bool
	jobs   *jobs
}

func newServer(ctx context.Context, o Options, root, token, addr string) *server {
	if o.Limits == (workbook.Limits{}) {
		o.Limits = workbook.DefaultLimits // as measure.Run reads a zero Limits
	}
	_, port, _ := net.SplitHostPort(addr)
	return &server{o: o, root: root, token: token, cookie: "subsidy_" + port, addr: addr, hosts: allowedHosts(addr), jobs: newJobs(ctx)}
}

// url is the address to open: the token in it lets the first load in.
func (s *server) url() string { return "http://" + s.addr + "/?token=" + s.token }

func (s *server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/{$}", methods{http.MethodGet: serveIndex})
	mux.Handle("/assets/{name}", methods{http.MethodGet: serveAsset})
	mux.Handle("/api/info", methods{http.MethodGet: s.info})
	mux.Handle("/api/templates/{measure}", methods{http.MethodGet: s.template})
	mux.Handle("/api/jobs", methods{http.MethodPost: s.upload})
	mux.Handle("/api/jobs/{id}", methods{http.MethodGet: s.status, http.MethodDelete: s.remove})
	mux.Handle("/api/jobs/{id}/rows", methods{http.MethodGet: s.rows})
	mux.Handle("/api/jobs/{id}/files/{format}", methods{http.MethodGet: s.download})
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		refuse(w, http.StatusNotFound, "没有这个页面：请用启动窗口中显示的地址打开")
	})
	return s.guard(mux)
}

// methods routes by HTTP method, refusing others in Chinese (the mux's own answer is English).
type methods map[string]http.HandlerFunc

func (m methods) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h, ok := m[r.Method]; ok {
		h(w, r)
		return
	}
	refuse(w, http.StatusMethodNotAllowed, "不支持这种请求")
}

// refuse answers with one Chinese line, as plain text a browser shows as it is.
func refuse(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(code)
	w.Write([]byte(msg + "\n"))
}

// writeJSON answers the page's scripts.
func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// fail answers a script with the Chinese line the page shows beside the file.
func fail(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, map[string]string{"error": msg})
}
