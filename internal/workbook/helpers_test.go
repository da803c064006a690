package workbook

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// build writes a workbook from rows of cells (nil = no cell) and returns its path.
func build(t *testing.T, rows [][]any, edit func(f *excelize.File)) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if edit != nil {
		edit(f)
	}
	path := filepath.Join(t.TempDir(), "in.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// cells is a row's cells by column, as a test reads them.
type cells []Cell

func (c cells) Cell(col int) Cell {
	if col < len(c) {
		return c[col]
	}
	return Cell{}
}

// allRows reads every row of the first sheet, by row number.
func allRows(t *testing.T, src Source) map[int]cells {
	t.Helper()
	rows := map[int]cells{}
	err := src.Rows(src.SheetNames()[0], func(num int, c []Cell) error {
		rows[num] = append(cells(nil), c...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestOpenBookRejectsNonXLSX(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.xlsx")
	if err := os.WriteFile(path, []byte("\xd0\xcf\x11\xe0 an OLE2 .xls"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := openBook(path, DefaultLimits); err != ErrNotXLSX {
		t.Errorf("got %v, want ErrNotXLSX", err)
	}
}
