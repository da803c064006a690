package cmd

import "os/exec"

// startHelper starts a program without waiting for it, and reaps it when it ends.
func startHelper(c *exec.Cmd) error {
	if err := c.Start(); err != nil {
		return err
	}
	go c.Wait()
	return nil
}
