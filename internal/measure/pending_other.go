//go:build !linux

package measure

import "os"

// createPending makes a hidden temporary file beside the output.
func createPending(dir, base string) (*pendingFile, error) { return createNamed(dir, base) }

// link gives the file a (further) name.
func (p *pendingFile) link(path string) error { return os.Link(p.name, path) }
