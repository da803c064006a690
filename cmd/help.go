package cmd

import (
	"github.com/spf13/cobra"
)

// usageTemplate is cobra's, with the headings in Chinese first, as the rest of the help.
const usageTemplate = `用法 Usage:{{if and .Runnable (not .HasAvailableSubCommands)}}
  {{.UseLine}}{{if .HasAvailableFlags}} [选项]{{end}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} 命令 [选项]{{end}}{{if .HasExample}}

示例 Examples:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

命令 Commands:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

选项 Flags:
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

全局选项 Global flags:
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

各命令的说明：{{.CommandPath}} 命令 --help / more about a command: {{.CommandPath}} COMMAND --help{{end}}
`

// bilingualHelp gives the command tree the help, version and help-command texts in Chinese first;
// cobra's own are English only.
func bilingualHelp(root *cobra.Command) {
	root.SetUsageTemplate(usageTemplate)
	root.PersistentFlags().BoolP("help", "h", false, "显示帮助 / help")
	root.Flags().BoolP("version", "v", false, "显示版本 / print the version")
	root.CompletionOptions.DisableDefaultCmd = true // its help and errors are English only
	var noFlagsInUse func(*cobra.Command)
	noFlagsInUse = func(c *cobra.Command) { // the template says [选项] instead of [flags]
		c.DisableFlagsInUseLine = true
		for _, sub := range c.Commands() {
			noFlagsInUse(sub)
		}
	}
	noFlagsInUse(root)
	root.SetHelpCommand(&cobra.Command{
		Use:   "help [命令]",
		Short: "显示某个命令的帮助 / help about a command",
		RunE: func(c *cobra.Command, args []string) error {
			target, rest, err := c.Root().Find(args)
			if len(rest) > 0 {
				return unknownCommand(target, rest[0])
			}
			if err != nil {
				return err
			}
			return target.Help()
		},
	})
}
