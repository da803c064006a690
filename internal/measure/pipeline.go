package measure

import (
	"github.com/changle/subsidy/internal/award"

	"errors"

	"github.com/changle/subsidy/internal/table"
	"github.com/changle/subsidy/internal/workbook"
)

// decided is a row on its way from the rule to the writer.
type decided struct {
	line table.Line
	res  *award.Result
}

// batchSize rows cross between goroutines at a time, so the hand-over costs little per row.
const batchSize = 256

// pipeline reads and decides rows on one goroutine while write takes them, in order, on
// this one: on two cores the reading and the writing of a large sheet overlap.
func pipeline(t *table.Table, decide func(table.Line) *award.Result, write func(table.Line, *award.Result) error) error {
	batches := make(chan []decided, 8)
	stop := make(chan struct{})
	readErr := make(chan error, 1)
	go func() {
		defer close(batches)
		batch := make([]decided, 0, batchSize)
		err := t.Scan(func(l table.Line) error {
			// The scanner reuses its cells; the row must outlive this call.
			l.Row.Cells = append([]workbook.Cell(nil), l.Row.Cells...)
			batch = append(batch, decided{l, decide(l)})
			if len(batch) < batchSize {
				return nil
			}
			select {
			case batches <- batch:
				batch = make([]decided, 0, batchSize)
				return nil
			case <-stop:
				return errStopped
			}
		})
		if err == nil && len(batch) > 0 {
			select {
			case batches <- batch:
			case <-stop:
			}
		}
		readErr <- err
	}()
	var writeErr error
	for batch := range batches {
		for _, d := range batch {
			if writeErr == nil {
				writeErr = write(d.line, d.res)
			}
		}
		if writeErr != nil {
			close(stop)
			for range batches {
			}
			break
		}
	}
	if err := <-readErr; err != nil && !errors.Is(err, errStopped) {
		return err
	}
	return writeErr
}

// errStopped ends the reading side after the writing side failed.
var errStopped = errors.New("stopped")
