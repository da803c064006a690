// Package usererr is the one kind of error a person at the command line reads: what
// went wrong and what to do about it, in Chinese, without the internal cause.
package usererr

// Error is a message for the user. Its text never includes Err: a Go error names
// functions, temporary files and English phrases staff cannot act on.
type Error struct {
	What string // what went wrong, e.g. "申报表.xlsx 已损坏"
	Do   string // what to do, e.g. "请在 Excel/WPS 中打开并另存为 .xlsx 后再试"; may be empty
	Err  error  // the cause, kept for errors.Is/As; not shown
}

// New is a message with no underlying cause.
func New(what, do string) *Error { return &Error{What: what, Do: do} }

// Wrap is a message explaining err; err stays reachable through errors.Is/As.
func Wrap(err error, what, do string) *Error { return &Error{What: what, Do: do, Err: err} }

// Error is the one line shown: what went wrong, then what to do.
func (e *Error) Error() string {
	if e.Do == "" {
		return e.What
	}
	return e.What + "：" + e.Do
}

func (e *Error) Unwrap() error { return e.Err }
