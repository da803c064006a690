//go:build unix

package measure

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestForceReplacesOnlyARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for path, kind := range map[string]string{"/dev/null": "设备文件", fifo: "命名管道", dir: "文件夹"} {
		if err := checkTarget(path, true); err == nil || !strings.Contains(err.Error(), kind) {
			t.Errorf("checkTarget(%s, force): %v", path, err)
		}
	}
	regular := filepath.Join(dir, "old.csv")
	os.WriteFile(regular, []byte("old"), 0o644)
	if err := checkTarget(regular, true); err != nil {
		t.Errorf("a regular file with --force: %v", err)
	}
	if err := checkTarget(regular, false); err == nil || !strings.Contains(err.Error(), "已存在") {
		t.Errorf("a regular file without --force: %v", err)
	}
}
