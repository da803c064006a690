package main

import (
	"fmt"
	"os"
	"os/exec"
)

// condition [localc] holds where LibreOffice is installed, and always on CI (CI=true),
// where .ci/run installs it: there a missing soffice fails the script instead of skipping it.
// [root] holds when the tests run as root, who alone may make a device node.
func condition(cond string) (bool, error) {
	switch cond {
	case "localc":
		_, err := exec.LookPath("soffice")
		return err == nil || os.Getenv("CI") == "true", nil
	case "root":
		return os.Geteuid() == 0, nil
	}
	return false, fmt.Errorf("unknown condition %q", cond)
}
