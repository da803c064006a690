package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"unicode"

	"github.com/changle/subsidy/internal/usererr"
)

// Exit codes (SPEC §6).
const (
	ExitOK          = 0   // ran, whatever the statuses
	ExitError       = 1   // could not run; nothing written
	ExitStrict      = 3   // --strict and some row pending or invalid
	ExitDiffers     = 4   // subsidy diff --exit-code and the two outputs differ
	ExitInterrupted = 130 // Ctrl-C or SIGTERM; nothing written (128 + SIGINT, as shells report it)
)

// errStrict carries exit code 3 out of a run that otherwise succeeded.
var errStrict = errors.New("strict")

// exit tells the user how a command ended and returns the process exit code.
func exit(err error, errOut io.Writer) int {
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, errStrict):
		return ExitStrict // the --strict line is already printed
	case errors.Is(err, errDiffers):
		return ExitDiffers // the --exit-code line is already printed
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(errOut, "已中断：未写出输出文件")
		return ExitInterrupted
	}
	fmt.Fprintf(errOut, "错误：%s\n", userError(err).Error())
	return ExitError
}

// userError is the one message a failed command leaves: a *usererr.Error as it came,
// else the error's own (Chinese) text with any system error in it told in Chinese.
func userError(err error) *usererr.Error {
	if ue, ok := err.(*usererr.Error); ok {
		return ue
	}
	text := withChineseOSErrors(err)
	if !hasCJK(text) {
		// A Go error no message of ours explains: say so in Chinese, keep its text for support.
		return usererr.Wrap(err, "运行失败（"+text+"）", "这是本工具的问题，请把这条信息连同输入文件告知维护人员")
	}
	return usererr.Wrap(err, text, "")
}

func hasCJK(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
