package measure

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// renameNoReplace names the file without ever replacing another (renameat2
// RENAME_NOREPLACE, which vfat and exfat support where they have no hard links).
func renameNoReplace(from, to string) error {
	err := unix.Renameat2(unix.AT_FDCWD, from, unix.AT_FDCWD, to, unix.RENAME_NOREPLACE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) {
		return renameIfAbsent(from, to) // a file system (some FUSE ones) without the flag
	}
	if err != nil {
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: err}
	}
	return nil
}
