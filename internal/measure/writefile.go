package measure

import "io"

// WriteFile writes data to path as every output of this tool is written: complete or not at
// all, never over an existing file without force, never over anything but a regular file.
func WriteFile(path string, force bool, data []byte) error {
	return writeAtomically(path, force, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}
