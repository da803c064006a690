// Package serve is the calculator as a page on this computer (subsidy serve, SPEC §10): the
// runs of the command line over uploaded workbooks, kept in a temp folder removed on exit.
package serve

import (
	"context"
	"crypto/rand"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/changle/subsidy/internal/policy"
	"github.com/changle/subsidy/internal/usererr"
	"github.com/changle/subsidy/internal/workbook"
)

// Options are what the page runs with.
type Options struct {
	Addr       string // host:port on this computer; "" = 127.0.0.1 and a free port
	Policy     *policy.Policy
	PolicyName string
	Overrides  []policy.Change // what --set changed in Policy, marked in 参数
	Version    string
	Limits     workbook.Limits    // per uploaded file, as for the command line's input
	Message    func(error) string // the command line's one Chinese line for an error
	Ready      func(url string)   // called once the page can be opened at url
}

// shutdownGrace is how long a download under way may finish once the page is stopped.
const shutdownGrace = 3 * time.Second

// Serve runs the page until ctx is cancelled (Ctrl-C), then stops every run, removes the
// uploads and outputs, and returns nil.
func Serve(ctx context.Context, o Options) error {
	addr, err := loopback(o.Addr)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return usererr.Wrap(err, "无法在 "+addr+" 上提供页面（端口可能已被占用）", "请换一个端口，例如 --addr 127.0.0.1:8081，或不加 --addr 由本工具选择空闲端口")
	}
	defer ln.Close()
	dir, err := os.MkdirTemp("", "subsidy-serve-")
	if err != nil {
		return usererr.Wrap(err, "无法建立存放上传文件的临时文件夹", "请检查系统临时文件夹是否可写、磁盘是否已满")
	}
	defer os.RemoveAll(dir)
	s := newServer(ctx, o, dir, rand.Text(), ln.Addr().String())
	defer s.jobs.close() // before the folder goes: every run has stopped writing into it
	srv := &http.Server{Handler: s.routes(), ReadHeaderTimeout: 10 * time.Second}
	shut := make(chan struct{})
	stop := context.AfterFunc(ctx, func() {
		defer close(shut)
		grace, cancel := context.WithTimeout(context.Background(), shutdownGrace)
		defer cancel()
		if srv.Shutdown(grace) != nil {
			srv.Close()
		}
	})
	if o.Ready != nil {
		o.Ready(s.url())
	}
	err = srv.Serve(ln)
	if stop() { // not stopped by ctx: serving failed on its own
		srv.Close()
		return usererr.Wrap(err, "页面服务意外停止", "请重新运行 subsidy serve")
	}
	<-shut // downloads under way have finished or been cut off
	return nil
}
