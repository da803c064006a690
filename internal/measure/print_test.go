package measure

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// needTools skips a test without the programs it drives, except in CI, where it fails.
func needTools(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("CI needs %s (.ci/run installs libreoffice-calc-nogui, fonts-wqy-zenhei, poppler-utils)", tool)
			}
			t.Skipf("%s not installed", tool)
		}
	}
}

// The award workbook of a 120-row list, printed by LibreOffice as staff would print it: 明细
// on A4 landscape pages, each with the header and every column (no strips), the codes and
// the reasons in full.
func TestAwardWorkbookPrints(t *testing.T) {
	needTools(t, "soffice", "pdftotext", "pdfinfo")
	rows := [][]any{{"长乐区2024年增加值率奖励测算表"}, {"序号", "企业名称", "统一社会信用代码", "所属乡镇(街道)", "2023年产值(万元)", "增加值率(%)", "备注"}}
	for i := 0; i < 120; i++ {
		rows = append(rows, []any{i + 1, fmt.Sprintf("福州长乐第%03d号纺织科技有限公司", i), validCode(i), "航城街道", 40000 + i*500, 21 + i%6, ""})
	}
	input := writeBook(t, "list.xlsx", rowsAt(1, rows...))
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "award.xlsx")
	p := builtinPolicy(t)
	if _, err := Run(ValueAdd, Options{Input: input, Output: xlsx, Policy: p, Now: time.Unix(0, 0)}); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("soffice", "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(dir, "lo"), "--convert-to", "pdf", "--outdir", dir, xlsx)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := filepath.Join(dir, "award.pdf")
	info, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	for _, line := range strings.Split(string(info), "\n") {
		if n, ok := strings.CutPrefix(line, "Pages:"); ok {
			pages, _ = strconv.Atoi(strings.TrimSpace(n))
		}
	}
	detailPages := 0
	for page := 1; page <= pages; page++ {
		text, err := exec.Command("pdftotext", "-layout", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(text, []byte("明细")) || bytes.Contains(text, []byte("略过的行")) || bytes.Contains(text, []byte("输入文件SHA-256")) {
			continue // 汇总 and 参数
		}
		detailPages++
		for _, header := range []string{"企业名称", "统一社会信用代码", "政策条款", "计算说明"} {
			if !bytes.Contains(text, []byte(header)) {
				t.Errorf("page %d of 明细 lacks the header %s: a column strip or no repeated header\n%s", page, header, text)
			}
		}
		if !bytes.Contains(text, []byte("changle-2024q1")) {
			t.Errorf("page %d has no footer with the policy", page)
		}
	}
	// 120 rows with wrapped reasons take a few pages, not the dozen of column strips.
	if detailPages < 2 || detailPages > 12 {
		t.Errorf("明细 printed on %d pages of %d, want 2–12", detailPages, pages)
	}
	all, err := exec.Command("pdftotext", "-raw", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(all)), "")
	if code := validCode(7); !strings.Contains(flat, code) {
		t.Errorf("the code %s is not printed in full", code)
	}
	reason := "2023年产值5.00亿元≥5亿元，增加值率23.00%≥22%且<24%；奖励3万元" // row 20: 50000万元 at 23%
	if !strings.Contains(flat, reason) {
		t.Errorf("the whole reason %q is not printed", reason)
	}
}
