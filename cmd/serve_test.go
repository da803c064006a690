package cmd

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Flags become serve's options through the run-function seam, as the user typed them.
func TestServeFlagsToOptions(t *testing.T) {
	cases := []struct {
		args []string
		want serveOptions
	}{
		{nil, serveOptions{maxFileSize: "512MiB", maxUnzip: "1GiB"}},
		{[]string{"--addr", "127.0.0.1:8080", "--no-browser", "--max-file-size", "2GiB", "--max-unzip-size", "3GiB"},
			serveOptions{addr: "127.0.0.1:8080", noBrowser: true, maxFileSize: "2GiB", maxUnzip: "3GiB"}},
	}
	for _, c := range cases {
		var got *serveOptions
		var out bytes.Buffer
		cmd := newServeCmd(IO{Out: &out, Err: &out}, &globalOptions{}, func(_ context.Context, o *serveOptions) error {
			got = o
			return nil
		})
		cmd.SetArgs(c.args)
		if err := cmd.Execute(); err != nil {
			t.Fatalf("%v: %v", c.args, err)
		}
		got.io, got.global = IO{}, nil
		if diff := cmp.Diff(c.want, *got, cmp.AllowUnexported(serveOptions{})); diff != "" {
			t.Errorf("%v (-want +got):\n%s", c.args, diff)
		}
	}
}

// A double-click gives no arguments: it means the page.
func TestExplorerArgs(t *testing.T) {
	if got := explorerArgs(nil); !cmp.Equal(got, []string{"serve"}) {
		t.Errorf("no arguments: %v", got)
	}
	if got := explorerArgs([]string{"申报表.xlsx"}); !cmp.Equal(got, []string{"申报表.xlsx"}) {
		t.Errorf("a file dropped on the program: %v", got)
	}
}

// A run from Explorer that fails keeps its window until Enter, so its message can be read.
func TestExplorerRunWaitsOnFailure(t *testing.T) {
	var out, errOut bytes.Buffer
	stdin := strings.NewReader("\n")
	code := runFromExplorer(context.Background(), []string{"申报表.xlsx"}, stdin, &out, &errOut)
	if code != ExitError || !strings.HasSuffix(errOut.String(), "按回车键关闭此窗口\n") || stdin.Len() != 0 {
		t.Errorf("exit %d, stderr %q, %d bytes of input left", code, errOut.String(), stdin.Len())
	}
}
