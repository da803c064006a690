package cmd

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// An interrupt (the context cancelled) ends a run with 130, one line, and no output file.
func TestInterruptedRunExits130AndWritesNothing(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out := filepath.Join(t.TempDir(), "out.xlsx")
	var stdout, stderr bytes.Buffer
	code := run(ctx, []string{"valueadd", "../testdata/valueadd.xlsx", "-o", out, "--quiet"}, &stdout, &stderr)
	if code != ExitInterrupted {
		t.Errorf("exit code %d, want %d; stderr: %s", code, ExitInterrupted, stderr.String())
	}
	if got := stderr.String(); got != "已中断：未写出输出文件\n" {
		t.Errorf("stderr = %q", got)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("%s was written", out)
	}
}
