package workbook

import (
	"bytes"
	"errors"
	"io"
	"os"
	"unicode/utf8"
)

// isUTF8File reads the file once through a small buffer and reports whether all of it,
// after an optional BOM, is UTF-8: a GBK file fails within its first Chinese character.
// utf8BOM starts a CSV that Excel should read as UTF-8.
const utf8BOM = "\ufeff"

func isUTF8File(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	buf := make([]byte, 64<<10)
	carry := 0 // bytes of a character cut by the previous read, moved to the front
	first := true
	for {
		n, err := io.ReadFull(f, buf[carry:])
		data := buf[:carry+n]
		if first {
			data = bytes.TrimPrefix(data, []byte(utf8BOM))
			first = false
		}
		done := errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
		if err != nil && !done {
			return false, err
		}
		cut := len(data)
		if !done {
			cut = completeRunes(data)
		}
		if !utf8.Valid(data[:cut]) {
			return false, nil
		}
		if done {
			return true, nil
		}
		carry = copy(buf, data[cut:])
	}
}

// completeRunes is the length of data without a character cut off at its end.
func completeRunes(data []byte) int {
	for i := len(data) - 1; i >= 0 && i >= len(data)-utf8.UTFMax; i-- {
		if utf8.RuneStart(data[i]) {
			if utf8.FullRune(data[i:]) {
				return len(data)
			}
			return i
		}
	}
	return len(data)
}
