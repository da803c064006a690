package cmd

import (
	"bufio"
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"
)

// runFromExplorer is a run started by a double-click in Windows Explorer: staff who never
// open a terminal get the page, its console window staying open as the way to stop it. A
// run that fails keeps the window until Enter, so its message can be read.
func runFromExplorer(ctx context.Context, args []string, in io.Reader, out, errOut io.Writer) int {
	cobra.MousetrapHelpText = "" // cobra's own splash says, in English, to use a terminal, then exits
	code := run(ctx, explorerArgs(args), out, errOut)
	if code != ExitOK {
		fmt.Fprintln(errOut, "按回车键关闭此窗口")
		bufio.NewReader(in).ReadString('\n')
	}
	return code
}

// explorerArgs: a double-click gives no arguments, and means the page.
func explorerArgs(args []string) []string {
	if len(args) == 0 {
		return []string{"serve"}
	}
	return args
}
