package cmd

import "os/exec"

// openBrowser opens url in the default browser.
func openBrowser(url string) error { return startHelper(exec.Command("open", url)) }
