package cmd

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Flags become options through the run-function seam, as the user typed them.
func TestDiffFlagsToOptions(t *testing.T) {
	cases := []struct {
		args []string
		want diffOptions
	}{
		{[]string{"原.xlsx", "新.xlsx"}, diffOptions{old: "原.xlsx", new: "新.xlsx"}},
		{[]string{"a.jsonl", "b.xlsx", "-o", "对比.xlsx", "--format", "xlsx", "--force", "--exit-code"},
			diffOptions{old: "a.jsonl", new: "b.xlsx", output: "对比.xlsx", format: "xlsx", force: true, exitCode: true}},
	}
	for _, c := range cases {
		var got *diffOptions
		var out bytes.Buffer
		cmd := newDiffCmd(IO{Out: &out, Err: &out}, &globalOptions{}, func(_ context.Context, o *diffOptions) error {
			got = o
			return nil
		})
		cmd.SetArgs(c.args)
		if err := cmd.Execute(); err != nil {
			t.Fatalf("%v: %v", c.args, err)
		}
		got.io, got.global = IO{}, nil
		if d := cmp.Diff(c.want, *got, cmp.AllowUnexported(diffOptions{})); d != "" {
			t.Errorf("%v (-want +got):\n%s", c.args, d)
		}
	}
}

// diff exits 0 whether or not the outputs differ; --exit-code gives 4 when they do, 0 when not.
func TestDiffExitCode(t *testing.T) {
	example, err := os.ReadFile("../testdata/powerbonus.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	if err := os.WriteFile("in.xlsx", example, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"powerbonus", "in.xlsx", "-o", "old.xlsx", "--quiet"}, ExitOK},
		{[]string{"--set", "powerbonus.cap=25万元", "powerbonus", "in.xlsx", "-o", "new.xlsx", "--quiet"}, ExitOK},
		{[]string{"diff", "old.xlsx", "new.xlsx"}, ExitOK},
		{[]string{"diff", "old.xlsx", "new.xlsx", "--exit-code"}, ExitDiffers},
		{[]string{"diff", "old.xlsx", "old.xlsx", "--exit-code"}, ExitOK},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), c.args, &stdout, &stderr); code != c.code {
			t.Errorf("subsidy %v: exit %d, want %d\n%s", c.args, code, c.code, stderr.String())
		}
	}
}
