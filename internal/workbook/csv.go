package workbook

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"

	"github.com/changle/subsidy/internal/usererr"
)

// csvSource is a CSV file as a one-sheet workbook of text cells, named after the file.
// Every Rows call reads the file afresh, so no row is held beyond the callback.
type csvSource struct {
	path string
	name string
	gbk  bool // GB18030/GBK as Excel and WPS save CSV on Chinese Windows; else UTF-8
}

// newCSVSource settles the file's encoding once: UTF-8 (with or without BOM) when the
// whole file is valid UTF-8, else GB18030 (GBK's superset).
func newCSVSource(path string) (*csvSource, error) {
	isUTF8, err := isUTF8File(path)
	if err != nil {
		return nil, csvError(path, 0, err)
	}
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return &csvSource{path: path, name: name, gbk: !isUTF8}, nil
}

func (c *csvSource) SheetNames() []string { return []string{c.name} }

func (c *csvSource) Hidden(string) bool { return false }

func (c *csvSource) Merges(string) []Range { return nil }

func (c *csvSource) Close() error { return nil }

// Rows numbers records as Excel shows the file: an empty line is an (empty) row, and a
// quoted field over several lines stays in one row.
func (c *csvSource) Rows(sheet string, fn func(int, []Cell) error) error {
	if sheet != c.name {
		return fmt.Errorf("no sheet named %q", sheet)
	}
	f, err := os.Open(c.path)
	if err != nil {
		return csvError(c.path, 0, err)
	}
	defer f.Close()
	bounded := &recordBound{r: c.decoded(f)}
	r := csv.NewReader(bounded)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = true
	var cells []Cell
	num, end := 0, 0 // the last record's row, and the line it ended on
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return csvError(c.path, num+1, err)
		}
		bounded.n = 0
		start, _ := r.FieldPos(0)
		num += start - end // csv skips empty lines; Excel shows each as a row
		last, _ := r.FieldPos(len(rec) - 1)
		end = last + strings.Count(rec[len(rec)-1], "\n")
		cells = cells[:0]
		for _, v := range rec {
			v = shownText(v)
			kind := Text
			if strings.TrimSpace(v) == "" {
				kind = Blank
			}
			cells = append(cells, Cell{Kind: kind, Value: v})
		}
		if err := fn(num, cells); err != nil {
			return err
		}
	}
}

// shownText is a field as a spreadsheet shows it: ="…" with no other quote (how this tool
// and many others write a code so it stays text) is the text between the quotes.
func shownText(v string) string {
	inner, ok := strings.CutPrefix(v, `="`)
	if !ok || !strings.HasSuffix(inner, `"`) || strings.Count(inner, `"`) != 1 {
		return v
	}
	return inner[:len(inner)-1]
}

// decoded is the file's text as UTF-8, without a BOM.
func (c *csvSource) decoded(f *os.File) io.Reader {
	if c.gbk {
		return bufio.NewReaderSize(transform.NewReader(f, simplifiedchinese.GB18030.NewDecoder()), 64<<10)
	}
	br := bufio.NewReaderSize(f, 64<<10)
	if head, _ := br.Peek(len(utf8BOM)); bytes.Equal(head, []byte(utf8BOM)) {
		br.Discard(len(utf8BOM))
	}
	return br
}

// csvError tells a CSV that cannot be read on, in Chinese; the cause stays wrapped.
func csvError(path string, row int, err error) error {
	if pe := (*csv.ParseError)(nil); errors.As(err, &pe) {
		return usererr.Wrap(err, fmt.Sprintf("第%d行不是有效的 CSV", row), "请在 Excel/WPS 中打开并另存为 .xlsx 后再试")
	}
	if errors.Is(err, errRecordTooLong) {
		return usererr.Wrap(err, fmt.Sprintf("第%d行起的一行超过 %dMiB：疑似引号未闭合或文件损坏", row, maxRecordBytes>>20), "请在 Excel/WPS 中打开检查、另存后再试")
	}
	return usererr.Wrap(err, "无法读取输入文件 "+path, "请确认文件仍在原处、可以正常打开、没有被其他程序占用后再试")
}

// maxRecordBytes bounds one record: an unclosed quote would otherwise make the rest of the
// file a single field held in memory. A real row of a 申报表 is a few KiB.
const maxRecordBytes = 16 << 20

var errRecordTooLong = errors.New("csv record over maxRecordBytes")

// recordBound fails a read once a record has taken maxRecordBytes; Rows resets n per record.
type recordBound struct {
	r io.Reader
	n int
}

func (b *recordBound) Read(p []byte) (int, error) {
	if b.n >= maxRecordBytes {
		return 0, errRecordTooLong
	}
	if len(p) > maxRecordBytes-b.n {
		p = p[:maxRecordBytes-b.n]
	}
	n, err := b.r.Read(p)
	b.n += n
	return n, err
}
