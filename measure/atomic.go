package measure

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
)

// writeAtomically writes the output without a name (or under a hidden temporary one where
// the system cannot) and gives it its name only once complete, so a crash, an interrupt or
// a kill never leaves a half-written award file, nor replaces the previous one.
func writeAtomically(path string, force bool, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	out, err := createPending(dir, filepath.Base(path))
	if err != nil {
		return fmt.Errorf("无法在 %s 写入输出: %w", dir, err)
	}
	defer func() {
		if err != nil {
			out.discard()
		}
	}()
	stop := exitOnInterrupt(out)
	defer stop()
	if err = write(out); err != nil {
		return fmt.Errorf("写输出文件 %s 失败: %w", path, err)
	}
	if err = out.Sync(); err != nil {
		return fmt.Errorf("写输出文件 %s 失败: %w", path, err)
	}
	if err = out.publish(path, force); err != nil {
		return err
	}
	return out.Close()
}

// pendingFile is an output being written: anonymous (Linux O_TMPFILE) or hidden by name.
type pendingFile struct {
	*os.File
	name string // "" while anonymous
}

// createNamed makes a hidden temporary file beside the output, readable like a document.
func createNamed(dir, base string) (*pendingFile, error) {
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return nil, err
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return &pendingFile{File: f, name: f.Name()}, nil
}

// publish gives the complete file its name. Without force it never replaces a file that
// exists (a link fails where a rename would not).
func (p *pendingFile) publish(path string, force bool) error {
	if !force {
		if err := p.link(path); err != nil {
			return fmt.Errorf("输出文件 %s 已存在，未作改动；如需覆盖请加 --force", path)
		}
		if p.name != "" {
			os.Remove(p.name)
		}
		return nil
	}
	staged := p.name
	if staged == "" {
		named, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
		if err != nil {
			return fmt.Errorf("无法写入输出文件 %s: %w", path, err)
		}
		staged = named.Name()
		named.Close()
		os.Remove(staged)
		if err := p.link(staged); err != nil {
			return fmt.Errorf("无法写入输出文件 %s: %w", path, err)
		}
	}
	if err := os.Rename(staged, path); err != nil {
		os.Remove(staged)
		return fmt.Errorf("无法写入输出文件 %s: %w", path, err)
	}
	return nil
}

func (p *pendingFile) discard() {
	p.Close()
	if p.name != "" {
		os.Remove(p.name)
	}
}

// exitOnInterrupt removes a named temporary file and exits if the run is interrupted
// (Ctrl-C, SIGTERM) while it writes; an anonymous one vanishes with the process.
func exitOnInterrupt(p *pendingFile) (stop func()) {
	signals := make(chan os.Signal, 1)
	done := make(chan struct{})
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case <-signals:
			if p.name != "" {
				os.Remove(p.name)
			}
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
