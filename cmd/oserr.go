package cmd

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"syscall"
)

// withChineseOSErrors is err's text with the text of each system error in its chain
// ("open x.tmp: no such file or directory") replaced by what it means in Chinese: the
// message around it already names the file the user gave.
func withChineseOSErrors(err error) string {
	text := err.Error()
	for _, e := range chain(err) {
		switch e.(type) {
		case *fs.PathError, *os.LinkError, *os.SyscallError:
			text = strings.Replace(text, e.Error(), osReason(e), 1)
		}
	}
	return text
}

// chain lists err and every error it wraps, depth first.
func chain(err error) []error {
	if err == nil {
		return nil
	}
	list := []error{err}
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		list = append(list, chain(u.Unwrap())...)
	case interface{ Unwrap() []error }:
		for _, e := range u.Unwrap() {
			list = append(list, chain(e)...)
		}
	}
	return list
}

// osReason says in Chinese why the system refused; an unusual one keeps its own text for support.
func osReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "文件或文件夹不存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有权限"
	case errors.Is(err, fs.ErrExist):
		return "文件已存在"
	case errors.Is(err, syscall.EISDIR):
		return "这是文件夹，不是文件"
	case errors.Is(err, syscall.ENOTDIR):
		return "路径中有一段不是文件夹"
	case errors.Is(err, syscall.ENOSPC):
		return "磁盘空间不足"
	case errors.Is(err, syscall.EROFS):
		return "磁盘只读"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "文件名过长"
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return "系统错误（" + errno.Error() + "）"
	}
	return "系统错误"
}
