package main

import (
	"archive/zip"
	"bytes"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
)

// truncatefile FILE keeps the first half of a file, as an interrupted copy would.
func truncatefile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: truncatefile FILE")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), data[:len(data)/2], 0o644))
}

// writebytes FILE HEX writes raw bytes, e.g. the signature of an .xls file.
func writebytes(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: writebytes FILE HEX")
	}
	data, err := hex.DecodeString(args[1])
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), data, 0o644))
}

// mkbomb IN.xlsx OUT.xlsx copies a workbook, declaring its first worksheet 2 GiB once unzipped.
func mkbomb(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: mkbomb IN.xlsx OUT.xlsx")
	}
	zr, err := zip.OpenReader(ts.MkAbs(args[0]))
	ts.Check(err)
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		raw, err := f.OpenRaw()
		ts.Check(err)
		h := f.FileHeader
		if h.Name == "xl/worksheets/sheet1.xml" {
			h.UncompressedSize64 = 2 << 30
		}
		w, err := zw.CreateRaw(&h)
		ts.Check(err)
		_, err = io.Copy(w, raw)
		ts.Check(err)
	}
	ts.Check(zw.Close())
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), buf.Bytes(), 0o644))
}

// mkbig OUT.xlsx ROWS writes a valueadd workbook of ROWS data rows.
func mkbig(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: mkbig OUT.xlsx ROWS")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	ts.Check(err)
	ts.Check(sw.SetRow("A1", []any{"企业名称", "统一社会信用代码", "2023年产值(万元)", "增加值率(%)"}))
	for i := 1; i <= n; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		ts.Check(sw.SetRow(cell, []any{fmt.Sprintf("企业%07d", i), fmt.Sprintf("91350112%09d", i), 10000 + i%90000, 20 + i%8}))
	}
	ts.Check(sw.Flush())
	ts.Check(f.SaveAs(ts.MkAbs(args[0])))
}

// waitglob PATTERN waits (up to a minute) until a file matching PATTERN exists.
func waitglob(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: waitglob PATTERN")
	}
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if m, _ := filepath.Glob(ts.MkAbs(args[0])); len(m) > 0 {
			return
		}
	}
	ts.Fatalf("no file matching %s appeared", args[0])
}

// glob PATTERN succeeds when a file matches; ! glob PATTERN when none does.
func glob(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: [!] glob PATTERN")
	}
	m, err := filepath.Glob(ts.MkAbs(args[0]))
	ts.Check(err)
	if neg && len(m) > 0 {
		ts.Fatalf("files match %s: %v", args[0], m)
	}
	if !neg && len(m) == 0 {
		ts.Fatalf("no file matches %s", args[0])
	}
}

// sleep DURATION pauses the script, e.g. to let a background run reach its writing.
func sleep(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: sleep DURATION")
	}
	d, err := time.ParseDuration(args[0])
	ts.Check(err)
	time.Sleep(d)
}
