package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// localc IN.csv OUT.xlsx opens a CSV in LibreOffice Calc with its default import (formulas
// evaluated, numbers recognised), told only that the file is comma-separated UTF-8 as the
// import dialog would detect, and saves what it read as xlsx, so a script can check each cell.
func localc(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: localc IN.csv OUT.xlsx")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		ts.Fatalf("soffice not found: install libreoffice-calc-nogui (as .ci/run does)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	outDir := ts.MkAbs("localc-out")
	// A profile of its own, so runs in parallel or beside a desktop session do not meet.
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+ts.MkAbs("localc-profile"),
		"--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", outDir, ts.MkAbs(args[0]))
	cmd.Env = append(os.Environ(), "HOME="+ts.MkAbs("localc-home"))
	out, err := cmd.CombinedOutput()
	if err != nil {
		ts.Fatalf("soffice: %v\n%s", err, out)
	}
	base := strings.TrimSuffix(filepath.Base(args[0]), filepath.Ext(args[0])) + ".xlsx"
	ts.Check(os.Rename(filepath.Join(outDir, base), ts.MkAbs(args[1])))
}
