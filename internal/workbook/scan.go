package workbook

// The scanner's reading of a worksheet: rows cut out on one goroutine, parsed on another.

import (
	"errors"
	"fmt"
	"io"
)

// rowBatch is a run of <row> elements copied out of the scanner's buffer.
type rowBatch struct {
	data   []byte
	ends   []int
	known  prefixes
	merges []string // in the last batch: the sheet's merged ranges
	err    error
}

const rowBatchBytes = 256 << 10

// callerError carries an error of the caller's fn through the reader, to be returned as it is.
type callerError struct{ err error }

func (e callerError) Error() string { return e.err.Error() }
func (e callerError) Unwrap() error { return e.err }

// scanRows calls fn for each <row> of a worksheet part, with its number and cells, and
// says how many rows it delivered and the number of the last. Inflating and splitting run
// on their own goroutine, parsing on this one. errNotPlain stops it where the reference
// reader has to take over.
func (b *Book) scanRows(r io.Reader, fn func(rowNum int, cells []Cell) error) (delivered, last int, merges []string, err error) {
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
	var l lexer
	for batch := range batches {
		start := 0
		for _, end := range batch.ends {
			l.b, l.i, l.known = batch.data[start:end], 0, batch.known
			cells, rowNum, err = b.parseRow(&l, cells[:0], rowNum)
			if err != nil {
				return delivered, last, nil, err
			}
			if err := fn(rowNum, cells); err != nil {
				return delivered, last, nil, callerError{err}
			}
			delivered, last = delivered+1, rowNum
			start = end
		}
		if batch.err != nil {
			return delivered, last, nil, scanError(batch.err)
		}
		merges = append(merges, batch.merges...)
	}
	return delivered, last, merges, nil
}

// splitRows sends the <row> elements of r in batches until r ends or stop closes.
func splitRows(r io.Reader, batches chan<- rowBatch, stop <-chan struct{}) {
	defer close(batches)
	sp := &splitter{want: "row", container: "sheetData"}
	s := elements(r, sp)
	batch := rowBatch{data: make([]byte, 0, rowBatchBytes)}
	send := func(b rowBatch) bool {
		b.known = sp.known // frozen once the first row is out
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
	batch.merges = sp.merges
	if len(batch.ends) > 0 || batch.err != nil || len(batch.merges) > 0 {
		send(batch)
	}
}

// parseRow reads one <row> element; prev is the number of the row before it. A row
// without an r attribute is the next row, or the row its first cell reference names.
func (b *Book) parseRow(l *lexer, cells []Cell, prev int) ([]Cell, int, error) {
	if _, _, err := l.next(); err != nil {
		return nil, prev, err
	}
	num, numbered, err := rowNumber(&l.tag, prev)
	if err != nil || l.tag.selfClose {
		return cells, num, err
	}
	col := -1
	t := &l.tag
	for {
		if _, _, err := l.next(); err != nil {
			return nil, num, err
		}
		if t.end && string(t.name) == "row" {
			return cells, num, nil
		}
		if t.end || string(t.name) != "c" {
			return nil, num, errNotPlain // an element other than cells, or an end tag out of place
		}
		next := col + 1
		if ref, ok := t.attr("r"); ok {
			refCol, refRow, err := cellRef(ref)
			if err != nil {
				return nil, num, err
			}
			if !numbered {
				num, numbered = refRow, true
			}
			if refRow != num {
				return nil, num, errNotPlain
			}
			next = refCol
		}
		if next <= col || next >= MaxColumns {
			return nil, num, errNotPlain // out of column order: the reference reader places them
		}
		col = next
		c, err := b.parseCell(l)
		if err != nil {
			if errors.Is(err, errNotPlain) {
				return nil, num, err
			}
			return nil, num, fmt.Errorf("单元格 %s%d：%w", ColumnName(col), num, err)
		}
		for len(cells) < col {
			cells = append(cells, Cell{})
		}
		cells = append(cells, c)
	}
}

// rowNumber reads a row's r attribute; numbered is false when it has none.
func rowNumber(row *tag, prev int) (num int, numbered bool, err error) {
	r, ok := row.attr("r")
	if !ok {
		return prev + 1, false, nil
	}
	if r, err = attrText(r); err != nil {
		return prev, false, err
	}
	n, ok := atoi(r)
	if !ok || n < 1 || n > MaxRows {
		return prev, false, fmt.Errorf("行号 %q 无效", r)
	}
	return n, true, nil
}

// attrText decodes an attribute value the scanner reads (rarely with a reference in it).
func attrText(v []byte) ([]byte, error) {
	if !hasMarkup(v) {
		return v, nil
	}
	s, err := xmlText(v)
	return []byte(s), err
}

func hasMarkup(v []byte) bool {
	for _, c := range v {
		if c == '&' || c == '\r' {
			return true
		}
	}
	return false
}

// parseCell reads a <c> element whose start tag was just read.
func (b *Book) parseCell(l *lexer) (Cell, error) {
	var cell Cell
	var raw rawCell
	t := &l.tag
	if s, ok := t.attr("s"); ok {
		var err error
		if cell.NumFmt, err = b.styleFormat(s); err != nil {
			return cell, err
		}
	}
	if typ, ok := t.attr("t"); ok {
		typ, err := attrText(typ)
		if err != nil {
			return cell, err
		}
		raw.typ = cellType(typ)
	}
	if t.selfClose {
		return b.settleCell(cell, raw)
	}
	for {
		if _, _, err := l.next(); err != nil {
			return cell, err
		}
		child := &l.tag
		name := string(child.name)
		if child.end {
			if name == "c" {
				return b.settleCell(cell, raw)
			}
			return cell, errNotPlain
		}
		var err error
		switch name {
		case "v":
			raw.hasValue, raw.value = true, ""
			if !child.selfClose {
				raw.value, err = l.textUntilEnd("v")
			}
		case "f":
			raw.hasFormula, raw.formula = true, ""
			if !child.selfClose {
				raw.formula, err = l.textUntilEnd("f")
			}
		case "is":
			raw.hasInline, raw.inline = true, ""
			if !child.selfClose {
				raw.inline, err = richText(l, "is")
			}
		default:
			err = errNotPlain // extLst and the like: the reference reader skips them
		}
		if err != nil {
			return cell, err
		}
	}
}

// cellType returns a cell's t attribute as a string, without allocating for the types Excel writes.
func cellType(t []byte) string {
	for _, known := range [...]string{"s", "n", "str", "inlineStr", "b", "e", "d"} {
		if string(t) == known {
			return known
		}
	}
	return string(t)
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

// cellRef reads a cell reference ("AB12") as a 0-based column and a row number.
func cellRef(ref []byte) (col, row int, err error) {
	if ref, err = attrText(ref); err != nil {
		return 0, 0, err
	}
	i := 0
	for ; i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z'; i++ {
		col = col*26 + int(ref[i]-'A') + 1
		if col > MaxColumns {
			return 0, 0, fmt.Errorf("单元格位置 %q 无效", ref)
		}
	}
	row, ok := atoi(ref[i:])
	if i == 0 || !ok || row < 1 || row > MaxRows {
		return 0, 0, fmt.Errorf("单元格位置 %q 无效", ref)
	}
	return col - 1, row, nil
}
