package serve

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/changle/subsidy/internal/award"
	"github.com/changle/subsidy/internal/measure"
)

// commandLine runs a measure as `subsidy MEASURE INPUT --format FORMAT` does (cmd's
// runMeasure with no other flag) and returns the report and the file written.
func commandLine(t *testing.T, o Options, m measure.Measure, in namedFile, format string) (*award.Report, []byte) {
	t.Helper()
	dir := t.TempDir()
	input := filepath.Join(dir, in.name)
	if err := os.WriteFile(input, in.data, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := measure.Run(m, measure.Options{Input: input, Format: format, Encoding: "utf-8", Limits: o.Limits,
		Policy: o.Policy, PolicyName: o.PolicyName, Overrides: o.Overrides, Version: o.Version, Now: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(res.Output)
	if err != nil {
		t.Fatal(err)
	}
	return res.Report, data
}

// An upload ends in the command line's summary: rows and amounts per status.
func TestUploadGivesSummary(t *testing.T) {
	p := startPage(t, testOptions(t))
	in := testdata(t, "valueadd.xlsx")
	_, st := p.run("valueadd", in)
	if st.State != "done" {
		t.Fatalf("job: %+v", st)
	}
	report, _ := commandLine(t, testOptions(t), measure.ValueAdd, in, "xlsx")
	want := summarize(&ran{reports: []*award.Report{report}}, false)
	want.Downloads = map[string]string{"xlsx": "valueadd-增加值率奖励.xlsx", "csv": "valueadd-增加值率奖励.csv"}
	if diff := cmp.Diff(want, st.Summary); diff != "" {
		t.Errorf("summary (-command line +page):\n%s", diff)
	}
	m := st.Summary.Measures[0]
	if m.Rows != 9 || m.Total != "150000.00" || m.Statuses[0].Rows != 4 || m.Skipped != "空行 1，合计行 1，说明行 1" {
		t.Errorf("summary of valueadd.xlsx: %+v", m)
	}
}

// The award workbook and CSV from the page are the command line's: the same sheets, rows,
// statuses and awards (参数's run time aside), and the CSV byte for byte.
func TestDownloadsEqualCommandLine(t *testing.T) {
	p := startPage(t, testOptions(t))
	for _, m := range measure.Registry {
		in := testdata(t, m.Key+".xlsx")
		id, st := p.run(m.Key, in)
		if st.State != "done" {
			t.Fatalf("%s: %+v", m.Key, st)
		}
		resp, xlsx := p.get("/api/jobs/" + id + "/files/xlsx")
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s xlsx: %s %s", m.Key, resp.Status, xlsx)
		}
		_, want := commandLine(t, p.s.o, m, in, "xlsx")
		if diff := cmp.Diff(sheets(t, want), sheets(t, xlsx)); diff != "" {
			t.Errorf("%s xlsx (-command line +page):\n%s", m.Key, diff)
		}
		name := m.Section(p.s.o.Policy).Name
		if got, want := resp.Header.Get("Content-Disposition"), "attachment; filename*=utf-8''"+url.PathEscape(m.Key+"-"+name+".xlsx"); got != want {
			t.Errorf("%s: Content-Disposition %s, want %s", m.Key, got, want)
		}
		_, csv := p.get("/api/jobs/" + id + "/files/csv")
		if _, want := commandLine(t, p.s.o, m, in, "csv"); !bytes.Equal(csv, want) {
			t.Errorf("%s csv differs from the command line's", m.Key)
		}
		golden, err := os.ReadFile(filepath.Join("..", "..", "testdata", m.Key+".golden.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		var page rowsPage
		p.getJSON("/api/jobs/"+id+"/rows", &page)
		var lines []string
		for _, r := range page.Rows {
			lines = append(lines, string(r))
		}
		if diff := cmp.Diff(strings.TrimSpace(string(golden)), strings.Join(lines, "\n")); diff != "" {
			t.Errorf("%s rows (-golden +page):\n%s", m.Key, diff)
		}
	}
}

// `subsidy --set … serve` computes as `subsidy --set … MEASURE` does, and 参数 marks the change.
func TestSetAsOnTheCommandLine(t *testing.T) {
	o := testOptions(t)
	var err error
	if o.Overrides, err = o.Policy.Override([]string{"powerbonus.cap=25万元"}); err != nil {
		t.Fatal(err)
	}
	p := startPage(t, o)
	in := testdata(t, "powerbonus.xlsx")
	id, st := p.run("powerbonus", in)
	if st.State != "done" {
		t.Fatalf("job: %+v", st)
	}
	_, xlsx := p.get("/api/jobs/" + id + "/files/xlsx")
	_, want := commandLine(t, o, measure.PowerBonus, in, "xlsx")
	if diff := cmp.Diff(sheets(t, want), sheets(t, xlsx)); diff != "" {
		t.Errorf("xlsx (-command line +page):\n%s", diff)
	}
	_, unset := commandLine(t, testOptions(t), measure.PowerBonus, in, "xlsx")
	if cmp.Equal(sheets(t, unset), sheets(t, xlsx)) {
		t.Error("--set made no difference")
	}
	var page info
	p.getJSON("/api/info", &page)
	found := false
	for _, param := range page.Measures[1].Params {
		found = found || param.Key == "powerbonus.cap"
		if param.Key == "powerbonus.cap" && (param.Value != "25万元" || param.Was != "20万元") {
			t.Errorf("the page shows %+v", param)
		}
	}
	if !found {
		t.Error("the page shows no powerbonus.cap")
	}
}

// The table's rows filter by status and measure, search name or code, and come a page at a time.
func TestRowsFilterAndSearch(t *testing.T) {
	p := startPage(t, testOptions(t))
	id, _ := p.run("valueadd", testdata(t, "valueadd.xlsx"))
	count := func(query string) (int, int) {
		var page rowsPage
		p.getJSON("/api/jobs/"+id+"/rows?"+query, &page)
		return page.Matched, len(page.Rows)
	}
	for query, want := range map[string][2]int{
		"":               {9, 9},
		"status=awarded": {4, 4},
		"status=invalid": {1, 1},
		"status=awarded&q=" + url.QueryEscape("乙钢铁"): {1, 1},
		"q=" + url.QueryEscape("甲纺织"):                {1, 1},
		"q=91350112730158387m":                       {1, 1}, // a code in any case
		"q=" + url.QueryEscape("９１３５０１１２７３０１５８３８７Ｍ"): {1, 1}, // full-width, as typed in a Chinese input method
		"status=pending&q=" + url.QueryEscape("乙钢铁"): {0, 0},
		"measure=valueadd":                           {9, 9},
		"measure=recruit":                            {0, 0},
		"limit=2&offset=3":                           {9, 2},
		"offset=8":                                   {9, 1},
	} {
		matched, shown := count(query)
		if [2]int{matched, shown} != want {
			t.Errorf("rows?%s: %d matched, %d shown; want %v", query, matched, shown, want)
		}
	}
}

// A template from the page is `subsidy template MEASURE`'s.
func TestTemplateDownload(t *testing.T) {
	p := startPage(t, testOptions(t))
	for _, m := range measure.Registry {
		resp, got := p.get("/api/templates/" + m.Key)
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != contentTypes["xlsx"] {
			t.Fatalf("%s: %s %s", m.Key, resp.Status, resp.Header.Get("Content-Type"))
		}
		var want bytes.Buffer
		if _, err := measure.WriteTemplate(m, p.s.o.Policy, "-", false, &want); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(sheets(t, want.Bytes()), sheets(t, got)); diff != "" {
			t.Errorf("%s template (-command line +page):\n%s", m.Key, diff)
		}
	}
	if resp, _ := p.get("/api/templates/nosuch"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("template of no measure: %s", resp.Status)
	}
}

// Uploads from two tabs at once run apart: their own ids, folders, rows and files.
func TestConcurrentUploads(t *testing.T) {
	p := startPage(t, testOptions(t))
	keys := []string{"valueadd", "techreform", "valueadd", "recruit"}
	ids := make([]string, len(keys))
	var wg sync.WaitGroup
	for i, key := range keys {
		wg.Go(func() {
			code, answer := p.upload(key, testdata(t, key+".xlsx"))
			if code != http.StatusAccepted {
				t.Errorf("%s: %d %s", key, code, answer)
				return
			}
			var started struct{ ID string }
			json.Unmarshal(answer, &started)
			ids[i] = started.ID
		})
	}
	wg.Wait()
	seen := map[string]bool{}
	for i, id := range ids {
		if id == "" || seen[id] {
			t.Fatalf("job ids %v", ids)
		}
		seen[id] = true
		if st := p.wait(id); st.State != "done" || st.Summary.Measures[0].Key != keys[i] {
			t.Fatalf("job %d (%s): %+v", i, keys[i], st)
		}
		var page rowsPage
		p.getJSON("/api/jobs/"+id+"/rows", &page)
		golden, _ := os.ReadFile(filepath.Join("..", "..", "testdata", keys[i]+".golden.jsonl"))
		if got, want := len(page.Rows), bytes.Count(golden, []byte("\n")); got != want {
			t.Errorf("job %d (%s): %d rows, want %d", i, keys[i], got, want)
		}
		for _, r := range page.Rows {
			if !strings.Contains(string(r), `"measure":"`+keys[i]+`"`) {
				t.Errorf("job %d (%s) shows %s", i, keys[i], r)
			}
		}
		path, _ := p.s.jobs.get(id).file("xlsx")
		if !strings.HasPrefix(path, filepath.Join(p.root, id)+string(filepath.Separator)) {
			t.Errorf("job %s wrote %s, outside its folder", id, path)
		}
	}
}

// An upload over the input limit is refused with the command line's words, and nothing is kept.
func TestUploadOverLimit(t *testing.T) {
	o := testOptions(t)
	o.Limits.FileSize = 4 << 10
	p := startPage(t, o)
	code, answer := p.upload("valueadd", testdata(t, "valueadd.xlsx"))
	if code != http.StatusRequestEntityTooLarge || !strings.Contains(string(answer), "超过上限 4KiB") {
		t.Errorf("over the limit: %d %s", code, answer)
	}
	if entries, _ := os.ReadDir(p.root); len(entries) != 0 {
		t.Errorf("left %d entries in the uploads' folder", len(entries))
	}
}

// Uploads that cannot start are refused with a Chinese line.
func TestUploadRefusals(t *testing.T) {
	p := startPage(t, testOptions(t))
	in := testdata(t, "valueadd.xlsx")
	for _, c := range []struct {
		measure string
		files   []namedFile
		want    string
	}{
		{"nosuch", []namedFile{in}, "没有措施“nosuch”"},
		{"valueadd", nil, "没有收到文件"},
		{"valueadd", []namedFile{in, in}, "一项措施一次只算一个工作簿"},
		{"valueadd", []namedFile{{"..", in.data}}, "没有文件名"},
	} {
		code, answer := p.upload(c.measure, c.files...)
		var refused struct{ Error string }
		json.Unmarshal(answer, &refused)
		if code != http.StatusBadRequest || !strings.Contains(refused.Error, c.want) {
			t.Errorf("%s with %d files: %d %s, want %q", c.measure, len(c.files), code, answer, c.want)
		}
	}
}

// A file the command line cannot read fails with its message, naming the upload by its own
// name, never the temp folder.
func TestFailedRunTellsWhy(t *testing.T) {
	p := startPage(t, testOptions(t))
	_, st := p.run("valueadd", namedFile{"申报表.xlsx", []byte("this is not a workbook")})
	if st.State != "failed" || !strings.Contains(st.Error, "申报表.xlsx") || strings.Contains(st.Error, p.root) || st.Summary != nil {
		t.Errorf("job: %+v", st)
	}
	_, st = p.run("powerbonus", testdata(t, "valueadd.xlsx"))
	if st.State != "failed" || !strings.Contains(st.Error, "valueadd.xlsx") || strings.Contains(st.Error, p.root) {
		t.Errorf("a valueadd sheet as powerbonus: %+v", st)
	}
}

// 取消 stops a job and deletes its files.
func TestRemoveJob(t *testing.T) {
	p := startPage(t, testOptions(t))
	id, _ := p.run("valueadd", testdata(t, "valueadd.xlsx"))
	if resp, _ := p.request(http.MethodDelete, "/api/jobs/"+id, nil, ""); resp.StatusCode != http.StatusNoContent {
		t.Fatalf("DELETE: %s", resp.Status)
	}
	if resp, _ := p.get("/api/jobs/" + id); resp.StatusCode != http.StatusNotFound {
		t.Errorf("after DELETE: %s", resp.Status)
	}
	if _, err := os.Stat(filepath.Join(p.root, id)); !os.IsNotExist(err) {
		t.Errorf("the job's folder is still there: %v", err)
	}
}

// commandLineAll runs `subsidy all INPUT… --format FORMAT` on the files and returns what it wrote.
func commandLineAll(t *testing.T, files []namedFile, format string) []byte {
	t.Helper()
	o := testOptions(t)
	dir := t.TempDir()
	var inputs []string
	for _, f := range files {
		path := filepath.Join(dir, f.name)
		if err := os.WriteFile(path, f.data, 0o644); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, path)
	}
	res, err := measure.RunAll(measure.AllOptions{Inputs: inputs, Options: measure.Options{Format: format, Encoding: "utf-8",
		Limits: o.Limits, Policy: o.Policy, PolicyName: o.PolicyName, Version: o.Version, Now: time.Now()}})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(res.Output)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// 全部 runs every workbook uploaded, in order, as `subsidy all` does: the same award
// workbook and CSV, the rows of every measure. A name with [ ] is the file, not a pattern.
func TestAllRunsEveryWorkbook(t *testing.T) {
	p := startPage(t, testOptions(t))
	spring := testdata(t, "springfestival.xlsx")
	files := []namedFile{testdata(t, "valueadd.xlsx"), testdata(t, "techreform.xlsx"), {"春节[2月].xlsx", spring.data}}
	id, st := p.run("all", files...)
	if st.State != "done" {
		t.Fatalf("job: %+v", st)
	}
	var keys []string
	for _, m := range st.Summary.Measures {
		keys = append(keys, m.Key)
	}
	if diff := cmp.Diff([]string{"valueadd", "springfestival", "techreform"}, keys); diff != "" || !st.Summary.All || st.Summary.Downloads["xlsx"] != "valueadd-全部奖励.xlsx" {
		t.Errorf("summary %+v: measures (-want +got):\n%s", st.Summary, diff)
	}
	cli := append(files[:2:2], namedFile{"春节［2月］.xlsx", spring.data})
	_, xlsx := p.get("/api/jobs/" + id + "/files/xlsx")
	if diff := cmp.Diff(sheets(t, commandLineAll(t, cli, "xlsx")), sheets(t, xlsx)); diff != "" {
		t.Errorf("xlsx (-command line +page):\n%s", diff)
	}
	if _, csv := p.get("/api/jobs/" + id + "/files/csv"); !bytes.Equal(csv, commandLineAll(t, cli, "csv")) {
		t.Error("csv differs from the command line's")
	}
	var page rowsPage
	p.getJSON("/api/jobs/"+id+"/rows?measure=springfestival", &page)
	if page.Matched != st.Summary.Measures[1].Rows || !strings.Contains(string(page.Rows[0]), `"file":"春节［2月］.xlsx"`) {
		t.Errorf("rows of springfestival: %d, first %s", page.Matched, page.Rows[0])
	}
}

// The page's policy is the one in force, each measure with its clause and parameters.
func TestInfo(t *testing.T) {
	o := testOptions(t)
	var in info
	startPage(t, o).getJSON("/api/info", &in)
	if in.Policy.ID != o.Policy.ID || len(in.Measures) != len(measure.Registry) || in.MaxFileText != "512MiB" {
		t.Fatalf("info %+v", in)
	}
	for i, m := range measure.Registry {
		got, sec := in.Measures[i], m.Section(o.Policy)
		if got.Key != m.Key || got.Text != sec.Text || got.Clause != sec.ClauseLabel() || len(got.Params) != len(o.Policy.Params(m.Key)) {
			t.Errorf("%s: %+v", m.Key, got)
		}
	}
}
