package workbook

import (
	"bytes"
	"errors"
)

// A hand-written scanner for the two large parts of a workbook, the worksheet and the
// shared strings: encoding/xml spent most of a run's time in tokens and allocations.
// It reads exactly the XML spreadsheet writers produce: elements, attributes, text, the
// five named entities and character references, prefixes bound to SpreadsheetML. It does
// not guess at anything else: CDATA, comments, processing instructions, a DOCTYPE, an
// unknown prefix, cells out of column order, any element it does not expect stop it with
// errNotPlain, and the whole part is read again by the reference reader (xmlread.go).
// The small parts (workbook, relationships, styles) always go through encoding/xml.

// errNotPlain: the part holds XML the scanner leaves to the reference reader.
var errNotPlain = errors.New("XML left to the reference reader")

// attr is one attribute of a tag, its value as written (entities not decoded).
type attr struct{ prefix, name, value []byte }

// tag is one tag of an element being parsed, read in place to spare copies.
type tag struct {
	prefix, name []byte // name is the local name
	attrs        []attr // valid until the next tag is read into it
	end          bool   // </name>
	selfClose    bool   // <name/>
	qualified    bool   // some attribute has a prefix or declares a namespace
}

// attr returns the value of the unprefixed attribute name.
func (t *tag) attr(name string) ([]byte, bool) {
	for i := range t.attrs {
		if a := &t.attrs[i]; a.prefix == nil && string(a.name) == name {
			return a.value, true
		}
	}
	return nil, false
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isNameEnd(c byte) bool { return isSpace(c) || c == '>' || c == '/' }

// Byte classes in names: a byte of class 0 continues the name.
const (
	classEnd = 1 // ends the name
	classBad = 2 // '<', '=' or a quote in a tag's name, '<', '>', '/' or a quote in an attribute's: not well-formed
	classSep = 3 // ':'
)

// tagClass classes the bytes of a tag's name, attrClass those of an attribute's.
var tagClass, attrClass = func() (tags, attrs [256]byte) {
	for _, c := range " \t\r\n>/" {
		tags[c] = classEnd
	}
	for _, c := range "<=\"'" {
		tags[c] = classBad
	}
	for _, c := range " \t\r\n=" {
		attrs[c] = classEnd
	}
	for _, c := range "<>/\"'" {
		attrs[c] = classBad
	}
	tags[':'], attrs[':'] = classSep, classSep
	return
}()

// readName scans a qualified name from b[i], splitting it at its colon. next == len(b)
// means b ended inside it.
func readName(b []byte, i int, class *[256]byte) (prefix, local []byte, next int, err error) {
	start, colon := i, -1
scan:
	for ; i < len(b); i++ {
		switch class[b[i]] {
		case classEnd:
			break scan
		case classBad:
			return nil, nil, 0, errNotPlain
		case classSep:
			if colon >= 0 {
				return nil, nil, 0, errNotPlain
			}
			colon = i
		}
	}
	switch {
	case i >= len(b):
		return nil, nil, i, nil
	case i == start || colon == start || colon == i-1:
		return nil, nil, 0, errNotPlain
	case colon >= 0:
		return b[start:colon], b[colon+1 : i], i, nil
	}
	return nil, b[start:i], i, nil
}

// read reads into t the tag opening at b[at] ('<'), reusing t's attribute buffer.
// complete is false when b ends inside the tag; next is the index just past it.
// Markup that is not an element's tag, or a tag that is not well-formed, is errNotPlain.
func (t *tag) read(b []byte, at int) (next int, complete bool, err error) {
	t.attrs, t.end, t.selfClose, t.qualified = t.attrs[:0], false, false, false
	i := at + 1
	if i >= len(b) {
		return 0, false, nil
	}
	switch b[i] {
	case '!', '?':
		return 0, false, errNotPlain
	case '/':
		t.end = true
		i++
	}
	if t.prefix, t.name, i, err = readName(b, i, &tagClass); err != nil || i >= len(b) {
		return 0, false, err
	}
	if t.end {
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if i >= len(b) {
			return 0, false, nil
		}
		if b[i] != '>' {
			return 0, false, errNotPlain
		}
		return i + 1, true, nil
	}
	for {
		spaced := false
		for i < len(b) && isSpace(b[i]) {
			i, spaced = i+1, true
		}
		if i >= len(b) {
			return 0, false, nil
		}
		switch b[i] {
		case '>':
			return i + 1, true, nil
		case '/':
			if i+1 >= len(b) {
				return 0, false, nil
			}
			if b[i+1] != '>' {
				return 0, false, errNotPlain
			}
			t.selfClose = true
			return i + 2, true, nil
		}
		if !spaced { // XML wants space between the name and each attribute
			return 0, false, errNotPlain
		}
		if i, complete, err = t.readAttr(b, i); !complete || err != nil {
			return 0, complete, err
		}
	}
}

// readAttr reads name="value" (or 'value') at b[i] into t's attributes.
func (t *tag) readAttr(b []byte, i int) (next int, complete bool, err error) {
	var a attr
	if a.prefix, a.name, i, err = readName(b, i, &attrClass); err != nil || i >= len(b) {
		return 0, false, err
	}
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	if i >= len(b) {
		return 0, false, nil
	}
	if b[i] != '=' {
		return 0, false, errNotPlain
	}
	i++
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	if i >= len(b) {
		return 0, false, nil
	}
	q := b[i]
	if q != '"' && q != '\'' {
		return 0, false, errNotPlain
	}
	k := bytes.IndexByte(b[i+1:], q)
	if k < 0 {
		return 0, false, nil
	}
	a.value = b[i+1 : i+1+k]
	if bytes.IndexByte(a.value, '<') >= 0 {
		return 0, false, errNotPlain
	}
	if a.prefix != nil || string(a.name) == "xmlns" {
		t.qualified = true
	}
	t.attrs = append(t.attrs, a)
	return i + 2 + k, true, nil
}

// lexer walks the tags and texts of one element held in memory.
type lexer struct {
	b     []byte
	i     int
	tag   tag // the tag last read
	known prefixes
}

// next reads the next tag into l.tag, leaving l.i just after it; the text before it is
// b[from:at]. A tag of another namespace, or one declaring a namespace, is errNotPlain:
// it is rare, and only the reference reader tracks namespace scopes.
func (l *lexer) next() (from, at int, err error) {
	from = l.i
	k := bytes.IndexByte(l.b[l.i:], '<')
	if k < 0 {
		return from, len(l.b), errNotPlain
	}
	at = l.i + k
	next, complete, err := l.tag.read(l.b, at)
	if err != nil {
		return from, at, err
	}
	if !complete || l.tag.prefix != nil && !l.known.ours(l.tag.prefix) {
		return from, at, errNotPlain
	}
	if l.tag.qualified {
		for _, a := range l.tag.attrs {
			if a.prefix != nil && (string(a.prefix) == "xmlns" || isCellAttr(a.name)) ||
				a.prefix == nil && string(a.name) == "xmlns" {
				return from, at, errNotPlain
			}
		}
	}
	l.i = next
	return from, at, nil
}

// isCellAttr: a prefixed attribute with one of these local names is not the one the
// scanner reads; the reference reader tells them apart.
func isCellAttr(name []byte) bool {
	return len(name) == 1 && (name[0] == 'r' || name[0] == 's' || name[0] == 't')
}

// textUntilEnd reads the text of an element whose start tag was just read, through its end tag.
func (l *lexer) textUntilEnd(name string) (string, error) {
	from, at, err := l.next()
	if err != nil {
		return "", err
	}
	if !l.tag.end || string(l.tag.name) != name {
		return "", errNotPlain // an element inside a text: the reference reader decides
	}
	return xmlText(l.b[from:at])
}

// skip passes over the element whose start tag was just read.
func (l *lexer) skip() error {
	if l.tag.selfClose {
		return nil
	}
	for depth := 1; depth > 0; {
		if _, _, err := l.next(); err != nil {
			return err
		}
		switch {
		case l.tag.end:
			depth--
		case !l.tag.selfClose:
			depth++
		}
	}
	return nil
}
