package cmd

import "github.com/inconshreveable/mousetrap"

// startedByExplorer tells a double-click on the program from a run typed in a console.
func startedByExplorer() bool { return mousetrap.StartedByExplorer() }
