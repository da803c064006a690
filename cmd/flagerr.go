package cmd

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/changle/subsidy/internal/usererr"
)

// flagExamples show a flag written right, for messages about a flag written wrong.
var flagExamples = map[string]string{
	"output": "-o 结果.xlsx", "format": "--format csv", "encoding": "--encoding gbk",
	"sheet": "--sheet 申报表", "header-row": "--header-row 3", "password": "--password 密码",
	"map": "--map output=去年产值(万元)", "unit": "--unit output=万元",
	"max-file-size": "--max-file-size 2GiB", "max-unzip-size": "--max-unzip-size 2GiB",
	"policy": "--policy 新方案.yaml", "prior": "--prior 1月-招聘活动补助.xlsx", "set": "--set powerbonus.cap=25万元",
}

// flagError says in Chinese what is wrong with a flag as typed; cobra calls it for every
// flag parsing error (unknown flag, missing value, a value that is not of the flag's type).
func flagError(c *cobra.Command, err error) error {
	help := "可用的选项见 " + c.CommandPath() + " --help"
	var (
		notExist *pflag.NotExistError
		noValue  *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist):
		typed := "--" + notExist.GetSpecifiedName()
		if notExist.GetSpecifiedShortnames() != "" {
			typed = "-" + notExist.GetSpecifiedName()
		}
		do := help
		if near := nearestFlag(c, notExist.GetSpecifiedName()); near != "" {
			do = "是否想用 --" + near + "？" + help
		}
		return usererr.Wrap(err, "没有 "+typed+" 这个选项", do)
	case errors.As(err, &noValue):
		name := noValue.GetFlag().Name
		return usererr.Wrap(err, "--"+name+" 后面缺少值", "例如 "+example(name))
	case errors.As(err, &invalid):
		return usererr.Wrap(err, invalidValue(invalid.GetFlag(), invalid.GetValue()), "例如 "+example(invalid.GetFlag().Name))
	case errors.As(err, &syntax):
		return usererr.Wrap(err, "选项“"+syntax.GetSpecifiedFlag()+"”写法有误", "选项写作 --名称 或 --名称=值，"+help)
	}
	return usererr.Wrap(err, "选项有误", help)
}

// invalidValue says why a value does not fit its flag's type.
func invalidValue(f *pflag.Flag, value string) string {
	switch f.Value.Type() {
	case "int":
		return fmt.Sprintf("--%s 的值“%s”不是整数", f.Name, value)
	case "bool":
		return fmt.Sprintf("--%s 是开关，不需要值（“%s”既不是 true 也不是 false）", f.Name, value)
	case "stringToString":
		return fmt.Sprintf("--%s 的值“%s”应写作“字段=…”", f.Name, value)
	}
	return fmt.Sprintf("--%s 的值“%s”无效", f.Name, value)
}

func example(name string) string {
	if e, ok := flagExamples[name]; ok {
		return e
	}
	return "--" + name
}

// nearestFlag is the command's flag closest to a mistyped name (--froce → force), or "".
func nearestFlag(c *cobra.Command, typed string) string {
	best, bestDist := "", 3 // more than two edits away is no suggestion
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		d := editDistance(strings.ToLower(typed), f.Name)
		if strings.HasPrefix(f.Name, typed) && len(typed) >= 3 {
			d = 0
		}
		if d < bestDist {
			best, bestDist = f.Name, d
		}
	})
	return best
}

// editDistance is the Levenshtein distance between two short names.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
