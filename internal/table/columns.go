package table

import (
	"github.com/changle/subsidy/internal/workbook"

	"fmt"
	"strings"

	"github.com/changle/subsidy/internal/unit"
)

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
		if mapped, ok := t.opts.Map[key]; ok && !sameHeader(mapped, text) {
			continue // --map names the column of this field; a synonym elsewhere does not compete
		}
		if prev, dup := t.Columns[key]; dup {
			return fmt.Errorf("工作表“%s”第%d行：%s列“%s”与%s列“%s”都是%s，请删去或改名其一",
				t.Sheet, header.Num, workbook.ColumnName(prev.Index), prev.Header, workbook.ColumnName(col), text, f.Header)
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
				t.Sheet, workbook.ColumnName(col), h, f.Header, f.Header, f.Header, h)
		}
	}
	return nil
}

// sameHeader compares two headers as header matching does (spaces, brackets and unit aside).
func sameHeader(a, b string) bool {
	x, _, _ := normalizeHeader(a)
	y, _, _ := normalizeHeader(b)
	return x == y && x != ""
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
