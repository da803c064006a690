package measure

import (
	"context"

	"github.com/changle/subsidy/internal/workbook"
)

// cancelCheckRows is how many rows are read between looks at the context: often enough
// to stop within milliseconds, rarely enough to cost nothing.
const cancelCheckRows = 256

// cancellable reads a Source until ctx is cancelled (an interrupt), then stops with ctx's
// error, so every pass over the sheet ends and nothing is written.
type cancellable struct {
	workbook.Source
	ctx context.Context
}

func (c cancellable) Rows(name string, fn func(int, []workbook.Cell) error) error {
	n := 0
	return c.Source.Rows(name, func(num int, cells []workbook.Cell) error {
		if n%cancelCheckRows == 0 {
			if err := c.ctx.Err(); err != nil {
				return err
			}
		}
		n++
		return fn(num, cells)
	})
}
