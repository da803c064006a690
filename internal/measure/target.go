package measure

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/changle/subsidy/internal/usererr"
)

// checkTarget refuses, before any work and again just before the output takes its name,
// a path that may not be written: an existing file without force, and, even with force,
// anything that is not a regular file (SPEC §5: a device, a FIFO, a folder, a link).
func checkTarget(path string, force bool) error {
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
		return checkFolder(filepath.Dir(path))
	case err != nil:
		return usererr.Wrap(err, fmt.Sprintf("无法访问输出文件 %s（%s）", path, cause(err)), "请检查路径和权限后再试")
	}
	mode := fi.Mode()
	var kind string
	switch {
	case mode.IsRegular() && force:
		return nil
	case mode.IsRegular():
		return usererr.New("输出文件 "+path+" 已存在，未作改动；如需覆盖请加 --force", "")
	case mode.IsDir():
		kind = "一个文件夹"
	case mode&fs.ModeSymlink != 0:
		kind = "一个符号链接"
	case mode&fs.ModeNamedPipe != 0:
		kind = "一个命名管道（FIFO）"
	case mode&fs.ModeDevice != 0:
		kind = "一个设备文件"
	default:
		kind = "一个特殊文件"
	}
	return usererr.New(fmt.Sprintf("输出路径 %s 是%s，不是普通文件，未作改动（--force 只替换普通文件）", path, kind), "请用 -o 另指一个文件名，或用 -o - 输出到标准输出")
}

// checkFolder says, in words a user can act on, why an output cannot be made in dir.
func checkFolder(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return usererr.Wrap(err, "输出文件夹 "+dir+" 不存在", "请先建好这个文件夹，或用 -o 指定已有文件夹中的文件")
	case errors.Is(err, syscall.ENOTDIR) || (err == nil && !fi.IsDir()):
		return usererr.New("输出路径中的 "+dir+" 不是文件夹", "请检查 -o 给出的路径")
	case err != nil:
		return usererr.Wrap(err, fmt.Sprintf("无法访问输出文件夹 %s（%s）", dir, cause(err)), "请检查路径和权限后再试")
	}
	return nil
}
