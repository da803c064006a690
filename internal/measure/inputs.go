package measure

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/changle/subsidy/internal/usererr"
)

// inputFile is a workbook the quarter's run reads: named on the command line, or found in a
// folder or by a pattern.
type inputFile struct {
	path  string
	named bool
}

// expandInputs turns arguments into workbooks: a folder is its .xlsx and .csv files in name
// order, a pattern (*.xlsx) the files it matches — the tool expands them itself, since
// cmd.exe and PowerShell pass them on as typed.
func expandInputs(args []string) ([]inputFile, error) {
	var files []inputFile
	for _, arg := range args {
		if _, err := os.Stat(arg); err != nil && strings.ContainsAny(arg, "*?[") { // 申报[1].xlsx is a file
			matches, err := filepath.Glob(arg)
			if err != nil || len(matches) == 0 {
				return nil, usererr.New("没有文件符合“"+arg+"”", "请核对文件夹和文件名，例如 申报表/*.xlsx")
			}
			slices.Sort(matches)
			for _, m := range matches {
				files = append(files, inputFile{m, false})
			}
			continue
		}
		st, err := os.Stat(arg)
		if err != nil || !st.IsDir() {
			files = append(files, inputFile{arg, true}) // opening it says what is wrong
			continue
		}
		entries, err := os.ReadDir(arg)
		if err != nil {
			return nil, usererr.Wrap(err, "无法读取文件夹 "+arg, "请确认该文件夹可以读取")
		}
		for _, e := range entries {
			ext := strings.ToLower(filepath.Ext(e.Name()))
			if !e.IsDir() && (ext == ".xlsx" || ext == ".csv") && !strings.HasPrefix(e.Name(), "~$") {
				files = append(files, inputFile{filepath.Join(arg, e.Name()), false})
			}
		}
	}
	if len(files) == 0 {
		return nil, usererr.New("没有给出申报表", "例如：subsidy all 申报汇总.xlsx，或一个文件夹")
	}
	return files, nil
}
