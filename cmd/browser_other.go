//go:build !windows && !darwin

package cmd

import "os/exec"

// openBrowser opens url in the desktop's default browser (freedesktop.org's xdg-open).
func openBrowser(url string) error { return startHelper(exec.Command("xdg-open", url)) }
