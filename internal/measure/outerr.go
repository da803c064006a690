package measure

import "github.com/changle/subsidy/internal/workbook"

// cause is why the system refused, in a few Chinese words: the system's own message is
// English and names the temporary file, so it stays wrapped in a usererr.Error, unshown.
func cause(err error) string { return workbook.SystemCause(err) }
