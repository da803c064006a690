package workbook

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"
)

// The reference reader: encoding/xml, as excelize reads parts, for whatever the scanner
// leaves to it (errNotPlain). It takes SpreadsheetML's elements by namespace, as Excel
// does, and passes over any other element.

// newXMLDecoder decodes a part as excelize does, other declared encodings included.
func newXMLDecoder(r io.Reader) *xml.Decoder {
	d := xml.NewDecoder(r)
	d.CharsetReader = charset.NewReaderLabel
	return d
}

// isMain reports whether an element is SpreadsheetML's (or in no namespace, as the scanner reads it).
func isMain(n xml.Name, local string) bool {
	return n.Local == local && (n.Space == "" || n.Space == mainNS || n.Space == strictMainNS)
}

// plainAttr returns the value of the unprefixed attribute name.
func plainAttr(se xml.StartElement, name string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Space == "" && a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

// children calls fn for each child element of the element just started, until its end.
func children(d *xml.Decoder, fn func(xml.StartElement) error) error {
	for {
		tok, err := d.Token()
		if err != nil {
			return unexpectedEOF(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := fn(t); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

func unexpectedEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// root reads up to the part's root element, which must be SpreadsheetML's.
func root(d *xml.Decoder, local string) error {
	for {
		tok, err := d.Token()
		if err != nil {
			return unexpectedEOF(err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if se.Name.Space != "" && se.Name.Space != mainNS && se.Name.Space != strictMainNS {
				return fmt.Errorf("根元素 %s 不属于 SpreadsheetML", se.Name.Local)
			}
			if local != "" && se.Name.Local != local {
				return fmt.Errorf("根元素是 %s，不是 %s", se.Name.Local, local)
			}
			return nil
		}
	}
}

// readSharedStringsXML reads every <si> of a sharedStrings part.
func readSharedStringsXML(r io.Reader) (stringTable, error) {
	var list stringTable
	d := newXMLDecoder(r)
	if err := root(d, "sst"); err != nil {
		return list, err
	}
	err := children(d, func(se xml.StartElement) error {
		if !isMain(se.Name, "si") {
			return d.Skip()
		}
		text, err := xmlRichText(d)
		if err != nil {
			return err
		}
		return list.add(text)
	})
	return list, err
}

// xmlRichText reads an <si> or <is> just started: its own <t>, then those of its runs.
func xmlRichText(d *xml.Decoder) (string, error) {
	var sb strings.Builder
	text := func(se xml.StartElement) error {
		if !isMain(se.Name, "t") {
			return d.Skip()
		}
		var s string
		if err := d.DecodeElement(&s, &se); err != nil {
			return err
		}
		sb.WriteString(s)
		return nil
	}
	err := children(d, func(se xml.StartElement) error {
		if isMain(se.Name, "r") {
			return children(d, text)
		}
		return text(se)
	})
	return unescapeXstring(sb.String()), err
}

// xmlRows reads a worksheet part's rows as scanRows does. The first skip rows were
// delivered already, the last of them numbered last; they are read again, not delivered.
func (b *Book) xmlRows(r io.Reader, skip, last int, fn func(rowNum int, cells []Cell) error) (merges []string, err error) {
	d := newXMLDecoder(r)
	if err := root(d, ""); err != nil {
		return nil, err
	}
	rowNum, seen := 0, 0
	var cells []Cell
	var filled []bool
	disagree := fmt.Errorf("两种读法在第%d行之后不一致", last) // the scanner's rows must be a start of these
	err = children(d, func(se xml.StartElement) error {
		if isMain(se.Name, "mergeCells") {
			return children(d, func(se xml.StartElement) error {
				if ref, ok := plainAttr(se, "ref"); ok && isMain(se.Name, "mergeCell") {
					merges = append(merges, ref)
				}
				return d.Skip()
			})
		}
		if !isMain(se.Name, "sheetData") {
			return d.Skip()
		}
		return children(d, func(se xml.StartElement) error {
			if !isMain(se.Name, "row") {
				return d.Skip()
			}
			var err error
			if cells, filled, rowNum, err = b.xmlRow(d, se, cells[:0], filled, rowNum); err != nil {
				return err
			}
			seen++
			switch {
			case seen < skip:
				return nil
			case seen == skip:
				if rowNum != last {
					return disagree
				}
				return nil
			}
			if err := fn(rowNum, cells); err != nil {
				return callerError{err}
			}
			return nil
		})
	})
	if err == nil && seen < skip {
		return nil, disagree
	}
	return merges, err
}

// xmlRow reads one <row> just started. Cells may come in any column order; a cell without
// a reference after cells out of order has no column one could tell, and is refused.
func (b *Book) xmlRow(d *xml.Decoder, row xml.StartElement, cells []Cell, filled []bool, prev int) ([]Cell, []bool, int, error) {
	num, numbered := prev+1, false
	if v, ok := plainAttr(row, "r"); ok {
		n, ok := atoi([]byte(v))
		if !ok || n < 1 || n > MaxRows {
			return nil, filled, prev, fmt.Errorf("行号 %q 无效", v)
		}
		num, numbered = n, true
	}
	filled = filled[:0]
	col, ordered := -1, true
	err := children(d, func(c xml.StartElement) error {
		if !isMain(c.Name, "c") {
			return d.Skip()
		}
		next := col + 1
		if ref, ok := plainAttr(c, "r"); ok {
			refCol, refRow, err := cellRef([]byte(ref))
			if err != nil {
				return err
			}
			if !numbered {
				num, numbered = refRow, true
			}
			if refRow != num {
				return fmt.Errorf("单元格 %s 不在第%d行", ref, num)
			}
			next = refCol
		} else if !ordered {
			return fmt.Errorf("第%d行的单元格次序颠倒，其中一个没有位置（r），无法确定它在哪一列", num)
		}
		if next >= MaxColumns {
			return fmt.Errorf("第%d行超过 %d 列", num, MaxColumns)
		}
		ordered = ordered && next > col
		col = next
		cell, err := b.xmlCell(d, c)
		if err != nil {
			return fmt.Errorf("单元格 %s%d：%w", ColumnName(col), num, err)
		}
		for len(cells) <= col {
			cells, filled = append(cells, Cell{}), append(filled, false)
		}
		if filled[col] {
			return fmt.Errorf("单元格 %s%d 出现了两次", ColumnName(col), num)
		}
		cells[col], filled[col] = cell, true
		return nil
	})
	return cells, filled, num, err
}

// xmlCell reads one <c> just started.
func (b *Book) xmlCell(d *xml.Decoder, c xml.StartElement) (Cell, error) {
	var cell Cell
	var raw rawCell
	if s, ok := plainAttr(c, "s"); ok {
		var err error
		if cell.NumFmt, err = b.styleFormat([]byte(s)); err != nil {
			return cell, err
		}
	}
	raw.typ, _ = plainAttr(c, "t")
	err := children(d, func(se xml.StartElement) error {
		switch {
		case isMain(se.Name, "v"):
			raw.hasValue, raw.value = true, ""
			return d.DecodeElement(&raw.value, &se)
		case isMain(se.Name, "f"):
			raw.hasFormula, raw.formula = true, ""
			return d.DecodeElement(&raw.formula, &se)
		case isMain(se.Name, "is"):
			var err error
			raw.hasInline = true
			raw.inline, err = xmlRichText(d)
			return err
		}
		return d.Skip()
	})
	if err != nil {
		return cell, err
	}
	return b.settleCell(cell, raw)
}
