package measure

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// withoutHardLinks plays a FAT or exFAT stick: every link fails with errno.
func withoutHardLinks(t *testing.T, errno syscall.Errno) {
	saved := hardLink
	hardLink = func(p *pendingFile, path string) error {
		return &os.LinkError{Op: "link", Old: p.name, New: path, Err: errno}
	}
	t.Cleanup(func() { hardLink = saved })
}

func pendingWith(t *testing.T, dir, text string) *pendingFile {
	t.Helper()
	p, err := createNamed(dir, "out.csv") // FAT has no O_TMPFILE either
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(p, text); err != nil {
		t.Fatal(err)
	}
	return p
}

func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	return m
}

// Without hard links the output is renamed into place, still never over an existing file,
// and a refused link is not reported as "已存在".
func TestPublishWithoutHardLinks(t *testing.T) {
	for _, errno := range []syscall.Errno{syscall.EPERM, syscall.EOPNOTSUPP, syscall.EXDEV} { // ENOTSUP is EOPNOTSUPP on Linux
		t.Run(errno.Error(), func(t *testing.T) {
			withoutHardLinks(t, errno)
			dir := t.TempDir()
			path := filepath.Join(dir, "out.csv")
			p := pendingWith(t, dir, "new")
			if err := p.publish(path, false); err != nil {
				t.Fatalf("publish on a file system without links: %v", err)
			}
			p.Close()
			if got, _ := os.ReadFile(path); string(got) != "new" {
				t.Errorf("output holds %q, want new", got)
			}

			again := pendingWith(t, dir, "newer")
			err := again.publish(path, false)
			again.discard()
			if err == nil || !strings.Contains(err.Error(), "已存在，未作改动") {
				t.Errorf("publish over an existing file without --force: %v", err)
			}
			if got, _ := os.ReadFile(path); string(got) != "new" {
				t.Errorf("existing output became %q", got)
			}
			if m := leftovers(t, dir); len(m) > 0 {
				t.Errorf("temporary files left: %v", m)
			}
		})
	}
}

// A missing folder is named as such: no temporary file's name, no English.
func TestWriteIntoMissingFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "没有", "out.xlsx")
	err := writeAtomically(path, false, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err })
	if err == nil || !strings.Contains(err.Error(), "不存在") || strings.Contains(err.Error(), ".tmp") || strings.Contains(err.Error(), "no such") {
		t.Fatalf("error: %v", err)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the cause is not wrapped: %v", err)
	}
}

// An error reading the input is the input's message, not a failure to write the output.
func TestInputErrorIsNotAWriteError(t *testing.T) {
	errInput := errors.New("in.xlsx: 工作表“Sheet1”第3行出现在第5行之后")
	path := filepath.Join(t.TempDir(), "out.xlsx")
	err := writeAtomically(path, false, func(io.Writer) error { return errInput })
	if err != errInput {
		t.Errorf("error: %v", err)
	}
	if _, statErr := os.Lstat(path); !errors.Is(statErr, fs.ErrNotExist) {
		t.Errorf("output written after a failed run: %v", statErr)
	}
}
