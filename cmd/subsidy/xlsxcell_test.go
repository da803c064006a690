package main

import (
	"fmt"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
)

// xlsxcell FILE SHEET CELL [VALUE] prints a cell's value (formatted as Excel shows it),
// or sets it to VALUE (a number when it reads as one), as a person editing the workbook would.
func xlsxcell(ts *testscript.TestScript, neg bool, args []string) {
	if neg || (len(args) != 3 && len(args) != 4) {
		ts.Fatalf("usage: xlsxcell FILE SHEET CELL [VALUE]")
	}
	f, err := excelize.OpenFile(ts.MkAbs(args[0]))
	ts.Check(err)
	defer f.Close()
	if len(args) == 3 {
		v, err := f.GetCellValue(args[1], args[2])
		ts.Check(err)
		fmt.Fprintln(ts.Stdout(), v)
		return
	}
	if isNumber(args[3]) {
		var n float64
		_, err := fmt.Sscan(args[3], &n)
		ts.Check(err)
		ts.Check(f.SetCellFloat(args[1], args[2], n, -1, 64))
	} else {
		ts.Check(f.SetCellStr(args[1], args[2], args[3]))
	}
	ts.Check(f.Save())
}
