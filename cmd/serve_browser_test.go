package cmd

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

// The page in a real browser, as staff use it: `subsidy serve` started as typed, Debian's
// chromium driven headless by chromedp. It uploads the bundled valueadd.xlsx, reads the
// summary, filters the rows by status, searches them, downloads the award workbook and
// finds it the command line's; then Ctrl-C (the context) ends serve with exit 0.
// Without chromium it is skipped, except under CI=true, where it fails.
func TestServeInBrowser(t *testing.T) {
	chromium := chromiumForTest(t)
	dir := t.TempDir()
	input, err := filepath.Abs("../testdata/valueadd.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	cli := filepath.Join(dir, "命令行.xlsx")
	var cliErr bytes.Buffer
	if code := run(context.Background(), []string{"valueadd", input, "-o", cli, "--quiet"}, io.Discard, &cliErr); code != ExitOK {
		t.Fatalf("subsidy valueadd: exit %d: %s", code, cliErr.String())
	}

	serveCtx, interrupt := context.WithCancel(context.Background())
	defer interrupt()
	out := &addressWatch{found: make(chan string, 1)}
	var serveErr bytes.Buffer
	exited := make(chan int, 1)
	go func() { exited <- run(serveCtx, []string{"serve", "--no-browser"}, out, &serveErr) }()
	var page string
	select {
	case page = <-out.found:
	case code := <-exited:
		t.Fatalf("subsidy serve: exit %d: %s", code, serveErr.String())
	case <-time.After(30 * time.Second):
		t.Fatal("subsidy serve printed no address")
	}

	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium), chromedp.NoSandbox)...)
	defer cancelAlloc()
	tab, closeTab := chromedp.NewContext(alloc)
	defer closeTab()
	if err := chromedp.Do(tab); err != nil { // starts the browser, with no timeout of its own
		t.Fatalf("starting chromium: %v", err)
	}
	ctx, cancel := context.WithTimeout(tab, 2*time.Minute)
	defer cancel()
	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}

	downloads := filepath.Join(dir, "downloads")
	eventsOn := true
	must("upload", chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: downloads, EventsEnabled: &eventsOn})
			return err
		}),
		chromedp.Navigate(page),
		chromedp.WaitReady(chromedp.CSS(`#measure option[value="valueadd"]`)),
		chromedp.SetValue(chromedp.ID("measure"), "valueadd"),
		chromedp.SetUploadFiles(chromedp.ID("files"), []string{input}),
		chromedp.WaitEnabled(chromedp.ID("start")),
		chromedp.Click(chromedp.ID("start")),
		chromedp.WaitVisible(chromedp.CSS("#summary table")),
	))

	heading, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#summary h3")))
	must("summary heading", err)
	if want := "增加值率奖励（第7条）：工作表“申报表”，表头第3行，共 9 行"; heading != want {
		t.Errorf("summary heading %q, want %q", heading, want)
	}
	summary, err := chromedp.Run(ctx, chromedp.Evaluate[map[string][]string](
		`Object.fromEntries([...document.querySelectorAll('#summary tbody tr')].map(tr => [tr.dataset.status || '合计', [...tr.cells].slice(1).map(td => td.textContent)]))`))
	must("summary", err)
	wantSummary := map[string][]string{ // the README's worked example
		"awarded": {"4 行", "150,000.00 元"}, "not_eligible": {"3 行", "0.00 元"}, "pending": {"1 行", "0.00 元"},
		"invalid": {"1 行", "0.00 元"}, "合计": {"9 行", "150,000.00 元"},
	}
	if diff := cmp.Diff(wantSummary, summary); diff != "" {
		t.Errorf("summary on the page (-want +got):\n%s", diff)
	}

	// rowsShown waits until the table shows n rows and returns their statuses and names.
	rowsShown := func(what string, n int) [][]string {
		t.Helper()
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll('#rows tbody tr').length === `+strconv.Itoa(n),
			chromedp.WithPollingTimeout(30*time.Second)))
		must(what, err)
		rows, err := chromedp.Run(ctx, chromedp.Evaluate[[][]string](
			`[...document.querySelectorAll('#rows tbody tr')].map(tr => [tr.dataset.status, tr.cells[2].textContent, tr.querySelector('td.status').textContent])`))
		must(what, err)
		return rows
	}
	if rows := rowsShown("all rows", 9); len(rows) != 9 {
		t.Errorf("%d rows before filtering", len(rows))
	}
	must("filter", chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#filters button[data-filter="awarded"]`))))
	awarded := rowsShown("rows 予以奖励", 4)
	for _, r := range awarded {
		if r[0] != "awarded" || r[2] != "予以奖励" {
			t.Errorf("filtered to 予以奖励, the table shows %v", r)
		}
	}
	must("search", chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("search"), "乙钢铁")))
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector('#page-text').textContent === '第 1–1 行，共 1 行'`, chromedp.WithPollingTimeout(30*time.Second)))
	must("search result", err)
	if found := rowsShown("search", 1); found[0][1] != "福州长乐乙钢铁有限公司" {
		t.Errorf("search 乙钢铁 shows %v", found)
	}

	progress := chromedp.Events(ctx, browser.DownloadProgress)
	must("download", chromedp.Do(ctx, chromedp.Click(chromedp.ID("download-xlsx"))))
	var downloaded string
	for ev, err := range progress {
		must("download", err)
		if ev.State == browser.DownloadProgressStateCanceled {
			t.Fatal("the download was cancelled")
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			downloaded = filepath.Join(downloads, ev.GUID)
			break
		}
	}
	if diff := cmp.Diff(workbookCells(t, cli), workbookCells(t, downloaded)); diff != "" {
		t.Errorf("award workbook (-command line +page):\n%s", diff)
	}

	interrupt() // Ctrl-C
	select {
	case code := <-exited:
		if code != ExitOK {
			t.Errorf("subsidy serve stopped by Ctrl-C: exit %d, want 0: %s", code, serveErr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("subsidy serve did not stop")
	}
	if !strings.Contains(serveErr.String(), "已停止") {
		t.Errorf("stderr %q", serveErr.String())
	}
}

// chromiumForTest is Debian's chromium; none skips the test, or fails it under CI=true.
func chromiumForTest(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is not installed; .ci/run installs Debian's chromium")
	}
	t.Skip("chromium is not installed (apt-get install chromium)")
	return ""
}

// addressWatch is serve's stdout: it hands on the page's address once printed.
type addressWatch struct {
	mu    sync.Mutex
	text  bytes.Buffer
	found chan string // nil once sent
}

var pageAddress = regexp.MustCompile(`http://\S+`)

func (a *addressWatch) Write(p []byte) (int, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.text.Write(p)
	if url := pageAddress.FindString(a.text.String()); url != "" && a.found != nil {
		a.found <- url
		a.found = nil
	}
	return len(p), nil
}

// workbookCells is every sheet of a workbook as cell values, in order; 参数's run time,
// which differs between any two runs, is left out.
func workbookCells(t *testing.T, path string) map[string][][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cells := map[string][][]string{"（工作表）": {f.GetSheetList()}}
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if name != "参数" || len(r) == 0 || r[0] != "运行时间" {
				cells[name] = append(cells[name], r)
			}
		}
	}
	return cells
}
