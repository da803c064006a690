package measure

import "github.com/changle/subsidy/sheet"

// outputError is a failure to write the output, told in Chinese; the system's error, which
// names the temporary file, stays wrapped for errors.Is and is never shown.
type outputError struct {
	msg string
	err error
}

func (e *outputError) Error() string { return e.msg }

func (e *outputError) Unwrap() error { return e.err }

// cause is why the system refused, in a few Chinese words.
func cause(err error) string { return sheet.SystemCause(err) }
