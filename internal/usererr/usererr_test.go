package usererr

import (
	"errors"
	"io/fs"
	"testing"
)

func TestErrorHidesItsCause(t *testing.T) {
	err := Wrap(fs.ErrNotExist, "找不到输入文件 a.xlsx", "请检查文件名")
	if got, want := err.Error(), "找不到输入文件 a.xlsx：请检查文件名"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Error("the cause is not reachable through errors.Is")
	}
	if got := New("已中断", "").Error(); got != "已中断" {
		t.Errorf("without a hint: %q", got)
	}
}
