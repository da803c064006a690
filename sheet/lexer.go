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
