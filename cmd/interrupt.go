package cmd

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// interruptible is a context cancelled by Ctrl-C or SIGTERM, so a run stops, writes nothing
// and exits 130. After the first signal the default returns: a second one ends a run
// stuck where it cannot look at the context (a read from a pipe, say).
func interruptible() (context.Context, context.CancelFunc) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop()
	}()
	return ctx, stop
}
