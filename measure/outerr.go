package measure

import (
	"errors"
	"io/fs"
	"syscall"
)

// outputError is a failure to write the output, told in Chinese; the system's error, which
// names the temporary file, stays wrapped for errors.Is and is never shown.
type outputError struct {
	msg string
	err error
}

func (e *outputError) Error() string { return e.msg }

func (e *outputError) Unwrap() error { return e.err }

// cause is why the system refused, in a few Chinese words.
func cause(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "文件夹不存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有权限"
	case errors.Is(err, syscall.ENOSPC):
		return "磁盘空间已满"
	case errors.Is(err, syscall.EDQUOT):
		return "超出磁盘配额"
	case errors.Is(err, syscall.EROFS):
		return "磁盘只读"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "文件名太长"
	case errors.Is(err, syscall.EIO):
		return "磁盘读写出错"
	}
	return "系统拒绝了操作"
}
