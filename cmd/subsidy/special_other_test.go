//go:build !unix

package main

import "github.com/rogpeppe/go-internal/testscript"

// The special files of output_target.txtar are made with Unix calls; elsewhere the
// script cannot set them up.
func mkfifo(ts *testscript.TestScript, _ bool, _ []string) { ts.Fatalf("mkfifo: Unix only") }

func mknull(ts *testscript.TestScript, _ bool, _ []string) { ts.Fatalf("mknull: Unix only") }

func filekind(ts *testscript.TestScript, _ bool, _ []string) { ts.Fatalf("filekind: Unix only") }
