// Package sheet reads and writes the spreadsheets staff exchange: xlsx in,
// xlsx/CSV/JSON Lines out. It knows headers, units and cell formats, not rules.
package workbook

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// CellKind is how the workbook stored a cell.
type CellKind int

const (
	Blank CellKind = iota
	Number
	Text
	Boolean
	ErrorValue     // #DIV/0!, #N/A …
	FormulaNoValue // a formula whose result was never saved
)

// Cell is one stored cell: its text as written in the file and how to read it.
type Cell struct {
	Kind    CellKind
	Value   string // raw: the number as stored, the string, "1"/"0", the error code
	NumFmt  string // number format code of its style, "" for General
	Formula string // the formula of a FormulaNoValue cell, to carry it to the output
	// Date1904: a Number cell's serial counts days from 1904-01-01 (the workbook's date
	// system, as Excel for Mac and some WPS files save), not from 1899-12-30.
	Date1904 bool
}

// Book is an opened xlsx workbook, read sheet by sheet as a stream of rows.
type Book struct {
	closer  io.Closer
	files   map[string]*zip.File
	sheets  []sheetRef
	strings stringTable
	numFmts []string // by style index (cellXfs)
	// date1904 is the workbook's date system (<workbookPr date1904="1"/>).
	date1904 bool
	// fullCalcOnLoad: the saved results of formulas are stale (<calcPr fullCalcOnLoad="1"/>).
	fullCalcOnLoad bool
	merges         map[string][]Range // by sheet, once Rows has read the whole sheet
}

// sheetRef is a sheet of the workbook; hidden covers state="hidden" and "veryHidden".
type sheetRef struct {
	name, part string
	hidden     bool
}

// ErrNotXLSX means the file is not an Office Open XML workbook (an .xls, .et, an encrypted file, …).
var ErrNotXLSX = errors.New("not an xlsx workbook")

// openBook opens an xlsx file for reading within limits.
func openBook(filename string, limits Limits) (*Book, error) {
	zr, err := zip.OpenReader(filename)
	if err != nil {
		if errors.Is(err, zip.ErrFormat) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, ErrNotXLSX
		}
		return nil, err
	}
	return newBook(&zr.Reader, zr, limits)
}

// newBook reads the workbook parts every sheet needs; closer is closed with the book.
// A part whose declared size exceeds the limits is refused before it is inflated
// (archive/zip then holds every part to its declared size).
func newBook(zr *zip.Reader, closer io.Closer, limits Limits) (*Book, error) {
	b := &Book{closer: closer, files: map[string]*zip.File{}, merges: map[string][]Range{}}
	for _, f := range zr.File {
		name := strings.TrimPrefix(f.Name, "/")
		limit, flag := limits.UnzipSize, "--max-unzip-size"
		if name == "xl/sharedStrings.xml" {
			limit = limits.UnzipSize / 4 // held in memory, unlike the streamed sheets
		}
		if f.UncompressedSize64 > uint64(limit) {
			if closer != nil {
				closer.Close()
			}
			return nil, &TooLargeError{What: "工作簿中的 " + name + " 解压后", Size: int64(min(f.UncompressedSize64, 1<<62)), Limit: limit, Flag: flag}
		}
		b.files[name] = f
	}
	for _, read := range []func() error{b.readWorkbook, b.readSharedStrings, b.readStyles} {
		if err := read(); err != nil {
			b.Close()
			return nil, err
		}
	}
	return b, nil
}

// Close releases the file.
func (b *Book) Close() error {
	if b.closer == nil {
		return nil
	}
	return b.closer.Close()
}

// SheetNames lists the sheets in workbook order, hidden ones included.
func (b *Book) SheetNames() []string {
	names := make([]string, len(b.sheets))
	for i, s := range b.sheets {
		names[i] = s.name
	}
	return names
}

// Hidden reports whether the sheet is hidden (or very hidden) in Excel.
func (b *Book) Hidden(name string) bool {
	for _, s := range b.sheets {
		if s.name == name {
			return s.hidden
		}
	}
	return false
}

func (b *Book) open(part string) (io.ReadCloser, error) {
	f, ok := b.files[part]
	if !ok {
		return nil, fmt.Errorf("%w: part %s missing", ErrNotXLSX, part)
	}
	return f.Open()
}

func (b *Book) decodePart(part string, v any) error {
	r, err := b.open(part)
	if err != nil {
		return err
	}
	defer r.Close()
	if err := xml.NewDecoder(r).Decode(v); err != nil {
		return fmt.Errorf("%w: %s: %v", ErrNotXLSX, part, err)
	}
	return nil
}

func (b *Book) readWorkbook() error {
	var wb struct {
		Properties struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Calc struct {
			FullCalcOnLoad string `xml:"fullCalcOnLoad,attr"`
		} `xml:"calcPr"`
		Sheets []struct {
			Name  string `xml:"name,attr"`
			State string `xml:"state,attr"`
			RID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := b.decodePart("xl/workbook.xml", &wb); err != nil {
		return err
	}
	b.date1904 = xsdTrue(wb.Properties.Date1904)
	b.fullCalcOnLoad = xsdTrue(wb.Calc.FullCalcOnLoad)
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := b.decodePart("xl/_rels/workbook.xml.rels", &rels); err != nil {
		return err
	}
	targets := map[string]string{}
	for _, r := range rels.Rel {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[r.ID] = t
	}
	for _, s := range wb.Sheets {
		if part, ok := targets[s.RID]; ok {
			state := strings.Trim(s.State, " \t\r\n")
			b.sheets = append(b.sheets, sheetRef{s.Name, part, state == "hidden" || state == "veryHidden"})
		}
	}
	if len(b.sheets) == 0 {
		return fmt.Errorf("%w: no worksheet", ErrNotXLSX)
	}
	return nil
}

// xsdTrue reads an xsd:boolean attribute.
func xsdTrue(v string) bool {
	v = strings.Trim(v, " \t\r\n")
	return v == "1" || v == "true"
}

func (b *Book) readSharedStrings() error {
	const part = "xl/sharedStrings.xml"
	if _, ok := b.files[part]; !ok {
		return nil // a workbook with inline strings only has none
	}
	err := b.readPart(part, func(r io.Reader) (err error) {
		b.strings, err = readSharedStringsFrom(r)
		return err
	})
	if errors.Is(err, errNotPlain) {
		err = b.readPart(part, func(r io.Reader) (err error) {
			b.strings, err = readSharedStringsXML(r)
			return err
		})
	}
	if err != nil {
		return fmt.Errorf("%w: sharedStrings: %w", ErrNotXLSX, err)
	}
	return nil
}

// builtinNumFmts are the built-in number formats a reader needs to tell apart (ECMA-376 18.8.30).
var builtinNumFmts = map[int]string{
	9: "0%", 10: "0.00%", 14: "yyyy/m/d", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
	18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "yyyy/m/d h:mm",
	45: "mm:ss", 46: "[h]:mm:ss", 47: "mm:ss.0", 57: "yyyy\"年\"m\"月\"", 58: "m\"月\"d\"日\"",
	31: "yyyy\"年\"m\"月\"d\"日\"",
}

func (b *Book) readStyles() error {
	if _, ok := b.files["xl/styles.xml"]; !ok {
		return nil
	}
	var st struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmtID int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := b.decodePart("xl/styles.xml", &st); err != nil {
		return err
	}
	custom := map[int]string{}
	for _, f := range st.NumFmts {
		custom[f.ID] = f.Code
	}
	for _, xf := range st.Xfs {
		code, ok := custom[xf.NumFmtID]
		if !ok {
			code = builtinNumFmts[xf.NumFmtID]
		}
		b.numFmts = append(b.numFmts, code)
	}
	return nil
}

// Rows streams the rows of a sheet in order, calling fn with the Excel row number
// (1-based) and the row's cells indexed by column (0-based; missing cells are Blank).
// Rows absent from the file are not reported. fn returning an error stops the scan,
// and Rows returns that error as it is.
func (b *Book) Rows(sheetName string, fn func(rowNum int, cells []Cell) error) error {
	var part string
	for _, s := range b.sheets {
		if s.name == sheetName {
			part = s.part
		}
	}
	if part == "" {
		return fmt.Errorf("no sheet named %q", sheetName)
	}
	var delivered, last int
	var merges []string
	err := b.readPart(part, func(r io.Reader) (err error) {
		delivered, last, merges, err = b.scanRows(r, fn)
		return err
	})
	if errors.Is(err, errNotPlain) {
		// The scanner's rows so far are the reference reader's too; it delivers the rest.
		err = b.readPart(part, func(r io.Reader) (err error) {
			merges, err = b.xmlRows(r, delivered, last, fn)
			return err
		})
	}
	if err == nil {
		b.merges[sheetName] = parseRanges(merges)
	}
	var caller callerError
	if errors.As(err, &caller) {
		return caller.err
	}
	if err != nil {
		return fmt.Errorf("%w: %s: %w", ErrNotXLSX, part, err)
	}
	return nil
}

// readPart opens a part for fn and closes it after.
func (b *Book) readPart(part string, fn func(io.Reader) error) error {
	r, err := b.open(part)
	if err != nil {
		return err
	}
	defer r.Close()
	return fn(r)
}

// Excel's limits: last column XFD, last row 1,048,576.
const (
	MaxColumns = 16384
	MaxRows    = 1048576
)

// ColumnName turns a 0-based column into its letters: 0 → A, 27 → AB.
func ColumnName(col int) string {
	name := ""
	for col++; col > 0; col = (col - 1) / 26 {
		name = string(rune('A'+(col-1)%26)) + name
	}
	return name
}
