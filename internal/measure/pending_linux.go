package measure

import (
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// createPending opens an unnamed file in dir (O_TMPFILE): if the process is killed, even
// with SIGKILL, nothing is left. Where the file system or /proc does not allow it, a
// hidden temporary file is used instead.
func createPending(dir, base string) (*pendingFile, error) {
	if _, err := os.Stat("/proc/self/fd"); err == nil {
		fd, err := unix.Open(dir, unix.O_TMPFILE|unix.O_WRONLY|unix.O_CLOEXEC, 0o644)
		if err == nil {
			return &pendingFile{File: os.NewFile(uintptr(fd), filepath.Join(dir, "."+base+".unnamed"))}, nil
		}
	}
	return createNamed(dir, base)
}

// link gives the file a (further) name.
func (p *pendingFile) link(path string) error {
	if p.name != "" {
		return os.Link(p.name, path)
	}
	return unix.Linkat(unix.AT_FDCWD, fmt.Sprintf("/proc/self/fd/%d", p.Fd()), unix.AT_FDCWD, path, unix.AT_SYMLINK_FOLLOW)
}
