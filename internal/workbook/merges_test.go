package workbook

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// withSheetXML rewrites the first worksheet of an xlsx through edit.
func withSheetXML(t *testing.T, path string, edit func(string) string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		r, _ := f.Open()
		data, _ := io.ReadAll(r)
		r.Close()
		if f.Name == "xl/worksheets/sheet1.xml" {
			data = []byte(edit(string(data)))
		}
		w, _ := zw.Create(f.Name)
		w.Write(data)
	}
	zr.Close()
	zw.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Merged cells are known once the rows are read, by the scanner and by the reference
// reader alike, and as excelize reads them.
func TestMergesAfterRows(t *testing.T) {
	for _, fallback := range []bool{false, true} {
		path := build(t, [][]any{{"企业名称", "项目"}, {"甲", "一期"}, {nil, "二期"}, {"乙", "改造"}}, func(f *excelize.File) {
			f.MergeCell("Sheet1", "A2", "A3")
			f.MergeCell("Sheet1", "A4", "B4")
		})
		if fallback {
			withSheetXML(t, path, func(s string) string { return strings.Replace(s, "<sheetData>", "<sheetData><!-- 注释 -->", 1) })
		}
		b, err := openBook(path, DefaultLimits)
		if err != nil {
			t.Fatal(err)
		}
		if got := b.Merges("Sheet1"); got != nil {
			t.Errorf("merges %v before the rows are read", got)
		}
		if err := b.Rows("Sheet1", func(int, []Cell) error { return nil }); err != nil {
			t.Fatal(err)
		}
		want := []Range{{0, 2, 0, 3}, {0, 4, 1, 4}}
		got := b.Merges("Sheet1")
		if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
			t.Errorf("fallback=%v: merges %v, want %v", fallback, got, want)
		}
		b.Close()
	}
}
