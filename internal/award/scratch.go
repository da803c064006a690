package award

import (
	"fmt"
	"os"

	"github.com/changle/subsidy/internal/usererr"
	"github.com/changle/subsidy/internal/workbook"
)

// scratch tells a failure of the temporary file 明细 is deflated into by its folder, never
// its name; nil stays nil.
func scratch(err error) error {
	if err == nil {
		return nil
	}
	return usererr.Wrap(err, fmt.Sprintf("临时文件夹 %s 无法使用（%s）", os.TempDir(), workbook.SystemCause(err)), "请确认它存在、可以写入且有空间，或用环境变量 TMPDIR 另指一个文件夹")
}
