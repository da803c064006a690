package workbook

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// genBook is a generated workbook and the cells written into it.
type genBook struct {
	parts                             map[string]string
	rows                              []genRow
	shape                             uint64
	fullCalc, date1904, sharedFormula bool
}

// decoyRow is the row number hidden in comments, PIs, a DOCTYPE and foreign elements.
const decoyRow = 3001

// makeGenBook writes one worksheet of the given texts under a shape. row is kept below
// decoyRow; col places the first cell.
func makeGenBook(text, value, typ string, col uint8, row uint16, prefix string, shape uint64) genBook {
	text, value, typ = xmlSafe(text), xmlSafe(value), xmlSafe(typ)
	if shape&shapePrefix != 0 && prefix == "" {
		prefix = "x:"
	}
	g := genBook{shape: shape, fullCalc: shape&shapeFullCalc != 0, date1904: shape&shapeDate1904 != 0,
		sharedFormula: shape&shapeSharedFormula != 0}
	s := newShaper(shape, prefix)
	first := 1 + int(row)%2900
	c0 := int(col)
	a := genRow{num: first}
	a.cells = append(a.cells, genCell{col: c0, inline: s.runs(s.genText(text))})
	// t="inlineStr" with a <v> and no <is> reads the <v>, as excelize does.
	v := genCell{col: c0 + 1, style: 1, typ: typ, value: value, hasV: true}
	if typ == "s" {
		v.value = "0"
	}
	a.cells = append(a.cells, v)
	f := genCell{col: c0 + 2, style: 2, formula: `SUM(A1)&"<x>"`, hasV: !s.chance(3)}
	switch {
	case s.chance(3):
		// A text result is never left out: excelize cannot tell a missing <v> from an empty one.
		f.typ, f.value, f.hasV = "str", "abc"+s.genText(value), true
	case f.hasV:
		f.value = []string{"12.5", "0", ""}[s.rnd.IntN(3)]
	}
	a.cells = append(a.cells, f)
	idx := "0"
	if s.on(shapeSpace) && s.chance(2) {
		idx = " 1\n"
	}
	a.cells = append(a.cells, genCell{col: c0 + 3, style: 3, typ: "s", value: idx, hasV: true})
	if s.on(shapeSelfClose) {
		a.cells = append(a.cells, genCell{col: c0 + 4, style: 1, empty: true})
	}
	a.cells = append(a.cells,
		genCell{col: c0 + 5, typ: "b", value: "1", hasV: true},
		genCell{col: c0 + 6, typ: "e", value: "#N/A", hasV: true, formula: "NA()"})
	b := genRow{num: first + 1, cells: []genCell{
		{col: 0, value: "1E+3", hasV: true},
		{col: 1, typ: "s", value: "1", hasV: true},
		{col: 3, typ: "d", value: "2024-01-15T00:00:00", hasV: true},
		{col: 4, typ: "str", value: s.genText(value), hasV: true, formula: "A1"},
	}}
	c := genRow{num: first + 2}
	if g.sharedFormula {
		b.cells = append(b.cells[:2], append([]genCell{{col: 2, formula: "A1*2", shared: "0", master: true, value: "4", hasV: true}}, b.cells[2:]...)...)
		c.cells = []genCell{{col: 2, shared: "0", value: "6", hasV: !g.fullCalc || s.chance(2)}}
	}
	if s.on(shapeSelfClose) && s.chance(2) {
		b.cells[0].value = "" // <v/>
	}
	g.rows = []genRow{a, b, c}
	strs := [][]string{s.runs(s.genText(text)), s.runs("甲" + s.genText(text) + "乙"), nil}
	g.parts = minimalParts(s.worksheet(g.rows))
	g.parts["xl/sharedStrings.xml"] = s.sharedStrings(strs)
	g.parts["xl/workbook.xml"] = s.workbook(g.fullCalc, g.date1904)
	g.parts["xl/styles.xml"] = genStyles
	return g
}

// genStyles gives style i the number format genNumFmts[i].
const genStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.00&quot;%&quot;"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>`

// xmlSafe keeps what XML can hold, and breaks escapes of lone UTF-16 surrogates
// (_xD800_), which excelize drops and this reader reads as U+FFFD.
func xmlSafe(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == utf8.RuneError || !xmlChar(r) {
			return -1
		}
		return r
	}, s)
	for i := strings.Index(s, "_x"); i >= 0; {
		if i+3 < len(s) && strings.ContainsRune("dD", rune(s[i+2])) && strings.ContainsRune("89abcdefABCDEF", rune(s[i+3])) {
			s = s[:i+1] + "y" + s[i+2:]
		}
		next := strings.Index(s[i+1:], "_x")
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return s
}

// runs splits a text into rich text runs where the shape asks for them.
func (s *shaper) runs(text string) []string {
	if !s.on(shapeRich) || s.chance(3) || len(text) < 2 {
		return []string{text}
	}
	cut := s.rnd.IntN(len(text))
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	return []string{text[:cut], text[cut:]}
}

func (s *shaper) prologue() {
	decl := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`
	if s.on(shapeProlog) {
		decl = []string{"", "\ufeff" + decl, `<?xml version='1.0' encoding='utf-8'?>`, "<?xml version=\"1.0\"?>\n"}[s.rnd.IntN(4)]
	}
	s.sb.WriteString(decl)
	if s.on(shapeDoctype) {
		s.sb.WriteString(`<!DOCTYPE worksheet [<!ENTITY decoy "<row r='3001'><c r='A3001'><v>7</v></c></row>">]>`)
	}
	s.gap(false)
}

// worksheet writes the sheet part.
func (s *shaper) worksheet(rows []genRow) string {
	s.sb.Reset()
	s.prologue()
	attrs := []string{"xmlns", mainNS, "xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
		"xmlns:x14ac", "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac", "xmlns:y", "urn:example:notes"}
	if p, ok := strings.CutSuffix(s.prefix, ":"); ok {
		attrs = append(attrs, "xmlns:"+p, mainNS)
	}
	root := s.open("worksheet", attrs...)
	s.gap(false)
	s.empty("dimension", "ref", "A1")
	s.gap(false)
	data := s.open("sheetData")
	for i, r := range rows {
		s.gap(true)
		s.row(r, i == 0 || !s.on(shapeNoRefs) || s.chance(2))
	}
	s.gap(true)
	s.close(data)
	s.gap(false)
	s.empty("pageMargins", "left", "0.7", "right", "0.7", "top", "0.75", "bottom", "0.75", "header", "0.3", "footer", "0.3")
	s.close(root)
	s.gap(false)
	return s.sb.String()
}

func (s *shaper) row(r genRow, numbered bool) {
	var attrs []string
	if numbered {
		attrs = append(attrs, "r", strconv.Itoa(r.num))
	}
	attrs = append(attrs, "spans", "1:7")
	if len(r.cells) == 0 {
		s.empty("row", attrs...)
		return
	}
	name := s.open("row", attrs...)
	cells := append([]genCell(nil), r.cells...)
	reorder := s.on(shapeReorder) && !s.chance(4)
	if reorder {
		s.rnd.Shuffle(len(cells), func(i, j int) { cells[i], cells[j] = cells[j], cells[i] })
	}
	for i, c := range cells {
		s.gap(true)
		// A cell may leave out its reference only right after its left neighbour; in a row
		// without r, only where it is as many cells in as its column (excelize counts them).
		ref := reorder || i == 0 || cells[i-1].col != c.col-1 || !numbered && c.col != i || !s.on(shapeNoRefs) || s.chance(2)
		s.cell(c, r.num, ref)
	}
	s.gap(true)
	s.close(name)
}

func (s *shaper) cell(c genCell, row int, ref bool) {
	var attrs []string
	if ref {
		attrs = append(attrs, "r", fmt.Sprintf("%s%d", ColumnName(c.col), row))
	}
	if c.style != 0 || s.on(shapeAttrs) && s.chance(2) {
		attrs = append(attrs, "s", strconv.Itoa(c.style))
	}
	if c.typ != "" || s.on(shapeAttrs) && s.chance(3) && !c.empty {
		attrs = append(attrs, "t", c.typ)
	}
	if c.empty {
		s.empty("c", attrs...)
		return
	}
	name := s.open("c", attrs...)
	if c.formula != "" || c.shared != "" {
		s.gap(true)
		var fattrs []string
		if c.shared != "" {
			fattrs = append(fattrs, "t", "shared", "si", c.shared)
			if c.master {
				fattrs = append(fattrs, "ref", fmt.Sprintf("%s%d:%s%d", ColumnName(c.col), row, ColumnName(c.col), row+1))
			}
		}
		if c.formula == "" {
			s.empty("f", fattrs...)
		} else {
			f := s.open("f", fattrs...)
			s.text(c.formula)
			s.close(f)
		}
	}
	if c.hasV {
		s.gap(true)
		if c.value == "" && s.on(shapeSelfClose) {
			s.empty("v")
		} else {
			v := s.open("v")
			s.text(c.value)
			s.close(v)
		}
	}
	if c.inline != nil {
		s.gap(true)
		is := s.open("is")
		s.rich(c.inline)
		s.close(is)
	}
	s.gap(true)
	s.close(name)
}

// rich writes the content of an <si> or <is>: one <t>, or runs, perhaps with phonetic runs.
func (s *shaper) rich(runs []string) {
	if len(runs) == 1 {
		s.t(runs[0])
	} else {
		for _, run := range runs {
			s.gap(false)
			r := s.open("r")
			if s.chance(2) {
				p := s.open("rPr")
				s.empty("b")
				s.empty("sz", "val", "11")
				s.empty("rFont", "val", "宋体")
				s.close(p)
			}
			s.t(run)
			s.close(r)
		}
	}
	if s.on(shapeRich) && s.chance(2) {
		p := s.open("rPh", "sb", "0", "eb", "1")
		s.t("カナ")
		s.close(p)
		s.empty("phoneticPr", "fontId", "1")
	}
	s.gap(false)
}

func (s *shaper) t(v string) {
	if v == "" && s.on(shapeSelfClose) {
		s.empty("t")
		return
	}
	var attrs []string
	if strings.TrimSpace(v) != v || s.chance(2) {
		attrs = []string{"xml:space", "preserve"}
	}
	t := s.open("t", attrs...)
	s.text(v)
	s.close(t)
}

// sharedStrings writes the sharedStrings part.
func (s *shaper) sharedStrings(strs [][]string) string {
	s.sb.Reset()
	s.prologue()
	attrs := []string{"xmlns", mainNS, "count", strconv.Itoa(len(strs)), "uniqueCount", strconv.Itoa(len(strs))}
	if p, ok := strings.CutSuffix(s.prefix, ":"); ok {
		attrs = append(attrs, "xmlns:"+p, mainNS)
	}
	root := s.open("sst", attrs...)
	for _, runs := range strs {
		s.gap(false)
		if runs == nil {
			s.empty("si")
			continue
		}
		si := s.open("si")
		s.rich(runs)
		s.close(si)
	}
	s.gap(false)
	s.close(root)
	return s.sb.String()
}

// workbook writes the workbook part, as XlsxWriter does where fullCalc.
func (s *shaper) workbook(fullCalc, date1904 bool) string {
	pr, calc := "", `<calcPr calcId="191029"/>`
	if date1904 {
		pr = `<workbookPr date1904="1"/>`
	}
	if fullCalc {
		calc = `<calcPr calcId="124519" fullCalcOnLoad="1"/>`
	}
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		pr + `<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>` + calc + `</workbook>`
}
