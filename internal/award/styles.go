package award

import "github.com/xuri/excelize/v2"

// styleKey is what a cell's look depends on.
type styleKey struct {
	numFmt string
	fill   string // "" or an RGB fill: rows a reviewer must look at, the header
	bold   bool   // the header and 合计 rows
	wrap   bool   // 计算说明: long reasons wrap within the column when printed
}

// styleCache gives one excelize style per look.
type styleCache struct {
	f   *excelize.File
	ids map[styleKey]int
}

func newStyleCache(f *excelize.File) *styleCache { return &styleCache{f: f, ids: map[styleKey]int{}} }

func (s *styleCache) get(key styleKey) (int, error) {
	if key == (styleKey{}) {
		return 0, nil
	}
	if id, ok := s.ids[key]; ok {
		return id, nil
	}
	st := &excelize.Style{Font: &excelize.Font{Bold: key.bold}}
	if key.numFmt != "" {
		numFmt := key.numFmt // its own copy: the key must not escape on every lookup
		st.CustomNumFmt = &numFmt
	}
	if key.fill != "" {
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{key.fill}}
	}
	if key.wrap {
		st.Alignment = &excelize.Alignment{WrapText: true, Vertical: "top"}
	}
	id, err := s.f.NewStyle(st)
	s.ids[key] = id
	return id, err
}

// headerFill sets the header row apart on screen and on paper.
const headerFill = "DDEBF7"

var (
	headerStyle = styleKey{fill: headerFill, bold: true, wrap: true}
	totalStyle  = styleKey{bold: true}
	moneyStyle  = styleKey{numFmt: moneyFormat}
	totalMoney  = styleKey{numFmt: moneyFormat, bold: true}
)
