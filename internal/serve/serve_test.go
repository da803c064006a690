package serve

import (
	"bytes"
	"context"
	"mime/multipart"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"
)

// Serve listens on 127.0.0.1 with a random token, and once its context ends returns nil
// with every run stopped and its temp folder gone, uploads and outputs with it.
func TestServeStopsAndRemovesItsFiles(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	o := testOptions(t)
	ready := make(chan string, 1)
	o.Ready = func(u string) { ready <- u }
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, o) }()
	var page *url.URL
	select {
	case u := <-ready:
		page, _ = url.Parse(u)
	case err := <-done:
		t.Fatalf("Serve: %v", err)
	}
	if page.Hostname() != "127.0.0.1" || len(page.Query().Get("token")) < 26 {
		t.Fatalf("address %s", page)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	w, _ := mw.CreateFormFile("file", "valueadd.xlsx")
	w.Write(testdata(t, "valueadd.xlsx").data)
	mw.Close()
	resp, err := http.Post("http://"+page.Host+"/api/jobs?measure=valueadd&token="+page.Query().Get("token"), mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		t.Fatalf("upload: %s", resp.Status)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 1 || !strings.HasPrefix(entries[0].Name(), "subsidy-serve-") {
		t.Fatalf("temp folder holds %v", entries)
	}
	cancel() // while the job may still run
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve after its context ended: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Serve did not stop")
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("left in the temp folder: %v", entries)
	}
	if _, err := http.Get(page.String()); err == nil {
		t.Error("still answering after it stopped")
	}
}

// An address taken, or not this computer's, is refused before anything is served.
func TestServeRefusesAddress(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	for addr, want := range map[string]string{
		taken.Addr().String(): "端口可能已被占用",
		"0.0.0.0:0":           "不是本机地址",
		"127.0.0.1:x":         "无法在 127.0.0.1:x 上提供页面",
	} {
		o := testOptions(t)
		o.Addr = addr
		o.Ready = func(string) { t.Errorf("%s: served", addr) }
		if err := Serve(context.Background(), o); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", addr, err, want)
		}
	}
}
