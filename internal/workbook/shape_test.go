package workbook

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode/utf8"
)

// A generator of worksheets that hold the same cells in differently shaped, valid XML:
// the structure a reader must see through, not only the text of cells.

// Shape flags: each turns on one structural variation (the bits above them seed the choices).
const (
	shapePrefix        uint64 = 1 << iota // elements with a prefix bound to SpreadsheetML, mixed with unprefixed ones
	shapeComments                         // comments between and inside elements, some holding rows
	shapePIs                              // processing instructions, some holding rows
	shapeCDATA                            // texts partly in CDATA sections
	shapeEntities                         // characters as entity and character references
	shapeReorder                          // cells out of column order
	shapeNoRefs                           // rows and cells without r attributes
	shapeSelfClose                        // empty elements written self-closing, and empty cells
	shapeDoctype                          // a DOCTYPE, its internal subset holding a row
	shapeAttrs                            // attribute order, quotes, spacing, foreign attributes
	shapeSpace                            // indentation and spaces inside tags
	shapeFullCalc                         // <calcPr fullCalcOnLoad="1"/>, as XlsxWriter writes
	shapeDate1904                         // the 1904 date system
	shapeRich                             // rich text runs and phonetic runs in strings
	shapeForeign                          // elements of another namespace inside rows and cells
	shapeEscapes                          // Excel's _xHHHH_ escapes in strings
	shapeProlog                           // byte order mark, no declaration, declared encoding
	shapeSharedFormula                    // shared formulas, as Excel writes a filled-down column
	shapeLineEnds                         // \r\n and \r in texts, raw and as references
	shapeBits          = iota
)

// shapeNames name the flags, for messages.
var shapeNames = []string{"prefix", "comments", "PIs", "CDATA", "entities", "reorder", "noRefs", "selfClose",
	"doctype", "attrs", "space", "fullCalc", "date1904", "rich", "foreign", "escapes", "prolog", "sharedFormula", "lineEnds"}

func describeShape(shape uint64) string {
	var on []string
	for i, name := range shapeNames {
		if shape&(1<<i) != 0 {
			on = append(on, name)
		}
	}
	return strings.Join(on, "+")
}

// genCell is one cell the generator writes.
type genCell struct {
	col     int
	style   int // index into genNumFmts
	typ     string
	value   string // the <v> text; for t="s", the index
	hasV    bool
	inline  []string // runs of an inline string
	formula string
	shared  string // a shared formula's si, "" for a plain one
	master  bool   // the cell carrying the shared formula's text
	empty   bool   // written as <c r=".."/> with only a style
}

// genRow is one row.
type genRow struct {
	num   int
	cells []genCell
}

// genNumFmts are the number formats of the generated styles.xml, by style index.
var genNumFmts = []string{"", "0.00%", `0.00"%"`, "yyyy/m/d"}

// shaper writes a workbook's XML under the shape's flags.
type shaper struct {
	shape  uint64
	prefix string // "x:" or ""
	rnd    *rand.Rand
	sb     strings.Builder
}

func newShaper(shape uint64, prefix string) *shaper {
	return &shaper{shape: shape, prefix: prefix, rnd: rand.New(rand.NewPCG(shape>>shapeBits, shape))}
}

func (s *shaper) on(flag uint64) bool { return s.shape&flag != 0 }

func (s *shaper) chance(n int) bool { return s.rnd.IntN(n) == 0 }

// el is an element name with the prefix, or without it where prefixes mix.
func (s *shaper) el(local string) string {
	if s.prefix == "" || s.on(shapePrefix) && s.chance(2) {
		return local
	}
	return s.prefix + local
}

// open writes a start tag with its attributes (name, value pairs) and returns the name to close it.
func (s *shaper) open(local string, attrs ...string) string {
	name := s.el(local)
	s.sb.WriteString("<" + name)
	s.attrs(attrs)
	if s.on(shapeSpace) && s.chance(3) {
		s.sb.WriteString(s.space())
	}
	s.sb.WriteString(">")
	return name
}

// empty writes an element with no content, self-closing or not.
func (s *shaper) empty(local string, attrs ...string) {
	name := s.el(local)
	s.sb.WriteString("<" + name)
	s.attrs(attrs)
	if s.on(shapeSelfClose) && s.chance(2) {
		s.sb.WriteString("></" + name + ">")
		return
	}
	if s.on(shapeSpace) && s.chance(2) {
		s.sb.WriteString(" ")
	}
	s.sb.WriteString("/>")
}

func (s *shaper) close(name string) {
	s.sb.WriteString("</" + name)
	if s.on(shapeSpace) && s.chance(3) {
		s.sb.WriteString(s.space())
	}
	s.sb.WriteString(">")
}

func (s *shaper) space() string {
	return []string{" ", "\n", "\t", "\r\n  ", "  "}[s.rnd.IntN(5)]
}

func (s *shaper) attrs(pairs []string) {
	type kv struct{ k, v string }
	var list []kv
	for i := 0; i+1 < len(pairs); i += 2 {
		list = append(list, kv{pairs[i], pairs[i+1]})
	}
	if s.on(shapeAttrs) {
		s.rnd.Shuffle(len(list), func(i, j int) { list[i], list[j] = list[j], list[i] })
		if s.chance(2) {
			list = append(list, kv{"x14ac:dyDescent", "0.25"})
		}
		if s.chance(3) {
			list = append(list, kv{"note", " t='s' r=\"Z9\" s=9 "})
		}
	}
	for _, a := range list {
		sep, eq := " ", "="
		if s.on(shapeAttrs) || s.on(shapeSpace) {
			sep = s.space()
			if s.chance(3) {
				eq = []string{" = ", "\n=", "=\t"}[s.rnd.IntN(3)]
			}
		}
		q := `"`
		if s.on(shapeAttrs) && s.chance(2) {
			q = "'"
		}
		s.sb.WriteString(sep + a.k + eq + q + s.attrValue(a.v, q[0]) + q)
	}
}

// attrValue escapes an attribute value for the quote it sits in.
func (s *shaper) attrValue(v string, q byte) string {
	var sb strings.Builder
	for _, r := range v {
		switch {
		case r == '&' || r == '<' || r == rune(q):
			sb.WriteString(s.reference(r, true))
		case s.on(shapeEntities) && s.chance(4):
			sb.WriteString(s.reference(r, false))
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// reference writes r as a reference: named where XML names it and must (or may), else numeric.
func (s *shaper) reference(r rune, must bool) string {
	named := map[rune]string{'<': "&lt;", '>': "&gt;", '&': "&amp;", '"': "&quot;", '\'': "&apos;"}
	if n, ok := named[r]; ok && (must && !s.on(shapeEntities) || s.chance(2)) {
		return n
	}
	if s.chance(2) {
		return fmt.Sprintf("&#%d;", r)
	}
	return fmt.Sprintf("&#x%X;", r)
}

// text writes character data: escaped, in references, in CDATA sections, split by comments.
func (s *shaper) text(v string) {
	if s.on(shapeCDATA) && v != "" && s.chance(2) {
		cut := s.rnd.IntN(len(v) + 1)
		for cut < len(v) && !utf8.RuneStart(v[cut]) {
			cut++
		}
		s.escaped(v[:cut])
		s.sb.WriteString("<![CDATA[" + strings.ReplaceAll(v[cut:], "]]>", "]]]]><![CDATA[>") + "]]>")
		return
	}
	if (s.on(shapeComments) || s.on(shapePIs)) && v != "" && s.chance(3) {
		cut := s.rnd.IntN(len(v) + 1)
		for cut < len(v) && !utf8.RuneStart(v[cut]) {
			cut++
		}
		s.escaped(v[:cut])
		s.noise()
		s.escaped(v[cut:])
		return
	}
	s.escaped(v)
}

func (s *shaper) escaped(v string) {
	for i, r := range v {
		switch {
		case r == '&' || r == '<':
			s.sb.WriteString(s.reference(r, true))
		case r == '>' && (i == 0 || v[i-1] == ']'):
			s.sb.WriteString(s.reference(r, true)) // ]]> is not allowed outside CDATA, and a piece may follow "]]"
		case r == '\r' && !s.on(shapeLineEnds):
			s.sb.WriteString("&#13;") // a raw \r would read as \n
		case r == '\r' && s.chance(2):
			s.sb.WriteString("&#13;")
		case s.on(shapeEntities) && s.chance(4):
			s.sb.WriteString(s.reference(r, false))
		default:
			s.sb.WriteRune(r)
		}
	}
}

// noise writes, where comments or PIs are on, one of them; some hold a row that is not one.
func (s *shaper) noise() {
	decoy := `<row r="3001"><c r="A3001"><v>7</v></c></row> a > b`
	switch {
	case s.on(shapeComments) && s.chance(2):
		body := []string{" note ", decoy, "", " - </c></row> "}[s.rnd.IntN(4)]
		s.sb.WriteString("<!--" + body + "-->")
	case s.on(shapePIs) && s.chance(2):
		body := []string{"", " data", " " + decoy, " a>b"}[s.rnd.IntN(4)]
		s.sb.WriteString("<?mso-note" + body + "?>")
	}
}

// gap writes what may sit between two elements: spaces, a comment, a PI, a foreign element.
func (s *shaper) gap(foreignHere bool) {
	if s.on(shapeSpace) && s.chance(2) {
		s.sb.WriteString(s.space())
	}
	s.noise()
	if foreignHere && s.on(shapeForeign) && s.chance(3) {
		s.sb.WriteString(`<y:note y:r="B3001"><y:a>text</y:a><c r="B3001"><v>8</v></c></y:note>`)
	}
}

// genText makes a text hold Excel's escapes and line ends where the shape asks for them.
func (s *shaper) genText(v string) string {
	if s.on(shapeEscapes) && s.chance(2) {
		v = []string{"_x000D_", "_x005F_x0041_", "_x4E2D__x6587_", "a_xZZZZ_b"}[s.rnd.IntN(4)] + v
	}
	if s.on(shapeLineEnds) && s.chance(2) {
		v += []string{"\r\n", "\r", "\n\r"}[s.rnd.IntN(3)] + "行"
	}
	return v
}
