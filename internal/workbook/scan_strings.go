package workbook

import (
	"io"
	"strings"
)

// readSharedStringsFrom reads every <si> of a sharedStrings part.
func readSharedStringsFrom(r io.Reader) (stringTable, error) {
	var list stringTable
	sp := &splitter{want: "si", container: "sst"}
	s := elements(r, sp)
	var l lexer
	for s.Scan() {
		l.b, l.i, l.known = s.Bytes(), 0, sp.known
		if _, _, err := l.next(); err != nil {
			return list, err
		}
		text := ""
		if !l.tag.selfClose {
			var err error
			if text, err = richText(&l, "si"); err != nil {
				return list, err
			}
		}
		if err := list.add(text); err != nil {
			return list, err
		}
	}
	return list, scanError(s.Err())
}

// richText concatenates the <t> texts of an <si> or <is> element whose start tag was just
// read: its own <t>, then those of its runs (<r>), leaving out phonetic runs (<rPh>) and
// whatever else it holds.
func richText(l *lexer, until string) (string, error) {
	var first string // most strings are one <t>: no slice for them
	var parts []string
	inRun := false
	for {
		if _, _, err := l.next(); err != nil {
			return "", err
		}
		t := &l.tag
		switch name := string(t.name); {
		case t.end && (name == until && !inRun || name == "r" && inRun):
			if !inRun {
				if parts != nil {
					first = strings.Join(parts, "")
				}
				return unescapeXstring(first), nil
			}
			inRun = false
		case t.end:
			return "", errNotPlain // an end tag out of place
		case name == "t":
			text := ""
			if !t.selfClose {
				var err error
				if text, err = l.textUntilEnd("t"); err != nil {
					return "", err
				}
			}
			switch {
			case parts != nil:
				parts = append(parts, text)
			case first != "":
				parts = []string{first, text}
			default:
				first = text
			}
		case name == "r" && !inRun && !t.selfClose:
			inRun = true
		default: // rPh, rPr, phoneticPr: nothing of the text
			if err := l.skip(); err != nil {
				return "", err
			}
		}
	}
}
