package sheet

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// csvSource is a CSV file as a one-sheet workbook of text cells, named after the file.
type csvSource struct {
	name    string
	records [][]string
}

// newCSVSource decodes UTF-8 (with or without BOM) or, failing that, GB18030/GBK as
// Excel and WPS save CSV on Chinese Windows.
func newCSVSource(path string, data []byte) (*csvSource, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		decoded, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil {
			return nil, fmt.Errorf("%s 的编码既不是 UTF-8 也不是 GBK：请另存为 .xlsx 或 UTF-8 CSV", path)
		}
		data = decoded
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	records, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s 不是有效的 CSV（%v）：请另存为 .xlsx 后再试", path, err)
	}
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return &csvSource{name: name, records: records}, nil
}

func (c *csvSource) SheetNames() []string { return []string{c.name} }

func (c *csvSource) Close() error { return nil }

func (c *csvSource) Rows(sheet string, fn func(int, []Cell) error) error {
	if sheet != c.name {
		return fmt.Errorf("no sheet named %q", sheet)
	}
	var cells []Cell
	for i, rec := range c.records {
		cells = cells[:0]
		for _, v := range rec {
			kind := Text
			if strings.TrimSpace(v) == "" {
				kind = Blank
			}
			cells = append(cells, Cell{Kind: kind, Value: v})
		}
		if err := fn(i+1, cells); err != nil {
			return err
		}
	}
	return nil
}
