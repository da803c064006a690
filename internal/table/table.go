package table

import (
	"github.com/changle/subsidy/internal/workbook"

	"errors"
	"fmt"
	"strings"

	"github.com/changle/subsidy/internal/unit"
)

// Kind is what a column holds.
type Kind int

const (
	KindText Kind = iota
	KindCode
	KindMoney
	KindEnergy
	KindPercent
	KindYesNo
	KindDate
	KindCount // a number of people: no unit, never negative
)

// Presence says what an absent column means.
type Presence int

const (
	Required Presence = iota
	Optional
	// AssumedYes: a subject-class column whose absence means every row is of that class
	// (lists exported from 联网直报 hold only 规上 enterprises), SPEC §4.
	AssumedYes
)

// Field is a column a measure reads.
type Field struct {
	Key      string   // year-free name, as --map and --unit also accept it
	Header   string   // canonical header with unit, as the template writes it
	Synonyms []string // other headers staff write for it, compared as normalizeHeader leaves them
	Kind     Kind
	Presence Presence
}

// Spec is what a measure needs from a sheet.
type Spec struct {
	Fields []Field
	OneOf  [][]string // groups of optional keys of which at least one must be present
}

// Column is a matched input column.
type Column struct {
	Index  int
	Header string    // as written in the sheet
	Unit   unit.Unit // for money and energy columns
	UnitBy string    // where the unit came from: 表头, 单位行
}

// Row is one data row as stored.
type Row struct {
	Num   int
	Cells []workbook.Cell
}

// Cell returns the cell at column col, Blank beyond the row's end.
func (r Row) Cell(col int) workbook.Cell {
	if col < len(r.Cells) {
		return r.Cells[col]
	}
	return workbook.Cell{}
}

// Skipped counts the rows below the header that are not data.
type Skipped struct{ Blank, Total, Notes int }

// Table is a sheet read against a Spec.
type Table struct {
	Sheet     string
	HeaderRow int
	Headers   []string          // every header cell as written, by column
	Columns   map[string]Column // field key → column
	Dropped   map[int]bool      // columns of a previous run's results, not carried over
	Assumed   []Field           // subject-class fields absent and assumed 是
	Skipped   Skipped
	Width     int // columns in use, header or data
	opts      ReadOptions
	src       workbook.Source
	index     map[string]string // normalised header → field key
}

// Ref names a cell for messages: 明细!E17.
func (t *Table) Ref(col, row int) string {
	return fmt.Sprintf("%s!%s%d", t.Sheet, workbook.ColumnName(col), row)
}

// ReadOptions override detection.
type ReadOptions struct {
	Sheet     string               // "" = the first sheet that fits
	HeaderRow int                  // 0 = detect
	Map       map[string]string    // field key → header as written, where synonyms do not match
	Units     map[string]unit.Unit // field key → unit, where neither header nor 单位 line gives one
}

// headerScanRows bounds how far down a header row is looked for.
const headerScanRows = 30

// ReadTable reads the data rows of a sheet, matching its header row against spec:
// the sheet named in opts, else the first visible sheet whose header fits.
func ReadTable(src workbook.Source, spec Spec, opts ReadOptions) (*Table, error) {
	names := src.SheetNames()
	if opts.Sheet != "" {
		if !contains(names, opts.Sheet) {
			return nil, fmt.Errorf("工作簿中没有名为“%s”的工作表（现有：%s）", opts.Sheet, strings.Join(names, "、"))
		}
		return readSheet(src, opts.Sheet, spec, opts)
	}
	var problems, hidden []string
	for _, name := range names {
		if src.Hidden(name) {
			hidden = append(hidden, name) // staff do not see it, so it is not what they mean
			continue
		}
		t, err := readSheet(src, name, spec, opts)
		if err == nil {
			return t, nil
		}
		var fit *fitError
		if !errors.As(err, &fit) {
			return nil, err
		}
		problems = append(problems, err.Error())
	}
	note := ""
	if len(hidden) > 0 {
		note = fmt.Sprintf("（隐藏的工作表“%s”未读取，如需读取请用 --sheet 指定）", strings.Join(hidden, "”“"))
	}
	switch len(problems) {
	case 0:
		return nil, fmt.Errorf("工作簿中没有可见的工作表%s", note)
	case 1:
		return nil, errors.New(problems[0] + note)
	}
	return nil, fmt.Errorf("没有一个工作表符合本措施（可用 --sheet 指定）：%s%s", strings.Join(problems, "；"), note)
}

// fitError says a sheet's header does not fit the measure, so another sheet may be tried.
type fitError struct{ msg string }

func (e *fitError) Error() string { return e.msg }

func notFit(format string, args ...any) error { return &fitError{fmt.Sprintf(format, args...)} }

// errHeaderSettled stops the first read of a sheet once its header is known.
var errHeaderSettled = errors.New("header settled")

func readSheet(src workbook.Source, name string, spec Spec, opts ReadOptions) (*Table, error) {
	t := &Table{Sheet: name, Columns: map[string]Column{}, Dropped: map[int]bool{}, opts: opts, src: src, index: spec.headerIndex()}
	var above []Row
	err := src.Rows(name, func(num int, cells []workbook.Cell) error {
		above = append(above, Row{num, append([]workbook.Cell(nil), cells...)})
		if opts.HeaderRow == num || (opts.HeaderRow == 0 && num >= headerScanRows) {
			if err := t.settleHeader(spec, above, opts.HeaderRow); err != nil {
				return err
			}
			return errHeaderSettled
		}
		return nil
	})
	if errors.Is(err, errHeaderSettled) {
		return t, nil
	}
	if err != nil {
		return nil, err
	}
	if err := t.settleHeader(spec, above, opts.HeaderRow); err != nil {
		return nil, err
	}
	return t, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (t *Table) noHeaderError(spec Spec, rows []Row, forced int) string {
	var want []string
	for _, f := range spec.Fields {
		if f.Presence == Required {
			want = append(want, f.Header)
		}
	}
	var seen []string
	for _, r := range rows {
		if forced != 0 && r.Num != forced {
			continue
		}
		for _, c := range r.Cells {
			if c.Kind == workbook.Text && len(seen) < 12 {
				seen = append(seen, strings.TrimSpace(c.Value))
			}
		}
	}
	where := fmt.Sprintf("工作表“%s”前%d行", t.Sheet, headerScanRows)
	if forced != 0 {
		where = fmt.Sprintf("工作表“%s”第%d行", t.Sheet, forced)
	}
	found := "看到的是 " + strings.Join(seen, "、")
	if len(seen) == 0 {
		found = "那里没有文字"
	}
	return fmt.Sprintf("%s找不到表头：需要 %s；%s。可用 --header-row 指定表头行", where, strings.Join(want, "、"), found)
}

// KeptColumns are the input columns carried to the output, in their original order.
func (t *Table) KeptColumns() []int {
	var cols []int
	for i := 0; i < t.Width; i++ {
		if !t.Dropped[i] {
			cols = append(cols, i)
		}
	}
	return cols
}

// Header is the header cell of column col as written, "" where there is none.
func (t *Table) Header(col int) string {
	if col < len(t.Headers) {
		return t.Headers[col]
	}
	return ""
}

// NotFit reports an error that says a sheet's header does not fit, as against one that says
// what is wrong with a sheet that does (a column without a unit, --map naming no header).
func NotFit(err error) bool {
	var f *fitError
	return errors.As(err, &f)
}
