package award

import (
	"github.com/changle/subsidy/internal/workbook"

	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"strconv"
	"unicode/utf8"
)

// detailPart is 明细's worksheet XML, written row by row as the rows stream past and
// deflated as it goes into a temporary file; at the end its compressed bytes are copied
// into the package as they are. excelize lays out the workbook (styles, panes, filter,
// the other sheets); only the rows are serialised here, which took most of the time
// through excelize's StreamWriter (per-cell structs, a growing buffer, a second pass
// to deflate at save).
type detailPart struct {
	tmp     *os.File
	removed bool // unlinked while open (not possible on Windows: then at close)
	deflate *flate.Writer
	crc     hash.Hash32
	size    int64
	tail    []byte
	buf     []byte
	cols    []string // column letters, by index
}

// cellXML is one cell of a 明细 row.
type cellXML struct {
	kind    workbook.CellKind // Number, Text, Boolean, FormulaNoValue or Blank
	text    string
	style   int
	formula string
	wrap    bool // wraps in its column: the row is as tall as its lines
}

func newDetailPart(head, tail []byte, width int) (*detailPart, error) {
	tmp, err := os.CreateTemp("", "subsidy-detail-*.tmp")
	if err != nil {
		return nil, scratch(err)
	}
	fw, err := flate.NewWriter(tmp, flate.BestSpeed)
	if err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, err
	}
	// Unlinked at once where the system allows, so nothing is left whatever happens.
	d := &detailPart{tmp: tmp, removed: os.Remove(tmp.Name()) == nil, deflate: fw, crc: crc32.NewIEEE(), tail: tail}
	for i := 0; i < width; i++ {
		d.cols = append(d.cols, workbook.ColumnName(i))
	}
	return d, d.write(head)
}

func (d *detailPart) write(p []byte) error {
	d.crc.Write(p)
	d.size += int64(len(p))
	_, err := d.deflate.Write(p)
	return scratch(err)
}

// row writes one <row>; blank cells are left out. A row whose wrapped text takes several
// lines is given their height, as spreadsheet programs do not measure it when they open it.
func (d *detailPart) row(num int, cells []cellXML) error {
	b := d.buf[:0]
	b = append(b, `<row r="`...)
	b = strconv.AppendInt(b, int64(num), 10)
	if lines := wrappedLines(cells); lines > 1 {
		b = append(b, `" ht="`...)
		b = strconv.AppendInt(b, int64(lines*lineHeight), 10)
		b = append(b, `" customHeight="1`...)
	}
	b = append(b, `">`...)
	for i, c := range cells {
		if c.kind == workbook.Blank && c.style == 0 {
			continue
		}
		b = append(b, `<c r="`...)
		b = append(b, d.cols[i]...)
		b = strconv.AppendInt(b, int64(num), 10)
		b = append(b, '"')
		if c.style != 0 {
			b = append(b, ` s="`...)
			b = strconv.AppendInt(b, int64(c.style), 10)
			b = append(b, '"')
		}
		switch c.kind {
		case workbook.Blank:
			b = append(b, `/>`...)
		case workbook.Number:
			b = append(b, `><v>`...)
			b = append(b, c.text...)
			b = append(b, `</v></c>`...)
		case workbook.Boolean:
			b = append(b, ` t="b"><v>`...)
			b = append(b, c.text...)
			b = append(b, `</v></c>`...)
		case workbook.FormulaNoValue:
			b = append(b, `><f>`...)
			b = appendEscaped(b, c.formula)
			b = append(b, `</f></c>`...)
		default:
			b = append(b, ` t="inlineStr"><is><t`...)
			if needsPreserve(c.text) {
				b = append(b, ` xml:space="preserve"`...)
			}
			b = append(b, '>')
			b = appendEscaped(b, c.text)
			b = append(b, `</t></is></c>`...)
		}
	}
	b = append(b, `</row>`...)
	d.buf = b
	return d.write(b)
}

// lineHeight is one line of the default font, in points.
const lineHeight = 15

// wrappedLines is how many lines the longest wrapped cell of a row takes in its column
// (about wrapChars characters a line at the width 计算说明 is given).
func wrappedLines(cells []cellXML) int {
	lines := 1
	for _, c := range cells {
		if c.wrap {
			lines = max(lines, (utf8.RuneCountInString(c.text)+wrapChars-1)/wrapChars)
		}
	}
	return min(lines, 20)
}

const wrapChars = 24

func needsPreserve(s string) bool {
	return s != "" && (isXMLSpace(s[0]) || isXMLSpace(s[len(s)-1]))
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// appendEscaped writes text as XML character data; characters XML cannot carry
// (controls, invalid UTF-8) become U+FFFD, as encoding/xml does.
func appendEscaped(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		r, width := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '"':
			b = append(b, "&#34;"...)
		case r == '\'':
			b = append(b, "&#39;"...)
		case r == '&':
			b = append(b, "&amp;"...)
		case r == '<':
			b = append(b, "&lt;"...)
		case r == '>':
			b = append(b, "&gt;"...)
		case r == '\t':
			b = append(b, "&#x9;"...)
		case r == '\n':
			b = append(b, "&#xA;"...)
		case r == '\r':
			b = append(b, "&#xD;"...)
		case !xmlChar(r) || (r == utf8.RuneError && width == 1):
			b = append(b, "\uFFFD"...)
		default:
			b = append(b, s[i:i+width]...)
		}
		i += width
	}
	return b
}

// xmlChar reports a character XML 1.0 can carry.
func xmlChar(r rune) bool {
	return r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// finish writes the end of the sheet and completes the deflate stream.
func (d *detailPart) finish() error {
	if err := d.write(d.tail); err != nil {
		return err
	}
	return scratch(d.deflate.Close())
}

// copyInto adds the finished part to the package under name, without inflating it again.
func (d *detailPart) copyInto(zw *zip.Writer, name string) error {
	compressed, err := d.tmp.Seek(0, io.SeekCurrent)
	if err != nil {
		return scratch(err)
	}
	if _, err := d.tmp.Seek(0, io.SeekStart); err != nil {
		return scratch(err)
	}
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: name, Method: zip.Deflate, CRC32: d.crc.Sum32(),
		CompressedSize64: uint64(compressed), UncompressedSize64: uint64(d.size),
	})
	if err != nil {
		return err
	}
	_, err = io.Copy(w, d.tmp)
	return err
}

func (d *detailPart) close() error {
	err := d.tmp.Close()
	if !d.removed {
		os.Remove(d.tmp.Name())
	}
	return err
}

// splitSheetData cuts a worksheet's XML around its empty <sheetData>.
func splitSheetData(sheetXML []byte) (head, tail []byte, err error) {
	for _, empty := range []string{"<sheetData></sheetData>", "<sheetData/>"} {
		if i := bytes.Index(sheetXML, []byte(empty)); i >= 0 {
			return append(sheetXML[:i:i], "<sheetData>"...), append([]byte("</sheetData>"), sheetXML[i+len(empty):]...), nil
		}
	}
	return nil, nil, errors.New("no empty <sheetData> in the worksheet excelize laid out")
}

// packageWriter is the zip writer excelize saves through: every part as excelize made
// it, but the worksheets whose rows were streamed from their detail parts.
type packageWriter struct {
	zw    *zip.Writer
	parts map[string]*detailPart // by part name: xl/worksheets/sheet1.xml
}

func (p *packageWriter) Create(name string) (io.Writer, error) {
	if d, ok := p.parts[name]; ok {
		return io.Discard, d.copyInto(p.zw, name)
	}
	return p.zw.Create(name)
}

func (p *packageWriter) AddFS(fsys fs.FS) error { return p.zw.AddFS(fsys) }

func (p *packageWriter) Close() error { return p.zw.Close() }
