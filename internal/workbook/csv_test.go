package workbook

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// csvRows opens a CSV through Open and returns "row:first cell" for every record.
func csvRows(t *testing.T, path string) []string {
	t.Helper()
	src, err := Open(path, "", DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	var got []string
	err = src.Rows(src.SheetNames()[0], func(num int, cells []Cell) error {
		got = append(got, fmt.Sprintf("%d:%s", num, cells[0].Value))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// Excel shows an empty line as an empty row and a quoted line break inside one cell, so
// a message's "第N行" and the award file's row numbers must count them the same way.
func TestCSVRowNumbersAsExcelShowsThem(t *testing.T) {
	text := "企业名称,备注\r\n\r\n甲,\"两行\r\n备注\"\r\n乙,x\r\n\r\n\r\n丙,y\r\n"
	got := csvRows(t, writeFile(t, "rows.csv", []byte(text)))
	want := []string{"1:企业名称", "3:甲", "4:乙", "7:丙"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("row numbers (-want +got):\n%s", diff)
	}
}

// The encoding is settled over the whole file, not its start: a GBK character far down,
// and a UTF-8 character cut by the read buffer, are both read right.
func TestCSVEncodingOverWholeFile(t *testing.T) {
	pad := strings.Repeat("a", 64<<10-len(utf8BOM)-len("企业名称\r\n")-1)
	utf8Text := utf8BOM + "企业名称\r\n" + pad + "\r\n甲公司\r\n"
	gbkText, err := simplifiedchinese.GBK.NewEncoder().String("企业名称\r\n" + pad + "\r\n甲公司\r\n")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{"utf8.csv": utf8Text, "gbk.csv": gbkText, "nobom.csv": utf8Text[len(utf8BOM):]} {
		got := csvRows(t, writeFile(t, name, []byte(data)))
		if len(got) != 3 || got[0] != "1:企业名称" || got[2] != "3:甲公司" {
			t.Errorf("%s read as %q…", name, got[len(got)-1])
		}
	}
}

// A million-row CSV must not be held in memory: the live heap while the last row is read
// stays far below the file's size.
func TestCSVStreamsInBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 20 MB file")
	}
	path := filepath.Join(t.TempDir(), "big.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	const rows = 200000
	w.WriteString(utf8BOM + "企业名称,统一社会信用代码,2023年产值(万元),增加值率(%)\r\n")
	for i := 1; i < rows; i++ {
		fmt.Fprintf(w, "福州市长乐区测试%07d实业有限公司,91350112%09d1,%d.%02d,22.5\r\n", i, i, 5000+i%80000, i%100)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	st, _ := os.Stat(path)
	src, err := Open(path, "", DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	var live uint64
	n := 0
	err = src.Rows(src.SheetNames()[0], func(num int, cells []Cell) error {
		n++
		if n == rows {
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			live = ms.HeapAlloc
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != rows {
		t.Fatalf("read %d rows, want %d", n, rows)
	}
	if limit := uint64(st.Size()) / 4; live > limit {
		t.Errorf("live heap %d MiB at the last row of a %d MiB CSV: rows are being held", live>>20, st.Size()>>20)
	}
}

// An unclosed quote makes the rest of the file one field: refused by its row, not held.
func TestCSVUnclosedQuoteIsRefused(t *testing.T) {
	text := "企业名称,备注\r\n甲,ok\r\n乙,\"unclosed\r\n" + strings.Repeat("丙,x\r\n", 4<<20)
	src, err := Open(writeFile(t, "quote.csv", []byte(text)), "", DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	err = src.Rows(src.SheetNames()[0], func(int, []Cell) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "第3行起的一行超过 16MiB：疑似引号未闭合") {
		t.Errorf("error: %v", err)
	}
}

// A CSV read back is read as a spreadsheet shows it: ="…" is its text, nothing else is.
func TestCSVReadsQuotedTextFormulaAsItsText(t *testing.T) {
	text := "a,b,c,d\r\n\"=\"\"913501127300791959\"\"\",=\"1\"&\"2\",=1+1,\"=\"\"a\"\"b\"\"\"\r\n"
	src, err := Open(writeFile(t, "f.csv", []byte(text)), "", DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	err = src.Rows(src.SheetNames()[0], func(num int, cells []Cell) error {
		if num == 2 {
			for _, c := range cells {
				got = append(got, c.Value)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"913501127300791959", `="1"&"2"`, "=1+1", `="a"b"`}
	for i := range want {
		if i >= len(got) || got[i] != want[i] {
			t.Fatalf("row 2 read as %q, want %q", got, want)
		}
	}
}
