package cmd

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/xuri/excelize/v2"
)

// goFragments are pieces of Go, cobra, zip and YAML error text: none may reach a user.
var goFragments = []string{
	": no such file", "no such file or directory", "is a directory", "permission denied",
	"open ", "read ", "strconv.", `parsing "`, "invalid syntax", "xl/", ".tmp", "not an xlsx",
	"unknown flag", "unknown shorthand", "unknown command", "invalid argument", "flag needs",
	"bad flag syntax", "Usage:", "Error:", "yaml:", "did you mean", "Did you mean",
}

// TestEveryMessageIsChinese runs the command through every error path we can list, and
// the ones generated from the command tree (each command: an unknown flag, too many
// arguments; each flag: no value, a value of the wrong type), and requires every line on
// stderr to be Chinese and free of Go's own words.
func TestEveryMessageIsChinese(t *testing.T) {
	dir := t.TempDir()
	writeInputs(t, dir)
	t.Chdir(dir)

	type invocation struct {
		args      []string
		cancelled bool // interrupted before it starts
		code      int  // the exit code expected, or anyFailure
	}
	const anyFailure = -1
	fails := func(args ...string) invocation { return invocation{args: args, code: anyFailure} }
	runs := []invocation{
		// Files that cannot be read.
		fails("valueadd", "missing.xlsx"),
		fails("valueadd", "nodir/missing.xlsx"),
		fails("valueadd", "."),
		fails("valueadd", "empty.xlsx"),
		fails("valueadd", "cut.xlsx"),
		fails("valueadd", "damaged.xlsx"),
		fails("valueadd", "table.ods"),
		fails("valueadd", "ods-renamed.xlsx"),
		fails("valueadd", "text.xlsx"),
		fails("valueadd", "tabs.xlsx"),
		fails("valueadd", "page.xls"),
		fails("valueadd", "old.xls"),
		fails("valueadd", "noise.xlsx"),
		fails("valueadd", "locked.xlsx"),
		fails("valueadd", "locked.xlsx", "--password", "wrong"),
		fails("valueadd", "ok.xlsx", "--max-file-size", "1KiB"),
		fails("valueadd", "ok.xlsx", "--max-file-size", "x"),
		fails("valueadd", "ok.xlsx", "--max-unzip-size", "-1"),
		fails("valueadd", "nocolumn.xlsx"),
		// Flags that do not fit the file or each other.
		fails("valueadd", "ok.xlsx", "--sheet", "没有这个表"),
		fails("valueadd", "ok.xlsx", "--header-row", "99"),
		fails("valueadd", "ok.xlsx", "--header-row", "-1"),
		fails("valueadd", "ok.xlsx", "--map", "没有这个字段=x"),
		fails("valueadd", "ok.xlsx", "--map", "2023年产值=没有这个表头"),
		fails("valueadd", "ok.xlsx", "--unit", "2023年产值=斤"),
		fails("valueadd", "ok.xlsx", "--format", "pdf"),
		fails("valueadd", "ok.xlsx", "--encoding", "big5"),
		fails("valueadd", "ok.xlsx", "--encoding", "gbk", "-o", "x.xlsx"),
		fails("valueadd", "ok.xlsx", "-o", "out.txt"),
		fails("valueadd", "ok.xlsx", "-o", "x.csv", "--format", "json"),
		fails("valueadd", "ok.xlsx", "-o", "ok.xlsx", "--force"),
		fails("valueadd", "ok.xlsx", "-o", "exists.xlsx"),
		fails("valueadd", "ok.xlsx", "-o", "nodir/out.xlsx"),
		fails("--policy", "nope.yaml", "valueadd", "ok.xlsx"),
		fails("--policy", ".", "policy", "show"),
		fails("--policy", "broken.yaml", "policy", "show"),
		fails("--policy", "ok.xlsx", "policy", "show"),
		fails("--set", "powerbonus.kap=25万元", "valueadd", "ok.xlsx"),
		fails("--set", "powerbonus.cap=25%", "policy", "show"),
		fails("--set", "powerbonus.cap", "valueadd", "ok.xlsx"),
		fails("template", "nosuch"),
		fails("template", "valueadd", "-o", "exists.xlsx"),
		fails("ok.xlsx"),
		fails("valuead", "ok.xlsx"),
		fails("help", "nosuch"),
		fails("policy", "nosuch"),
		fails("serve", "--addr", "0.0.0.0:8080"),
		fails("serve", "--addr", "8080"),
		fails("serve", "--max-file-size", "x"),
		fails("--policy", "nope.yaml", "serve"),
		// Runs that end otherwise than in an error still speak Chinese on stderr.
		{args: []string{"valueadd", "ok.xlsx", "-o", "strict.xlsx", "--strict"}, code: ExitStrict},
		{args: []string{"valueadd", "ok.xlsx", "-o", "cut-short.xlsx"}, cancelled: true, code: ExitInterrupted},
		{args: []string{"valueadd", "blank.xlsx", "-o", "blank-out.xlsx", "--quiet"}, code: ExitOK},
		{args: []string{"valueadd", "exported.xlsx", "-o", "exported.jsonl"}, code: ExitOK},
		{args: []string{"template", "valueadd", "-o", "t.xlsx"}, code: ExitOK},
		// Comparisons: outputs of this tool, and files that are not.
		{args: []string{"valueadd", "ok.xlsx", "-o", "va.xlsx", "--quiet"}, code: ExitOK},
		{args: []string{"--set", "valueadd.tiers[0].award=6万元", "valueadd", "ok.xlsx", "-o", "va6.jsonl", "--quiet"}, code: ExitOK},
		{args: []string{"diff", "va.xlsx", "va6.jsonl", "-o", "d.xlsx"}, code: ExitOK},
		{args: []string{"diff", "va.xlsx", "va6.jsonl", "--exit-code"}, code: ExitDiffers},
		{args: []string{"diff", "va.xlsx", "va6.jsonl", "-o", "cut-short.jsonl"}, cancelled: true, code: ExitInterrupted},
		fails("diff", "ok.xlsx", "va.xlsx"),
		fails("diff", "va.xlsx", "cut.xlsx"),
		fails("diff", "va.xlsx", "missing.xlsx"),
		fails("diff", "va.xlsx", "broken.yaml"),
		fails("diff", "va.xlsx", "va6.jsonl", "-o", "va.xlsx", "--force"),
		fails("diff", "va.xlsx", "va6.jsonl", "-o", "d.txt"),
		fails("diff", "va.xlsx", "va6.jsonl", "--format", "json"),
		fails("diff", "va.xlsx"),
	}
	for _, args := range generatedMistakes() {
		runs = append(runs, invocation{args: args, code: ExitError})
	}

	for _, r := range runs {
		ctx, cancel := context.WithCancel(context.Background())
		if r.cancelled {
			cancel()
		}
		var stdout, stderr bytes.Buffer
		code := run(ctx, r.args, &stdout, &stderr)
		cancel()
		name := strings.Join(r.args, " ")
		switch {
		case r.code == anyFailure && code == ExitOK:
			t.Errorf("subsidy %s: exit 0, want a failure", name)
		case r.code != anyFailure && code != r.code:
			t.Errorf("subsidy %s: exit %d, want %d\n%s", name, code, r.code, stderr.String())
		}
		if code != ExitOK && stderr.Len() == 0 {
			t.Errorf("subsidy %s: exit %d with nothing on stderr", name, code)
		}
		for _, line := range strings.Split(strings.TrimRight(stderr.String(), "\n"), "\n") {
			if line == "" {
				continue
			}
			if !hasCJK(line) {
				t.Errorf("subsidy %s: stderr line without Chinese: %q", name, line)
			}
			for _, frag := range goFragments {
				if strings.Contains(line, frag) {
					t.Errorf("subsidy %s: stderr has %q: %q", name, frag, line)
				}
			}
		}
	}
}

// generatedMistakes are, for every command: an unknown flag and too many arguments; for
// every flag: no value, or a value not of its type.
func generatedMistakes() [][]string {
	var all [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		base := path
		if c.Args != nil && strings.Contains(c.Use, ".xlsx") {
			base = append(append([]string(nil), path...), "ok.xlsx") // a measure: its input given
		}
		with := func(extra ...string) []string { return append(append([]string(nil), base...), extra...) }
		all = append(all, with("--no-such-flag"), with("-Z"), with("---x"))
		if len(path) > 0 && c.Name() != "help" {
			all = append(all, with("a", "b", "c"))
		}
		c.InitDefaultHelpFlag()
		c.Flags().VisitAll(func(f *pflag.Flag) {
			switch f.Value.Type() {
			case "bool":
				all = append(all, with("--"+f.Name+"=maybe"))
			case "int":
				all = append(all, with("--"+f.Name, "abc"), with("--"+f.Name))
			case "stringToString":
				all = append(all, with("--"+f.Name, "novalue"), with("--"+f.Name))
			default:
				all = append(all, with("--"+f.Name))
			}
		})
		for _, sub := range c.Commands() {
			walk(sub, append(append([]string(nil), path...), sub.Name()))
		}
	}
	walk(newRootCmd(IO{Out: io.Discard, Err: io.Discard}), nil)
	return all
}

// writeInputs lays out the files the table runs on.
func writeInputs(t *testing.T, dir string) {
	t.Helper()
	ok, err := os.ReadFile("../testdata/valueadd.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("ok.xlsx", ok)
	write("exists.xlsx", ok)
	write("empty.xlsx", nil)
	write("cut.xlsx", ok[:len(ok)/2])
	write("damaged.xlsx", rewritePart(t, ok, "xl/worksheets/sheet1.xml", `<c r="F4">`, `<c r="4F">`))
	ods := zipOf(t, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<document/>")
	write("table.ods", ods)
	write("ods-renamed.xlsx", ods)
	write("text.xlsx", []byte("this is not a zip file\n"))
	write("tabs.xlsx", []byte("企业名称\t统一社会信用代码\n"))
	write("page.xls", []byte("<html><body><table><tr><td>企业名称</td></tr></table></body></html>"))
	write("old.xls", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 an OLE2 .xls"))
	write("noise.xlsx", []byte{0, 1, 2, 3, 0xff})
	write("exported.xlsx", []byte("企业名称,统一社会信用代码,2023年产值(万元),增加值率(%)\n甲公司,913501127300791959,60000,24\n"))
	write("nocolumn.xlsx", []byte("企业名称,统一社会信用代码,增加值率(%)\n甲公司,913501127300791959,24\n"))
	write("broken.yaml", []byte("id: x\nvalueadd: [\n"))
	f := excelize.NewFile()
	if err := f.SetSheetRow("Sheet1", "A1", &[]any{"企业名称", "统一社会信用代码", "2023年产值(万元)", "增加值率(%)"}); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(filepath.Join(dir, "blank.xlsx")); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(filepath.Join(dir, "locked.xlsx"), excelize.Options{Password: "cl2024"}); err != nil {
		t.Fatal(err)
	}
}

// rewritePart is a copy of a workbook with one edit inside one part.
func rewritePart(t *testing.T, data []byte, part, old, new string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if f.Name == part {
			if !strings.Contains(text, old) {
				t.Fatalf("%q not in %s", old, part)
			}
			text = strings.Replace(text, old, new, 1)
		}
		files = append(files, f.Name, text)
	}
	return zipOf(t, files...)
}

// zipOf packs name, content pairs, stored, in order.
func zipOf(t *testing.T, nameContent ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(nameContent); i += 2 {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: nameContent[i], Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, nameContent[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
