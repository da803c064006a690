package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/changle/subsidy/cmd"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"subsidy": func() { os.Exit(cmd.Run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end specs in testdata/script: the real binary on
// workbooks each script builds with mkxlsx.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "../../testdata/script",
		Cmds: map[string]func(*testscript.TestScript, bool, []string){
			"mkxlsx": mkxlsx, "replace": replace, "xlsxcell": xlsxcell,
			"truncatefile": truncatefile, "writebytes": writebytes, "mkbomb": mkbomb,
			"mkbig": mkbig, "waitglob": waitglob, "glob": glob, "sleep": sleep,
			"mkzip": mkzip, "zipreplace": zipreplace,
			"localc": localc, "mkfifo": mkfifo, "mknull": mknull, "filekind": filekind,
		},
		Condition:           condition,
		RequireExplicitExec: false,
		UpdateScripts:       *updateScripts,
		Setup: func(env *testscript.Env) error {
			testdata, err := filepath.Abs("../../testdata")
			env.Setenv("TESTDATA", testdata) // fixture policies the scripts load with --policy
			return err
		},
	})
}
