package cmd

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/changle/subsidy/internal/measure"
	"github.com/changle/subsidy/internal/usererr"
)

// oneInput accepts exactly one input file, and says which way the arguments are off.
func oneInput(use string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		switch {
		case len(args) == 0:
			return usererr.New("没有给出输入文件", "例如：subsidy "+use)
		case len(args) > 1:
			return usererr.New(fmt.Sprintf("只能给一个输入文件，却给了 %d 个（%s）", len(args), strings.Join(args, "、")),
				"文件名中有空格时请加引号，例如：subsidy "+c.Name()+" \"申报 表.xlsx\"")
		}
		return nil
	}
}

// noArgs refuses arguments to a command that takes none.
func noArgs(c *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usererr.New(c.CommandPath()+" 不需要参数，却给了“"+strings.Join(args, " ")+"”", "用法见 "+c.CommandPath()+" --help")
	}
	return nil
}

// showHelpOrRefuse runs a command that only groups others: alone it shows its help, with
// an argument it says there is no such command.
func showHelpOrRefuse(c *cobra.Command, args []string) error {
	if len(args) == 0 {
		return c.Help()
	}
	return unknownCommand(c, args[0])
}

// unknownCommand names what was typed, the command it may have meant, and the commands there are.
func unknownCommand(c *cobra.Command, typed string) error {
	var names []string
	for _, sub := range c.Commands() {
		if sub.IsAvailableCommand() {
			names = append(names, sub.Name())
		}
	}
	what := fmt.Sprintf("%s 没有“%s”这个命令", c.CommandPath(), typed)
	if isInputFile(typed) && !c.HasParent() {
		return usererr.New(what, fmt.Sprintf("请先写措施名，例如：subsidy valueadd %s（措施：%s）", typed, strings.Join(measure.Keys(), "、")))
	}
	do := "可用的命令：" + strings.Join(names, "、") + "；详见 " + c.CommandPath() + " --help"
	c.SuggestionsMinimumDistance = 2 // cobra's default 0 only suggests by prefix
	if near := c.SuggestionsFor(typed); len(near) > 0 {
		do = "是否想用 " + c.CommandPath() + " " + near[0] + "？" + do
	}
	return usererr.New(what, do)
}

// isInputFile tells a workbook given without its measure (subsidy 申报表.xlsx) from a mistyped command.
func isInputFile(arg string) bool {
	switch strings.ToLower(filepath.Ext(arg)) {
	case ".xlsx", ".xls", ".et", ".csv", ".ods":
		return true
	}
	_, err := os.Stat(arg)
	return err == nil
}
