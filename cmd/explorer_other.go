//go:build !windows

package cmd

// startedByExplorer is Windows' question; elsewhere a program is started from a shell.
func startedByExplorer() bool { return false }
