package workbook

import (
	"errors"
	"io/fs"
	"syscall"
)

// SystemCause is why the system refused a file operation, in a few Chinese words: the
// system's own message is English and names the (temporary) file.
func SystemCause(err error) string {
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
