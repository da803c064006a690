package sheet

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// readSharedStringsFrom reads every <si> of a sharedStrings part.
func readSharedStringsFrom(r io.Reader) (stringTable, error) {
	var list stringTable
	s := elements(r, "si")
	for s.Scan() {
		l := &lexer{b: s.Bytes()}
		if _, _, _, ok := l.next(); !ok {
			return list, errors.New("bad <si>")
		}
		text := ""
		if !isSelfClosed(s.Bytes()) {
			var err error
			if text, err = richText(l, "si"); err != nil {
				return list, err
			}
		}
		if err := list.add(text); err != nil {
			return list, err
		}
	}
	return list, scanError(s.Err())
}

func isSelfClosed(element []byte) bool {
	gt := bytes.IndexByte(element, '>')
	return gt > 0 && element[gt-1] == '/'
}

func scanError(err error) error {
	if errors.Is(err, bufio.ErrTooLong) {
		return errElementTooLarge
	}
	return err
}

// rowBatch is a run of <row> elements copied out of the scanner's buffer.
type rowBatch struct {
	data []byte
	ends []int
	err  error
}

const rowBatchBytes = 256 << 10

// scanRows calls fn for each <row> of a worksheet part, with its number and cells.
// Inflating and splitting run on their own goroutine, parsing on this one.
func (b *Book) scanRows(r io.Reader, fn func(rowNum int, cells []Cell) error) error {
	batches := make(chan rowBatch, 4)
	stop := make(chan struct{})
	defer func() {
		// Let the splitter finish its read before the caller closes r.
		close(stop)
		for range batches {
		}
	}()
	go splitRows(r, batches, stop)
	rowNum := 0
	var cells []Cell
	for batch := range batches {
		if batch.err != nil {
			return scanError(batch.err)
		}
		start := 0
		for _, end := range batch.ends {
			var err error
			rowNum++
			cells, rowNum, err = b.parseRow(batch.data[start:end], cells[:0], rowNum)
			if err != nil {
				return fmt.Errorf("row %d: %w", rowNum, err)
			}
			if err := fn(rowNum, cells); err != nil {
				return err
			}
			start = end
		}
	}
	return nil
}

// splitRows sends the <row> elements of r in batches until r ends or stop closes.
func splitRows(r io.Reader, batches chan<- rowBatch, stop <-chan struct{}) {
	defer close(batches)
	s := elements(r, "row")
	batch := rowBatch{data: make([]byte, 0, rowBatchBytes)}
	send := func(b rowBatch) bool {
		select {
		case batches <- b:
			return true
		case <-stop:
			return false
		}
	}
	for s.Scan() {
		batch.data = append(batch.data, s.Bytes()...)
		batch.ends = append(batch.ends, len(batch.data))
		if len(batch.data) >= rowBatchBytes {
			if !send(batch) {
				return
			}
			batch = rowBatch{data: make([]byte, 0, rowBatchBytes)}
		}
	}
	if err := s.Err(); err != nil {
		batch.err = err
	}
	if len(batch.ends) > 0 || batch.err != nil {
		send(batch)
	}
}

// parseRow reads one <row> element; num is the row's number unless its r attribute says otherwise.
func (b *Book) parseRow(element []byte, cells []Cell, num int) ([]Cell, int, error) {
	l := &lexer{b: element}
	row, _, _, ok := l.next()
	if !ok {
		return nil, num, errors.New("bad <row>")
	}
	if r := attrValue(row.attrs, "r"); r != nil {
		n, ok := atoi(r)
		if !ok || n < 1 || n > maxRows {
			return nil, num, fmt.Errorf("bad row number %q", r)
		}
		num = n
	}
	if row.selfClose {
		return cells, num, nil
	}
	col := -1
	for {
		t, _, _, ok := l.next()
		if !ok {
			return nil, num, errors.New("unterminated <row>")
		}
		if t.end && string(t.name) == "row" {
			return cells, num, nil
		}
		if t.end || string(t.name) != "c" {
			continue
		}
		col++
		if ref := attrValue(t.attrs, "r"); ref != nil {
			var ok bool
			if col, ok = refColumn(ref); !ok {
				return nil, num, fmt.Errorf("bad cell reference %q", ref)
			}
		}
		c, err := b.parseCell(l, t)
		if err != nil {
			return nil, num, fmt.Errorf("cell %s%d: %w", ColumnName(col), num, err)
		}
		for len(cells) < col {
			cells = append(cells, Cell{})
		}
		cells = append(cells[:col], c)
	}
}

// parseCell reads a <c> element whose start tag t was just read.
func (b *Book) parseCell(l *lexer, t tag) (Cell, error) {
	var cell Cell
	if s := attrValue(t.attrs, "s"); s != nil {
		if i, ok := atoi(s); ok && i < len(b.numFmts) {
			cell.NumFmt = b.numFmts[i]
		}
	}
	if t.selfClose {
		return cell, nil
	}
	typ := string(attrValue(t.attrs, "t"))
	var value, inline, formula string
	hasValue, hasFormula := false, false
	for {
		child, _, _, ok := l.next()
		if !ok {
			return cell, errors.New("unterminated <c>")
		}
		if child.end {
			if string(child.name) == "c" {
				break
			}
			continue
		}
		var err error
		switch string(child.name) {
		case "v":
			if !child.selfClose {
				value, err = l.textUntilEnd("v")
			}
			hasValue = true
		case "f":
			hasFormula = true
			if !child.selfClose {
				formula, err = l.textUntilEnd("f")
			}
		case "is":
			if !child.selfClose {
				inline, err = richText(l, "is")
			}
			hasValue = true
		}
		if err != nil {
			return cell, err
		}
	}
	if !hasValue && hasFormula {
		cell.Kind, cell.Formula = FormulaNoValue, formula
		return cell, nil
	}
	return b.settleCell(cell, typ, value, inline, hasValue)
}

// atoi reads a non-negative decimal number of at most 9 digits.
func atoi(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// refColumn turns the letters of a cell reference ("AB12") into a 0-based column.
func refColumn(ref []byte) (int, bool) {
	col, i := 0, 0
	for ; i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z'; i++ {
		col = col*26 + int(ref[i]-'A') + 1
		if col > maxColumns {
			return 0, false
		}
	}
	if i == 0 || i == len(ref) {
		return 0, false
	}
	if _, ok := atoi(ref[i:]); !ok {
		return 0, false
	}
	return col - 1, true
}
