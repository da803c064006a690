//go:build unix

package main

import (
	"fmt"
	"io/fs"
	"os"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/sys/unix"
)

// mkfifo NAME makes a named pipe, as a user's `mkfifo` would.
func mkfifo(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: mkfifo NAME")
	}
	ts.Check(unix.Mkfifo(ts.MkAbs(args[0]), 0o644))
}

// mknull NAME makes a character device like /dev/null (root only: see [root]), so a
// script can offer a device without going near the real /dev.
func mknull(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: mknull NAME")
	}
	ts.Check(unix.Mknod(ts.MkAbs(args[0]), unix.S_IFCHR|0o666, int(unix.Mkdev(1, 3))))
}

// filekind PATH prints what PATH is, not following a link: regular, dir, symlink, fifo,
// device or other.
func filekind(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: filekind PATH")
	}
	fi, err := os.Lstat(ts.MkAbs(args[0]))
	ts.Check(err)
	kind := "other"
	switch m := fi.Mode(); {
	case m.IsRegular():
		kind = "regular"
	case m.IsDir():
		kind = "dir"
	case m&fs.ModeSymlink != 0:
		kind = "symlink"
	case m&fs.ModeNamedPipe != 0:
		kind = "fifo"
	case m&fs.ModeDevice != 0:
		kind = "device"
	}
	fmt.Fprintln(ts.Stdout(), kind)
}
