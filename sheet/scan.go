package sheet

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A hand-written scanner for the two large parts of a workbook, the worksheet and the
// shared strings: encoding/xml spent most of a run's time in tokens and allocations.
// The small parts (workbook, relationships, styles) still go through encoding/xml.

// maxElement bounds one row or one shared string: a hostile file cannot make us buffer more.
const maxElement = 64 << 20

// errElementTooLarge reports a row or string beyond maxElement.
var errElementTooLarge = errors.New("row or string larger than 64 MiB")

// elements yields each <name …>…</name> or <name …/> element of r in turn, skipping
// everything between; a namespace prefix (x:row) is accepted.
func elements(r io.Reader, name string) *bufio.Scanner {
	s := bufio.NewScanner(r)
	s.Buffer(make([]byte, 0, 256<<10), maxElement)
	s.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		start, ok := findStart(data, name)
		if !ok {
			if atEOF {
				return len(data), nil, nil
			}
			// Keep a tail that may hold the start of a split tag.
			return max(0, len(data)-64), nil, nil
		}
		end, ok := findEnd(data, start, name)
		if !ok {
			if atEOF {
				return 0, nil, io.ErrUnexpectedEOF
			}
			if start > 0 {
				return start, nil, nil
			}
			return 0, nil, nil
		}
		return end, data[start:end], nil
	})
	return s
}

// tagName returns the local name of the tag opening at data[i] ('<' at i), and whether
// the name is followed by a delimiter within data.
func tagName(data []byte, i int) ([]byte, bool) {
	j := i + 1
	for j < len(data) && !isNameEnd(data[j]) {
		j++
	}
	if j >= len(data) {
		return nil, false
	}
	local := data[i+1 : j]
	if k := bytes.LastIndexByte(local, ':'); k >= 0 {
		local = local[k+1:]
	}
	return local, true
}

func isNameEnd(c byte) bool {
	return c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' || c == '\r'
}

func findStart(data []byte, name string) (int, bool) {
	for i := 0; i < len(data); {
		k := bytes.IndexByte(data[i:], '<')
		if k < 0 {
			return 0, false
		}
		i += k
		local, ok := tagName(data, i)
		if !ok {
			return 0, false
		}
		if string(local) == name {
			return i, true
		}
		i++
	}
	return 0, false
}

// findEnd finds the end of the element starting at data[start].
func findEnd(data []byte, start int, name string) (int, bool) {
	gt := bytes.IndexByte(data[start:], '>')
	if gt < 0 {
		return 0, false
	}
	gt += start
	if data[gt-1] == '/' {
		return gt + 1, true
	}
	for i := gt + 1; i < len(data); {
		k := bytes.Index(data[i:], []byte("</"))
		if k < 0 {
			return 0, false
		}
		i += k
		local, ok := tagName(data, i+1)
		if !ok {
			return 0, false
		}
		if string(local) == name {
			e := bytes.IndexByte(data[i:], '>')
			if e < 0 {
				return 0, false
			}
			return i + e + 1, true
		}
		i += 2
	}
	return 0, false
}

// tag is one tag of an element being parsed.
type tag struct {
	name      []byte // local name
	attrs     []byte // the text between the name and the closing '>'
	end       bool   // </name>
	selfClose bool   // <name/>
}

// lexer walks the tags and texts of one element held in memory.
type lexer struct {
	b []byte
	i int
}

// next returns the next tag, leaving l.i just after it; the text before it is b[from:at].
func (l *lexer) next() (t tag, from, at int, ok bool) {
	from = l.i
	k := bytes.IndexByte(l.b[l.i:], '<')
	if k < 0 {
		return t, from, len(l.b), false
	}
	at = l.i + k
	gt := bytes.IndexByte(l.b[at:], '>')
	if gt < 0 {
		return t, from, at, false
	}
	gt += at
	inner := l.b[at+1 : gt]
	l.i = gt + 1
	if len(inner) > 0 && (inner[0] == '?' || inner[0] == '!') {
		return l.next()
	}
	if len(inner) > 0 && inner[0] == '/' {
		t.end = true
		inner = inner[1:]
	}
	if len(inner) > 0 && inner[len(inner)-1] == '/' {
		t.selfClose = true
		inner = inner[:len(inner)-1]
	}
	n := 0
	for n < len(inner) && !isNameEnd(inner[n]) {
		n++
	}
	t.name, t.attrs = inner[:n], inner[n:]
	if k := bytes.LastIndexByte(t.name, ':'); k >= 0 {
		t.name = t.name[k+1:]
	}
	return t, from, at, true
}

// attrValue finds name="value" (or 'value') among a tag's attributes.
func attrValue(attrs []byte, name string) []byte {
	for i := 0; i < len(attrs); {
		k := bytes.Index(attrs[i:], []byte(name))
		if k < 0 {
			return nil
		}
		i += k
		before := i == 0 || isNameEnd(attrs[i-1]) || attrs[i-1] == ':'
		j := i + len(name)
		for j < len(attrs) && (attrs[j] == ' ' || attrs[j] == '\t' || attrs[j] == '\n' || attrs[j] == '\r') {
			j++
		}
		if before && j < len(attrs) && attrs[j] == '=' {
			j++
			for j < len(attrs) && (attrs[j] == ' ' || attrs[j] == '\t' || attrs[j] == '\n' || attrs[j] == '\r') {
				j++
			}
			if j < len(attrs) && (attrs[j] == '"' || attrs[j] == '\'') {
				q := attrs[j]
				e := bytes.IndexByte(attrs[j+1:], q)
				if e < 0 {
					return nil
				}
				return attrs[j+1 : j+1+e]
			}
		}
		i++
	}
	return nil
}

// unescape decodes XML character and entity references.
func unescape(b []byte) (string, error) {
	if bytes.IndexByte(b, '&') < 0 {
		return string(b), nil
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		if b[i] != '&' {
			out = append(out, b[i])
			i++
			continue
		}
		semi := bytes.IndexByte(b[i:], ';')
		if semi < 0 {
			return "", fmt.Errorf("unterminated entity in %q", b)
		}
		ref := string(b[i+1 : i+semi])
		switch ref {
		case "lt":
			out = append(out, '<')
		case "gt":
			out = append(out, '>')
		case "amp":
			out = append(out, '&')
		case "quot":
			out = append(out, '"')
		case "apos":
			out = append(out, '\'')
		default:
			r, err := charRef(ref)
			if err != nil {
				return "", err
			}
			out = utf8.AppendRune(out, r)
		}
		i += semi + 1
	}
	return string(out), nil
}

func charRef(ref string) (rune, error) {
	var n uint64
	var err error
	switch {
	case len(ref) > 2 && (ref[:2] == "#x" || ref[:2] == "#X"):
		n, err = strconv.ParseUint(ref[2:], 16, 32)
	case len(ref) > 1 && ref[0] == '#':
		n, err = strconv.ParseUint(ref[1:], 10, 32)
	default:
		return 0, fmt.Errorf("unknown entity &%s;", ref)
	}
	if err != nil || n > utf8.MaxRune {
		return 0, fmt.Errorf("bad character reference &%s;", ref)
	}
	return rune(n), nil
}

// richText concatenates the <t> texts of an <si> or <is> element, leaving out phonetic runs (<rPh>).
func richText(l *lexer, until string) (string, error) {
	var parts []string
	phonetic := 0
	for {
		t, _, _, ok := l.next()
		if !ok {
			return "", fmt.Errorf("unterminated <%s>", until)
		}
		switch name := string(t.name); {
		case t.end && name == until:
			if len(parts) == 1 {
				return parts[0], nil
			}
			return strings.Join(parts, ""), nil
		case name == "rPh" && !t.selfClose:
			if t.end {
				phonetic--
			} else {
				phonetic++
			}
		case name == "t" && !t.end && !t.selfClose:
			text, err := l.textUntilEnd("t")
			if err != nil {
				return "", err
			}
			if phonetic == 0 {
				parts = append(parts, text)
			}
		}
	}
}

// textUntilEnd reads the text of an element whose start tag was just read, through its end tag.
func (l *lexer) textUntilEnd(name string) (string, error) {
	end, from, at, ok := l.next()
	if !ok || !end.end || string(end.name) != name {
		return "", fmt.Errorf("unterminated <%s>", name)
	}
	return unescape(l.b[from:at])
}

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
