package cmd

import "os/exec"

// openBrowser opens url in the default browser as Windows opens a link.
func openBrowser(url string) error {
	return startHelper(exec.Command("rundll32", "url.dll,FileProtocolHandler", url))
}
