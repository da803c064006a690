package main

import (
	"flag"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
)

var updateScripts = flag.Bool("update", false, "rewrite the expected outputs in testdata/script")

// mkxlsx SHEET.tsv OUT.xlsx builds a workbook from a tab-separated sketch, one line per
// row (an empty line leaves the row empty). A cell is a number when it reads as one with
// at most 15 digits (so 18-digit codes stay text); prefixes force a kind:
//
//	s:TEXT   text, even if numeric      pct:0.24  number shown as 24.00%
//	f:=A1*2  formula with no saved result   d:45306   number shown as a date
//
// A line "sheet:NAME" names the first sheet, or starts a new one after it (default Sheet1);
// a line "@N" makes the next line row N. "\n" inside a cell is a line break, and a cell
// "rep:N:X" is X repeated N times. A third argument "password=P" encrypts the workbook.
func mkxlsx(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 || len(args) > 3 {
		ts.Fatalf("usage: mkxlsx SHEET.tsv OUT.xlsx [password=P]")
	}
	var save []excelize.Options
	if len(args) == 3 {
		password, ok := strings.CutPrefix(args[2], "password=")
		if !ok {
			ts.Fatalf("mkxlsx: third argument must be password=P")
		}
		save = append(save, excelize.Options{Password: password})
	}
	f := excelize.NewFile()
	defer f.Close()
	sheet := "Sheet1"
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 10})
	ts.Check(err)
	date, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	ts.Check(err)
	lines := strings.Split(strings.TrimSuffix(ts.ReadFile(args[0]), "\n"), "\n")
	row := 0
	for _, line := range lines {
		if name, ok := strings.CutPrefix(line, "sheet:"); ok {
			if row == 0 {
				ts.Check(f.SetSheetName(sheet, name))
			} else {
				_, err := f.NewSheet(name)
				ts.Check(err)
			}
			sheet, row = name, 0
			continue
		}
		if n, ok := strings.CutPrefix(line, "@"); ok {
			next, err := strconv.Atoi(n)
			ts.Check(err)
			row = next - 1
			continue
		}
		row++
		for i, v := range strings.Split(line, "\t") {
			if v == "" {
				continue
			}
			v = strings.ReplaceAll(v, `\n`, "\n")
			if spec, ok := strings.CutPrefix(v, "rep:"); ok {
				count, text, _ := strings.Cut(spec, ":")
				n, err := strconv.Atoi(count)
				ts.Check(err)
				v = "s:" + strings.Repeat(text, n)
			}
			cell, _ := excelize.CoordinatesToCellName(i+1, row)
			switch {
			case strings.HasPrefix(v, "s:"):
				ts.Check(f.SetCellStr(sheet, cell, v[2:]))
			case strings.HasPrefix(v, "f:"):
				ts.Check(f.SetCellFormula(sheet, cell, v[2:]))
			case strings.HasPrefix(v, "pct:"), strings.HasPrefix(v, "d:"):
				kind, num, _ := strings.Cut(v, ":")
				n, err := strconv.ParseFloat(num, 64)
				ts.Check(err)
				ts.Check(f.SetCellFloat(sheet, cell, n, -1, 64))
				style := pct
				if kind == "d" {
					style = date
				}
				ts.Check(f.SetCellStyle(sheet, cell, cell, style))
			case isNumber(v):
				n, _ := strconv.ParseFloat(v, 64)
				ts.Check(f.SetCellFloat(sheet, cell, n, -1, 64))
			default:
				ts.Check(f.SetCellStr(sheet, cell, v))
			}
		}
	}
	ts.Check(f.SaveAs(ts.MkAbs(args[1]), save...))
}

func isNumber(v string) bool {
	digits := strings.Count(v, "") - 1 - strings.Count(v, ".") - strings.Count(v, "-")
	_, err := strconv.ParseFloat(v, 64)
	return err == nil && digits <= 15
}
