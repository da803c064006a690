package measure

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/changle/subsidy/internal/policy"
)

// debianPython has openpyxl from Debian's python3-openpyxl (.ci/run installs it).
const debianPython = "/usr/bin/python3"

// An independent reader (openpyxl, read-only, trusting <dimension>) sees in 明细 the
// statuses and numeric awards of the JSON output, and in 汇总 their sum.
func TestAwardWorkbookWithOpenpyxl(t *testing.T) {
	if err := exec.Command(debianPython, "-c", "import openpyxl").Run(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("CI needs openpyxl to check award workbooks: apt-get install python3-openpyxl (.ci/run does)")
		}
		t.Skip("openpyxl not installed (apt-get install python3-openpyxl)")
	}
	p, err := policy.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	inputs := map[string]string{}
	for _, m := range All {
		inputs[m.Key] = filepath.Join("..", "..", "testdata", m.Key+".xlsx")
	}
	inputs["valueadd-generated"] = generatedValueAdd(t, 5000)
	for name, input := range inputs {
		m := All[strings.TrimSuffix(name, "-generated")]
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			xlsx := filepath.Join(dir, "award.xlsx")
			jsonl := filepath.Join(dir, "award.jsonl")
			for _, out := range []string{xlsx, jsonl} {
				if _, err := Run(m, Options{Input: input, Output: out, Policy: p, Now: time.Unix(0, 0)}); err != nil {
					t.Fatal(err)
				}
			}
			var stdout bytes.Buffer
			check := exec.Command(debianPython, filepath.Join("..", "..", "testdata", "tools", "check_award_workbook.py"), xlsx, jsonl)
			check.Stdout, check.Stderr = &stdout, os.Stderr
			if err := check.Run(); err != nil {
				t.Errorf("openpyxl check failed: %v\n%s", err, stdout.String())
			}
		})
	}
}

// generatedValueAdd writes an n-row valueadd workbook with a title row, so the award
// workbook's rows do not start at 2 and a wrong <dimension> would hide most of them.
func generatedValueAdd(t *testing.T, n int) string {
	t.Helper()
	rows := [][]any{{"测算表"}, {"企业名称", "统一社会信用代码", "2023年产值(万元)", "增加值率(%)"}}
	for i := 0; i < n; i++ {
		rows = append(rows, []any{fmt.Sprintf("企业%05d", i), fmt.Sprintf("91350112%09d", i), 10000 + i*37%90000, 20 + i%8})
	}
	return writeBook(t, "generated.xlsx", rowsAt(1, rows...))
}
