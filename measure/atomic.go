package measure

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
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
	stop := removeOnInterrupt(tmp.Name())
	defer stop()
	// CreateTemp makes the file private; an award file is shared like any document.
	if err = tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("无法在 %s 写入输出: %w", filepath.Dir(path), err)
	}
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

// removeOnInterrupt deletes the temporary file and exits if the run is interrupted
// (Ctrl-C, kill) while it writes, so no partial file is left behind.
func removeOnInterrupt(name string) (stop func()) {
	signals := make(chan os.Signal, 1)
	done := make(chan struct{})
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case <-signals:
			os.Remove(name)
			fmt.Fprintln(os.Stderr, "已中断：未写出输出文件")
			os.Exit(130)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(signals)
		close(done)
	}
}
