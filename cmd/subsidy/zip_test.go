package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

// mkzip OUT NAME=FILE... packs files of the work dir under the given names, stored
// uncompressed and in order, as an OpenDocument file begins with its "mimetype".
func mkzip(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: mkzip OUT NAME=FILE...")
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, arg := range args[1:] {
		name, file, ok := strings.Cut(arg, "=")
		if !ok {
			ts.Fatalf("mkzip: %q is not NAME=FILE", arg)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		ts.Check(err)
		_, err = io.WriteString(w, ts.ReadFile(file))
		ts.Check(err)
	}
	ts.Check(zw.Close())
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), buf.Bytes(), 0o644))
}

// zipreplace FILE PART OLD NEW edits one part inside a workbook, as a damaged copy
// would differ from the original; OLD must occur in PART.
func zipreplace(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 4 {
		ts.Fatalf("usage: zipreplace FILE PART OLD NEW")
	}
	zr, err := zip.OpenReader(ts.MkAbs(args[0]))
	ts.Check(err)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	found := false
	for _, f := range zr.File {
		r, err := f.Open()
		ts.Check(err)
		data, err := io.ReadAll(r)
		ts.Check(err)
		if f.Name == args[1] {
			if !bytes.Contains(data, []byte(args[2])) {
				ts.Fatalf("zipreplace: %q not in %s", args[2], args[1])
			}
			data, found = bytes.Replace(data, []byte(args[2]), []byte(args[3]), 1), true
		}
		w, err := zw.Create(f.Name)
		ts.Check(err)
		_, err = w.Write(data)
		ts.Check(err)
	}
	zr.Close()
	if !found {
		ts.Fatalf("zipreplace: no part %s", args[1])
	}
	ts.Check(zw.Close())
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), buf.Bytes(), 0o644))
}
