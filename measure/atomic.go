package measure

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// writeAtomically writes to a temporary file in the output's folder and renames it
// into place, so a crash never leaves a half-written award file.
func writeAtomically(path string, force bool, write func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("无法在 %s 写入输出: %w", filepath.Dir(path), err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return fmt.Errorf("写输出文件 %s 失败: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("写输出文件 %s 失败: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("写输出文件 %s 失败: %w", path, err)
	}
	if !force {
		// Link fails if the output appeared meanwhile, where a rename would replace it.
		if err = os.Link(tmp.Name(), path); err != nil {
			return fmt.Errorf("输出文件 %s 已存在，未作改动；如需覆盖请加 --force", path)
		}
		return os.Remove(tmp.Name())
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("无法写入输出文件 %s: %w", path, err)
	}
	return nil
}
