// Command subsidy computes the enterprise awards of 长政办规〔2024〕1号.
package main

import (
	"os"

	"github.com/changle/subsidy/cmd"
)

func main() { os.Exit(cmd.Run(os.Args[1:], os.Stdout, os.Stderr)) }
