package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/changle/subsidy/internal/policy"
	"github.com/changle/subsidy/internal/workbook"
)

const testToken = "test-token"

func testOptions(t *testing.T) Options {
	t.Helper()
	p, err := policy.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return Options{Policy: p, PolicyName: policy.BuiltinName, Version: "test", Limits: workbook.DefaultLimits,
		Message: func(err error) string { return err.Error() }}
}

// testPage is a page served by httptest, its uploads in a temp folder of the test's.
type testPage struct {
	t    *testing.T
	ts   *httptest.Server
	s    *server
	root string
}

func startPage(t *testing.T, o Options) *testPage {
	t.Helper()
	ts := httptest.NewUnstartedServer(nil)
	root := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	s := newServer(ctx, o, root, testToken, ts.Listener.Addr().String())
	ts.Config.Handler = s.routes()
	ts.Start()
	t.Cleanup(func() {
		ts.Close()
		cancel()
		s.jobs.close()
	})
	return &testPage{t: t, ts: ts, s: s, root: root}
}

// request sends a request carrying the token in the query.
func (p *testPage) request(method, path string, body io.Reader, contentType string) (*http.Response, []byte) {
	p.t.Helper()
	sep := "?"
	if bytes.ContainsRune([]byte(path), '?') {
		sep = "&"
	}
	req, err := http.NewRequest(method, p.ts.URL+path+sep+"token="+testToken, body)
	if err != nil {
		p.t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := p.ts.Client().Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		p.t.Fatal(err)
	}
	return resp, data
}

func (p *testPage) get(path string) (*http.Response, []byte) {
	return p.request(http.MethodGet, path, nil, "")
}

// getJSON gets path and decodes its answer into v, failing unless it is 200.
func (p *testPage) getJSON(path string, v any) {
	p.t.Helper()
	resp, body := p.get(path)
	if resp.StatusCode != http.StatusOK {
		p.t.Fatalf("GET %s: %s %s", path, resp.Status, body)
	}
	if err := json.Unmarshal(body, v); err != nil {
		p.t.Fatalf("GET %s: %v: %s", path, err, body)
	}
}

// upload posts files (name → content) as the page does; it returns the status and answer.
func (p *testPage) upload(measure string, files ...namedFile) (int, []byte) {
	p.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, f := range files {
		w, err := mw.CreateFormFile("file", f.name)
		if err != nil {
			p.t.Fatal(err)
		}
		w.Write(f.data)
	}
	mw.Close()
	resp, answer := p.request(http.MethodPost, "/api/jobs?measure="+measure, &body, mw.FormDataContentType())
	return resp.StatusCode, answer
}

// run uploads files and waits for the job to end; it returns the job's id and last status.
func (p *testPage) run(measure string, files ...namedFile) (string, status) {
	p.t.Helper()
	code, answer := p.upload(measure, files...)
	if code != http.StatusAccepted {
		p.t.Fatalf("upload: %d %s", code, answer)
	}
	var started struct{ ID string }
	if err := json.Unmarshal(answer, &started); err != nil {
		p.t.Fatal(err)
	}
	return started.ID, p.wait(started.ID)
}

func (p *testPage) wait(id string) status {
	p.t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		var st status
		p.getJSON("/api/jobs/"+id, &st)
		if st.State != "running" {
			return st
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("job %s still running: %+v", id, st)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

type namedFile struct {
	name string
	data []byte
}

// testdata reads a bundled example.
func testdata(t *testing.T, name string) namedFile {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return namedFile{name, data}
}

// sheet is one sheet of a workbook as cell text.
type sheet struct {
	Name string
	Rows [][]string
}

// sheets reads every sheet of a workbook in order, 参数's run time left out.
func sheets(t *testing.T, data []byte) []sheet {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []sheet
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		s := sheet{Name: name}
		for _, r := range rows {
			if name == "参数" && len(r) > 0 && r[0] == "运行时间" {
				continue
			}
			s.Rows = append(s.Rows, r)
		}
		out = append(out, s)
	}
	return out
}
