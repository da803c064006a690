package measure

import (
	"fmt"
	"io"
	"time"
)

// progress reports rows written, rate and time left on a terminal during long runs.
type progress struct {
	w          io.Writer // nil: report nothing
	total      int
	done       int
	start      time.Time
	last       time.Time
	shown      bool
	quietUntil time.Duration // short runs print nothing
}

func newProgress(w io.Writer, total int) *progress {
	now := time.Now()
	return &progress{w: w, total: total, start: now, last: now, quietUntil: time.Second}
}

// row counts one data row written.
func (p *progress) row() {
	if p.w == nil {
		return
	}
	p.done++
	if p.done%1024 != 0 {
		return
	}
	now := time.Now()
	if now.Sub(p.start) < p.quietUntil || now.Sub(p.last) < 500*time.Millisecond {
		return
	}
	p.last = now
	p.shown = true
	rate := float64(p.done) / now.Sub(p.start).Seconds()
	left := time.Duration(float64(p.total-p.done) / rate * float64(time.Second))
	fmt.Fprintf(p.w, "\r已处理 %d/%d 行（%d%%），%.0f 行/秒，约剩 %s   ", p.done, p.total, p.done*100/max(p.total, 1), rate, left.Round(time.Second))
}

// finish ends the progress line, if one was shown.
func (p *progress) finish() {
	if p.shown {
		fmt.Fprintf(p.w, "\r已处理 %d/%d 行，用时 %s%30s\n", p.done, p.total, time.Since(p.start).Round(100*time.Millisecond), "")
	}
}
