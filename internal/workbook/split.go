package workbook

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// maxElement bounds one row or one shared string: a hostile file cannot make us buffer more.
const maxElement = 64 << 20

// errElementTooLarge reports a row or string beyond maxElement.
var errElementTooLarge = errors.New("row or string larger than 64 MiB")

// scanError names bufio's refusal of an element beyond maxElement.
func scanError(err error) error {
	if errors.Is(err, bufio.ErrTooLong) {
		return errElementTooLarge
	}
	return err
}

// splitter cuts a part into the elements the scanner parses: the <row>s directly inside
// <sheetData>, or the <si>s inside <sst>. It looks at every tag on the way, so markup it
// does not read (a comment, CDATA, a processing instruction, a DOCTYPE) is errNotPlain
// before anything inside it can pass for an element.
type splitter struct {
	want, container string
	prolog          bool // the BOM and XML declaration, if any, are behind
	inside, closed  bool // within the container; the container has ended
	found           bool // an element has been handed on: the prefixes are frozen
	known           prefixes
	tag             tag
	merges          []string // refs of the <mergeCell>s after the container ("A3:A5")
}

// elements yields each wanted element of r in turn.
func elements(r io.Reader, sp *splitter) *bufio.Scanner {
	s := bufio.NewScanner(r)
	s.Buffer(make([]byte, 0, 256<<10), maxElement)
	s.Split(sp.split)
	return s
}

// split hands on the next element. At EOF it must not return without one unless done:
// bufio.Scanner stops there.
func (sp *splitter) split(data []byte, atEOF bool) (int, []byte, error) {
	i := 0
	if !sp.prolog {
		n, ok, err := prolog(data, atEOF)
		if err != nil || !ok {
			return 0, nil, err
		}
		sp.prolog, i = true, n
	}
	for {
		k := bytes.IndexByte(data[i:], '<')
		if k < 0 {
			if atEOF {
				return len(data), nil, sp.finish()
			}
			return len(data), nil, nil
		}
		i += k
		t := &sp.tag
		next, complete, err := t.read(data, i)
		if err != nil {
			return 0, nil, err
		}
		if !complete {
			if atEOF {
				return 0, nil, errNotPlain // cut short: the reference reader says how
			}
			return i, nil, nil // keep the tag's start and read on
		}
		if !t.end && t.qualified {
			if err := sp.known.declare(t, sp.found); err != nil {
				return 0, nil, err
			}
		}
		if !sp.known.ours(t.prefix) {
			if sp.inside {
				return 0, nil, errNotPlain // a foreign element among rows
			}
			i = next
			continue
		}
		switch name := string(t.name); {
		case sp.inside && name == sp.want && !t.end:
			end := next
			if !t.selfClose {
				var ok bool
				if end, ok = findEnd(data, next, sp.want); !ok {
					if atEOF {
						return 0, nil, errNotPlain
					}
					return i, nil, nil
				}
			}
			sp.found = true
			return end, data[i:end], nil
		case !sp.inside && sp.closed && name == "mergeCell" && !t.end:
			if ref, ok := t.attr("ref"); ok {
				sp.merges = append(sp.merges, string(ref))
			}
		case sp.inside && name == sp.container && t.end:
			sp.inside, sp.closed = false, true
		case sp.inside:
			return 0, nil, errNotPlain // the container holds something other than the elements
		case name == sp.container && !t.end && !sp.closed:
			sp.inside, sp.closed = !t.selfClose, t.selfClose
		case name == sp.container:
			return 0, nil, errNotPlain // a second container, or an end out of place
		}
		i = next
	}
}

// finish checks the end of the part: a container never closed means a part cut short
// (or one without rows, such as a chart sheet), which the reference reader judges.
func (sp *splitter) finish() error {
	if !sp.closed {
		return errNotPlain
	}
	return nil
}

// findEnd finds the end of the element whose start tag ends at data[from].
// Comments and CDATA inside it are caught by the lexer, which walks every tag of it.
func findEnd(data []byte, from int, name string) (int, bool) {
	for i := from; i < len(data); {
		k := bytes.Index(data[i:], []byte("</"))
		if k < 0 {
			return 0, false
		}
		i += k
		j := i + 2
		for j < len(data) && !isNameEnd(data[j]) {
			j++
		}
		if j >= len(data) {
			return 0, false
		}
		local := data[i+2 : j]
		if c := bytes.IndexByte(local, ':'); c >= 0 {
			local = local[c+1:]
		}
		if string(local) == name {
			e := bytes.IndexByte(data[j:], '>')
			if e < 0 {
				return 0, false
			}
			return j + e + 1, true
		}
		i += 2
	}
	return 0, false
}

var xmlBOM = []byte{0xEF, 0xBB, 0xBF}

// prolog passes over a UTF-8 byte order mark and an XML declaration. A declared encoding
// other than UTF-8, or a part not opening with markup (UTF-16, say), is errNotPlain.
func prolog(data []byte, atEOF bool) (n int, ok bool, err error) {
	if len(data) < 16 && !atEOF {
		return 0, false, nil
	}
	if bytes.HasPrefix(data, xmlBOM) {
		n = len(xmlBOM)
	}
	rest := data[n:]
	if !bytes.HasPrefix(rest, []byte("<?xml")) || len(rest) < 6 || !isSpace(rest[5]) {
		if len(rest) > 0 && rest[0] != '<' && !isSpace(rest[0]) {
			return 0, false, errNotPlain
		}
		return n, true, nil
	}
	end := bytes.Index(rest, []byte("?>"))
	if end < 0 {
		if atEOF || len(rest) > 4096 {
			return 0, false, errNotPlain
		}
		return 0, false, nil
	}
	// The declaration's pseudo-attributes read as a tag's attributes.
	decl := append([]byte("<x "), rest[6:end]...)
	decl = append(decl, '>')
	var t tag
	_, complete, err := t.read(decl, 0)
	if err != nil || !complete {
		return 0, false, errNotPlain
	}
	if enc, ok := t.attr("encoding"); ok && !bytes.EqualFold(enc, []byte("UTF-8")) {
		return 0, false, errNotPlain
	}
	return n + end + 2, true, nil
}
