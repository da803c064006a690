package cmd

import (
	"bytes"
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/changle/subsidy/internal/measure"
)

// Flags become options through the run-function seam, as the user typed them.
func TestMeasureFlagsToOptions(t *testing.T) {
	cases := []struct {
		args []string
		want measureOptions
	}{
		{[]string{"申报表.xlsx"}, measureOptions{input: "申报表.xlsx", encoding: "utf-8", maxFileSize: "512MiB", maxUnzip: "1GiB"}},
		{[]string{"in.xlsx", "-o", "-", "--format", "json", "--quiet", "--strict", "--strict-codes", "--force"},
			measureOptions{input: "in.xlsx", output: "-", format: "json", quiet: true, strict: true, strictCodes: true, force: true,
				encoding: "utf-8", maxFileSize: "512MiB", maxUnzip: "1GiB"}},
		{[]string{"in.xlsx", "--sheet", "测算表", "--header-row", "3", "--map", "output=去年产值(万元)", "--unit", "output=万元",
			"--password", "pw", "--encoding", "gbk", "--max-file-size", "2GiB", "--max-unzip-size", "3GiB"},
			measureOptions{input: "in.xlsx", sheet: "测算表", headerRow: 3, mapping: map[string]string{"output": "去年产值(万元)"},
				units: map[string]string{"output": "万元"}, password: "pw", encoding: "gbk", maxFileSize: "2GiB", maxUnzip: "3GiB"}},
	}
	for _, c := range cases {
		var got *measureOptions
		var out bytes.Buffer
		cmd := newMeasureCmd(IO{Out: &out, Err: &out}, &globalOptions{}, measure.ValueAdd, func(_ context.Context, o *measureOptions) error {
			got = o
			return nil
		})
		cmd.SetArgs(c.args)
		if err := cmd.Execute(); err != nil {
			t.Fatalf("%v: %v", c.args, err)
		}
		got.io, got.global, got.measure = IO{}, nil, measure.Measure{}
		if diff := cmp.Diff(c.want, *got, cmp.AllowUnexported(measureOptions{})); diff != "" {
			t.Errorf("%v (-want +got):\n%s", c.args, diff)
		}
	}
}

// Every measure of the registry is a command, in clause order.
func TestCommandsFromRegistry(t *testing.T) {
	root := newRootCmd(IO{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}})
	for _, m := range measure.Registry {
		c, _, err := root.Find([]string{m.Key})
		if err != nil || c.Name() != m.Key || c.Short != m.Help.Short {
			t.Errorf("%s: command %v %v", m.Key, c, err)
		}
	}
}
