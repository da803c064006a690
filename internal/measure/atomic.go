package measure

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/changle/subsidy/internal/usererr"
)

// writeAtomically writes the output without a name (or under a hidden temporary one where
// the system cannot) and gives it its name only once complete, so a crash, an interrupt or
// a kill never leaves a half-written award file, nor replaces the previous one.
func writeAtomically(path string, force bool, write func(io.Writer) error) (err error) {
	if err := checkTarget(path, force); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	out, err := createPending(dir, filepath.Base(path))
	if err != nil {
		if folderErr := checkFolder(dir); folderErr != nil {
			return folderErr
		}
		return usererr.Wrap(err, fmt.Sprintf("无法在文件夹 %s 中写文件（%s）", dir, cause(err)), "请换一个可以写入的文件夹")
	}
	defer func() {
		if err != nil {
			out.discard()
		}
	}()
	w := &watchedWriter{w: out}
	if err = write(w); err != nil {
		if w.err != nil {
			return writeError(path, w.err)
		}
		return err
	}
	if err = out.Sync(); err != nil {
		return writeError(path, err)
	}
	if err = out.publish(path, force); err != nil {
		return err
	}
	if err = out.Close(); err != nil {
		return writeError(path, err)
	}
	return nil
}

// watchedWriter keeps the output's own write error apart from the input's read errors.
type watchedWriter struct {
	w   io.Writer
	err error
}

func (w *watchedWriter) Write(p []byte) (int, error) {
	n, err := w.w.Write(p)
	if err != nil && w.err == nil {
		w.err = err
	}
	return n, err
}

func writeError(path string, err error) error {
	return usererr.Wrap(err, fmt.Sprintf("写输出文件 %s 失败（%s），未写出输出", path, cause(err)), "请确认磁盘有空间、可以写入后再试")
}

func publishError(path string, err error) error {
	return usererr.Wrap(err, fmt.Sprintf("无法把输出存为 %s（%s），未写出输出", path, cause(err)), "请确认该文件夹可以写入后再试")
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

// hardLink is a variable so that tests can play a file system without hard links.
var hardLink = (*pendingFile).link

// publish gives the complete file its name. Without force it never replaces anything
// that exists (a link, or a rename that refuses to replace, fails where a rename would not).
func (p *pendingFile) publish(path string, force bool) error {
	if force {
		return p.replace(path)
	}
	err := hardLink(p, path)
	if err == nil {
		if p.name != "" {
			os.Remove(p.name)
		}
		return nil
	}
	if errors.Is(err, fs.ErrExist) {
		return existing(path, err)
	}
	if p.name == "" {
		return publishError(path, err)
	}
	// No hard links here (FAT, exFAT, some network shares: EPERM, EOPNOTSUPP, EXDEV).
	if err := renameNoReplace(p.name, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return existing(path, err)
		}
		return publishError(path, err)
	}
	return nil
}

// existing explains a name that was taken while the output was written.
func existing(path string, err error) error {
	if why := checkTarget(path, false); why != nil {
		return why
	}
	return publishError(path, err)
}

// replace renames the complete file over path, which may only be a regular file.
func (p *pendingFile) replace(path string) error {
	staged := p.name
	if staged == "" {
		named, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
		if err != nil {
			return publishError(path, err)
		}
		staged = named.Name()
		named.Close()
		os.Remove(staged)
		if err := hardLink(p, staged); err != nil {
			return publishError(path, err)
		}
	}
	if err := checkTarget(path, true); err != nil {
		os.Remove(staged)
		return err
	}
	if err := os.Rename(staged, path); err != nil {
		os.Remove(staged)
		return publishError(path, err)
	}
	return nil
}

// renameIfAbsent renames unless to exists; where the system has no rename that refuses
// to replace, the gap between the check and the rename is all that is left.
func renameIfAbsent(from, to string) error {
	if _, err := os.Lstat(to); err == nil {
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: fs.ErrExist}
	}
	return os.Rename(from, to)
}

func (p *pendingFile) discard() {
	p.Close()
	if p.name != "" {
		os.Remove(p.name)
	}
}
