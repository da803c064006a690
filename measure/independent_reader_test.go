package measure

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/changle/subsidy/policy"
)

// debianPython has openpyxl from Debian's python3-openpyxl (.ci/run installs it).
const debianPython = "/usr/bin/python3"

// An independent reader (openpyxl, read-only, trusting <dimension>) sees in 明细 the
// statuses and numeric awards of the JSON output, and in 汇总 their sum.
func TestAwardWorkbookWithOpenpyxl(t *testing.T) {
	if err := exec.Command(debianPython, "-c", "import openpyxl").Run(); err != nil {
		t.Skip("openpyxl not installed (apt-get install python3-openpyxl)")
	}
	p, err := policy.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range All {
		t.Run(m.Key, func(t *testing.T) {
			dir := t.TempDir()
			input := filepath.Join("..", "testdata", m.Key+".xlsx")
			xlsx := filepath.Join(dir, "award.xlsx")
			jsonl := filepath.Join(dir, "award.jsonl")
			for _, out := range []string{xlsx, jsonl} {
				if _, err := Run(m, Options{Input: input, Output: out, Policy: p, Now: time.Unix(0, 0)}); err != nil {
					t.Fatal(err)
				}
			}
			var stdout bytes.Buffer
			check := exec.Command(debianPython, filepath.Join("..", "testdata", "tools", "check_award_workbook.py"), xlsx, jsonl)
			check.Stdout, check.Stderr = &stdout, os.Stderr
			if err := check.Run(); err != nil {
				t.Errorf("openpyxl check failed: %v\n%s", err, stdout.String())
			}
		})
	}
}
