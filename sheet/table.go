package sheet

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/changle/subsidy/unit"
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
	Key      string // synonym table key
	Header   string // canonical header with unit, as the template writes it
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
	Cells []Cell
}

// Cell returns the cell at column col, Blank beyond the row's end.
func (r Row) Cell(col int) Cell {
	if col < len(r.Cells) {
		return r.Cells[col]
	}
	return Cell{}
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
	src       Source
}

// Ref names a cell for messages: 明细!E17.
func (t *Table) Ref(col, row int) string {
	return fmt.Sprintf("%s!%s%d", t.Sheet, ColumnName(col), row)
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
// the sheet named in opts, else the first sheet whose header fits.
func ReadTable(src Source, spec Spec, opts ReadOptions) (*Table, error) {
	names := src.SheetNames()
	if opts.Sheet != "" {
		if !contains(names, opts.Sheet) {
			return nil, fmt.Errorf("工作簿中没有名为“%s”的工作表（现有：%s）", opts.Sheet, strings.Join(names, "、"))
		}
		return readSheet(src, opts.Sheet, spec, opts)
	}
	var problems []string
	for _, name := range names {
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
	if len(problems) == 1 {
		return nil, errors.New(problems[0])
	}
	return nil, fmt.Errorf("没有一个工作表符合本措施（可用 --sheet 指定）：%s", strings.Join(problems, "；"))
}

// fitError says a sheet's header does not fit the measure, so another sheet may be tried.
type fitError struct{ msg string }

func (e *fitError) Error() string { return e.msg }

func notFit(format string, args ...any) error { return &fitError{fmt.Sprintf(format, args...)} }

// errHeaderSettled stops the first read of a sheet once its header is known.
var errHeaderSettled = errors.New("header settled")

func readSheet(src Source, name string, spec Spec, opts ReadOptions) (*Table, error) {
	t := &Table{Sheet: name, Columns: map[string]Column{}, Dropped: map[int]bool{}, opts: opts, src: src}
	var above []Row
	err := src.Rows(name, func(num int, cells []Cell) error {
		above = append(above, Row{num, append([]Cell(nil), cells...)})
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

// settleHeader picks the header row among the rows read so far, maps the columns,
// and takes the rows below it as data.
func (t *Table) settleHeader(spec Spec, rows []Row, forced int) error {
	best, bestScore := -1, 0
	for i, r := range rows {
		if forced != 0 && r.Num != forced {
			continue
		}
		score := 0
		for _, c := range r.Cells {
			if _, ok := t.fieldOf(c.Value); ok && c.Kind == Text {
				score++
			}
		}
		if score > bestScore || forced != 0 {
			best, bestScore = i, score
		}
	}
	if best < 0 || bestScore < 2 {
		return notFit("%s", t.noHeaderError(spec, rows, forced))
	}
	header := rows[best]
	t.HeaderRow = header.Num
	return t.mapColumns(spec, header, rows[:best])
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
			if c.Kind == Text && len(seen) < 12 {
				seen = append(seen, strings.TrimSpace(c.Value))
			}
		}
	}
	where := fmt.Sprintf("工作表“%s”前%d行", t.Sheet, headerScanRows)
	if forced != 0 {
		where = fmt.Sprintf("工作表“%s”第%d行", t.Sheet, forced)
	}
	return fmt.Sprintf("%s找不到表头：需要 %s；看到的是 %s。可用 --header-row 指定表头行", where, strings.Join(want, "、"), strings.Join(seen, "、"))
}

// mapColumns matches header cells to fields and settles each money/energy column's unit.
func (t *Table) mapColumns(spec Spec, header Row, above []Row) error {
	sheetUnits := unitLine(above)
	byKey := map[string]Field{}
	for _, f := range spec.Fields {
		byKey[f.Key] = f
	}
	for col, c := range header.Cells {
		text := strings.TrimSpace(c.Value)
		for len(t.Headers) < col {
			t.Headers = append(t.Headers, "")
		}
		t.Headers = append(t.Headers, text)
		if isResultHeader(text) {
			t.Dropped[col] = true
			continue
		}
		key, ok := t.fieldOf(text)
		if !ok {
			continue
		}
		f, wanted := byKey[key]
		if !wanted {
			continue
		}
		if prev, dup := t.Columns[key]; dup {
			return fmt.Errorf("工作表“%s”第%d行：%s列“%s”与%s列“%s”都是%s，请删去或改名其一",
				t.Sheet, header.Num, ColumnName(prev.Index), prev.Header, ColumnName(col), text, f.Header)
		}
		column := Column{Index: col, Header: text}
		if dim := f.Kind.Dimension(); dim != 0 {
			u, by, err := columnUnit(text, dim, sheetUnits, t.opts.Units[key])
			if err != nil {
				return fmt.Errorf("%s「%s」%w", t.Ref(col, header.Num), text, err)
			}
			column.Unit, column.UnitBy = u, by
		}
		t.Columns[key] = column
	}
	t.Headers = t.Headers[:usedWidth(header.Cells)]
	t.Width = len(t.Headers)
	for key, h := range t.opts.Map {
		if _, found := t.Columns[key]; !found {
			return fmt.Errorf("--map 指定的表头“%s”在工作表“%s”第%d行中找不到（表头为：%s）", h, t.Sheet, header.Num, strings.Join(nonEmpty(t.Headers), "、"))
		}
	}
	return t.checkPresence(spec)
}

func (t *Table) checkPresence(spec Spec) error {
	var missing []string
	for _, f := range spec.Fields {
		if _, ok := t.Columns[f.Key]; ok {
			continue
		}
		switch f.Presence {
		case Required:
			missing = append(missing, f.Header)
		case AssumedYes:
			if err := t.refuseAssumption(f); err != nil {
				return err
			}
			t.Assumed = append(t.Assumed, f)
		}
	}
	for _, group := range spec.OneOf {
		found := false
		var names []string
		for _, key := range group {
			_, ok := t.Columns[key]
			found = found || ok
			for _, f := range spec.Fields {
				if f.Key == key {
					names = append(names, f.Header)
				}
			}
		}
		if !found {
			missing = append(missing, strings.Join(names, "或"))
		}
	}
	if len(missing) > 0 {
		return notFit("工作表“%s”第%d行表头缺少必需的列：%s（表头为：%s）",
			t.Sheet, t.HeaderRow, strings.Join(missing, "、"), strings.Join(nonEmpty(t.Headers), "、"))
	}
	return nil
}

// refuseAssumption stops a subject-class column from being assumed when a header seems
// to be that column under a name not recognised: assuming would pay everyone.
func (t *Table) refuseAssumption(f Field) error {
	used := map[int]bool{}
	for _, c := range t.Columns {
		used[c.Index] = true
	}
	for col, h := range t.Headers {
		if !used[col] && !t.Dropped[col] && looksLikeSubjectClass(h) {
			return fmt.Errorf("工作表“%s”%s列表头“%s”像是“%s”列但无法识别：请把表头改为“%s”，或用 --map %s=%s",
				t.Sheet, ColumnName(col), h, f.Header, f.Header, f.Header, h)
		}
	}
	return nil
}

func nonEmpty(list []string) []string {
	var out []string
	for _, s := range list {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Dimension is the unit dimension of money and energy columns, 0 for others.
func (k Kind) Dimension() unit.Dimension {
	switch k {
	case KindMoney:
		return unit.Money
	case KindEnergy:
		return unit.Energy
	}
	return 0
}

// columnUnit takes the unit from the header, else from the sheet's 单位 line, else from --unit.
func columnUnit(header string, dim unit.Dimension, sheetUnits []unit.Unit, flag unit.Unit) (unit.Unit, string, error) {
	if _, u, ok := normalizeHeader(header); ok {
		if u.Dimension != dim {
			return unit.Unit{}, "", fmt.Errorf("的单位%s不是%s单位", u.Name, dim)
		}
		return u, "表头", nil
	}
	for _, u := range sheetUnits {
		if u.Dimension == dim {
			return u, "单位行", nil
		}
	}
	if flag.Dimension == dim {
		return flag, "--unit", nil
	}
	return unit.Unit{}, "", fmt.Errorf("没有注明单位：请在表头写明，如“%s(万元)”，或用 --unit 指定", header)
}

// unitLine finds "单位：万元" (or several, "单位：万元、千瓦时") in the rows above the header.
func unitLine(rows []Row) []unit.Unit {
	var units []unit.Unit
	for _, r := range rows {
		for _, c := range r.Cells {
			text := Normalize(c.Value)
			_, after, ok := strings.Cut(text, "单位:")
			if !ok {
				continue
			}
			for _, part := range strings.FieldsFunc(after, func(r rune) bool { return strings.ContainsRune("、,;/ ()[]", r) }) {
				if u, ok := unit.Lookup(part); ok {
					units = append(units, u)
				}
			}
		}
	}
	return units
}

// LineKind says what a row of the sheet is.
type LineKind int

const (
	TitleLine   LineKind = iota // above the header
	HeaderLine                  // the header row
	DataLine                    // a row to compute
	CarriedLine                 // a 合计 or notes row below the header: kept, not computed
)

// Line is one non-blank row of the sheet. Its cells are valid only during the Scan callback.
type Line struct {
	Kind LineKind
	Row  Row
}

// Scan streams the sheet from the top, one non-blank row at a time, without holding it:
// title rows, the header, then data and carried rows. Blank rows inside the table, and
// the rows of each kind, are counted afresh in t.Skipped and t.Width by every Scan.
func (t *Table) Scan(fn func(Line) error) error {
	t.Skipped = Skipped{}
	pendingBlank, last, previous := 0, t.HeaderRow, 0
	return t.src.Rows(t.Sheet, func(num int, cells []Cell) error {
		if num <= previous {
			return fmt.Errorf("工作表“%s”第%d行出现在第%d行之后，行序异常：请在 Excel/WPS 中打开并另存后再试", t.Sheet, num, previous)
		}
		previous = num
		if err := t.refuseHostile(num, last, cells); err != nil {
			return err
		}
		row := Row{Num: num, Cells: cells}
		first := firstText(cells)
		switch {
		case num < t.HeaderRow:
			if first == "" {
				return nil
			}
			return fn(Line{TitleLine, row})
		case num == t.HeaderRow:
			return fn(Line{HeaderLine, row})
		}
		pendingBlank += num - last - 1
		last = num
		if first == "" {
			pendingBlank++
			return nil
		}
		t.Skipped.Blank += pendingBlank
		pendingBlank = 0
		kind := DataLine
		switch {
		case isTotalLabel(first) || (hasTotalCell(cells) && t.codeBlank(row)):
			t.Skipped.Total++
			kind = CarriedLine
		case isNotesLabel(first):
			t.Skipped.Notes++
			kind = CarriedLine
		default:
			t.Width = max(t.Width, usedWidth(cells))
		}
		return fn(Line{kind, row})
	})
}

// Shapes no real 申报表 has, refused as hostile or broken rather than computed.
const (
	maxCellChars = 10000  // Excel allows 32,767; no figure, name or remark of a list is this long
	maxBlankGap  = 100000 // empty rows in a row inside the table
)

func (t *Table) refuseHostile(num, last int, cells []Cell) error {
	if w := usedWidth(cells); w+len(resultColumns) > maxColumns {
		return fmt.Errorf("工作表“%s”第%d行用到第 %d 列（%s），加上 %d 个结果列超过 Excel 的 %d 列上限：请删去多余的列后再试", t.Sheet, num, w, ColumnName(w-1), len(resultColumns), maxColumns)
	}
	if num > t.HeaderRow && num-last-1 > maxBlankGap && usedWidth(cells) > 0 {
		return fmt.Errorf("工作表“%s”第%d行之前有 %d 个连续空行：疑似误操作或损坏的文件，请删去多余的行后再试", t.Sheet, num, num-last-1)
	}
	for col, c := range cells {
		if len(c.Value) > maxCellChars && utf8.RuneCountInString(c.Value) > maxCellChars {
			return fmt.Errorf("%s 有 %d 个字符，超过 %d：不像申报表的内容，疑似误粘贴，请检查后再试", t.Ref(col, num), utf8.RuneCountInString(c.Value), maxCellChars)
		}
	}
	return nil
}

// usedWidth is the number of columns up to the last non-blank cell: formatting alone
// (a styled empty cell in column XFD) does not widen the table.
func usedWidth(cells []Cell) int {
	for i := len(cells) - 1; i >= 0; i-- {
		if cells[i].Kind != Blank {
			return i + 1
		}
	}
	return 0
}

// codeBlank reports a row without a 统一社会信用代码: only such a row can be a 合计 row
// whose label is not its first cell (a data row is never dropped for a remark "合计").
func (t *Table) codeBlank(row Row) bool {
	col, ok := t.Columns["code"]
	return !ok || row.Cell(col.Index).Kind == Blank
}

// hasTotalCell finds a cell reading exactly 合计/总计/小计 anywhere in the row, for sheets
// where a column such as 联系人 comes before the label.
func hasTotalCell(cells []Cell) bool {
	for _, c := range cells {
		if c.Kind != Text || len(c.Value) > 16 {
			continue
		}
		switch strings.ReplaceAll(Normalize(c.Value), " ", "") {
		case "合计", "总计", "小计":
			return true
		}
	}
	return false
}

// firstText is the first non-blank cell's text, normalised and without spaces.
func firstText(cells []Cell) string {
	for _, c := range cells {
		if c.Kind != Blank {
			return strings.ReplaceAll(Normalize(c.Value), " ", "")
		}
	}
	return ""
}

func isTotalLabel(s string) bool {
	for _, p := range []string{"合计", "总计", "小计"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func isNotesLabel(s string) bool {
	for _, p := range []string{"填表说明", "注:", "注1", "说明:", "备注:"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
