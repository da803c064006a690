package workbook

import (
	"errors"
	"fmt"

	"github.com/changle/subsidy/internal/usererr"
)

// checkedBook reads a Book's rows and tells the two ways a read can fail apart: the
// caller's own fn stopping it (its error passes through as it was) or a worksheet that
// cannot be parsed, reported as damage the user can act on, without part names or Go text.
type checkedBook struct{ *Book }

func (b checkedBook) Rows(name string, fn func(int, []Cell) error) error {
	var fnErr error
	last := 0
	err := b.Book.Rows(name, func(num int, cells []Cell) error {
		last = num
		fnErr = fn(num, cells)
		return fnErr
	})
	switch {
	case err == nil:
		return nil
	case fnErr != nil:
		return fnErr
	}
	where := "工作表“" + name + "”"
	if last > 0 {
		where += fmt.Sprintf("第%d行之后", last)
	}
	if errors.Is(err, errElementTooLarge) {
		return usererr.Wrap(err, where+"有一行或一段文字超过 64 MiB", "不像申报表的内容，疑似损坏或恶意文件：请检查后再试")
	}
	return usererr.Wrap(err, "工作簿已损坏（"+where+"的内容无法读取）", "请在 Excel/WPS 中打开（提示修复时选“是”），另存为 .xlsx 后再试")
}
