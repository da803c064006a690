package sheet

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// The reader built on encoding/xml that the hand-written scanner replaced, kept as the
// reference the scanner must agree with (see FuzzScannerMatchesXML).

// refRows reads a worksheet part's rows with encoding/xml.
func (b *Book) refRows(r io.Reader, fn func(rowNum int, cells []Cell) error) error {
	d := xml.NewDecoder(r)
	rowNum := 0
	var cells []Cell
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "row" {
			continue
		}
		rowNum++
		if n, err := strconv.Atoi(refAttr(se, "r")); err == nil {
			rowNum = n
		}
		cells, err = b.refRow(d, se, cells[:0])
		if err != nil {
			return err
		}
		if err := fn(rowNum, cells); err != nil {
			return err
		}
	}
}

func refRichText(d *xml.Decoder, start xml.StartElement) (string, error) {
	var sb strings.Builder
	depthInPhonetic := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "rPh":
				depthInPhonetic++
			case t.Name.Local == "t" && depthInPhonetic == 0:
				var text string
				if err := d.DecodeElement(&text, &t); err != nil {
					return "", err
				}
				sb.WriteString(text)
			}
		case xml.EndElement:
			if t.Name.Local == "rPh" {
				depthInPhonetic--
			}
			if t.Name == start.Name {
				return sb.String(), nil
			}
		}
	}
}

func refAttr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (b *Book) refRow(d *xml.Decoder, row xml.StartElement, cells []Cell) ([]Cell, error) {
	col := -1
	for {
		tok, err := d.Token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "c" {
				continue
			}
			col++
			if ref := refAttr(t, "r"); ref != "" {
				var ok bool
				if col, ok = refColumn([]byte(ref)); !ok {
					return nil, fmt.Errorf("bad cell reference %q", ref)
				}
			}
			c, err := b.refCell(d, t)
			if err != nil {
				return nil, err
			}
			for len(cells) < col {
				cells = append(cells, Cell{})
			}
			cells = append(cells[:col], c)
		case xml.EndElement:
			if t.Name.Local == "row" {
				return cells, nil
			}
		}
	}
}

func (b *Book) refCell(d *xml.Decoder, c xml.StartElement) (Cell, error) {
	var cell Cell
	typ := refAttr(c, "t")
	if s, err := strconv.Atoi(refAttr(c, "s")); err == nil && s >= 0 && s < len(b.numFmts) {
		cell.NumFmt = b.numFmts[s]
	}
	var value, inline, formula string
	hasValue, hasFormula := false, false
	for {
		tok, err := d.Token()
		if err != nil {
			return cell, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "v":
				if err := d.DecodeElement(&value, &t); err != nil {
					return cell, err
				}
				hasValue = true
			case "f":
				hasFormula = true
				if err := d.DecodeElement(&formula, &t); err != nil {
					return cell, err
				}
			case "is":
				if inline, err = refRichText(d, t); err != nil {
					return cell, err
				}
				hasValue = true
			}
		case xml.EndElement:
			if t.Name == c.Name {
				if !hasValue && hasFormula {
					cell.Kind, cell.Formula = FormulaNoValue, formula
					return cell, nil
				}
				return b.settleCell(cell, typ, value, inline, hasValue)
			}
		}
	}
}
