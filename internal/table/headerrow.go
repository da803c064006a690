package table

import "github.com/changle/subsidy/internal/workbook"

// settleHeader picks the header among the rows read so far — one row, or two where a group
// cell stands over sub-headers ("2023年" over "产值(万元)") — maps the columns, and takes
// the rows below it as data.
func (t *Table) settleHeader(spec Spec, rows []Row, forced int) error {
	best, bestScore, bestRows := -1, 0, 1
	var bestHeader Row
	for i, r := range rows {
		if forced != 0 && r.Num != forced {
			continue
		}
		consider := func(header Row, height int) {
			if score := t.headerScore(header); score > bestScore || (forced != 0 && best < 0) {
				best, bestScore, bestHeader, bestRows = i, score, header, height
			}
		}
		consider(r, 1)
		if i > 0 && rows[i-1].Num == r.Num-1 {
			consider(twoRowHeader(rows[i-1], r, func(h string) bool { _, ok := t.fieldOf(h); return ok }), 2)
		}
	}
	if best < 0 || bestScore < 2 {
		return notFit("%s", t.noHeaderError(spec, rows, forced))
	}
	t.HeaderRow = bestHeader.Num
	return t.mapColumns(spec, bestHeader, rows[:best+1-bestRows])
}

// headerScore counts the cells of a header row that name a field.
func (t *Table) headerScore(header Row) int {
	score := 0
	for _, c := range header.Cells {
		if _, ok := t.fieldOf(c.Value); ok && c.Kind == workbook.Text {
			score++
		}
	}
	return score
}

// twoRowHeader reads a group row over a sub-header row as one header, numbered as the lower
// row: a group cell covers the columns to its right that are empty above and have a
// sub-header below (a merged cell keeps its text in its first column); a cell with nothing
// below it (merged down) stands alone; a sub-header that names a field by itself ("获得补助情况"
// over "省级技改补助") is read alone where group and sub-header together name none.
func twoRowHeader(top, bottom Row, names func(string) bool) Row {
	width := max(len(top.Cells), len(bottom.Cells))
	cells := make([]workbook.Cell, width)
	group := ""
	for col := range width {
		upper, lower := top.Cell(col), bottom.Cell(col)
		switch {
		case !IsBlank(upper):
			group = Normalize(upper.Value)
			if IsBlank(lower) {
				cells[col], group = workbook.Cell{Kind: workbook.Text, Value: upper.Value}, ""
				continue
			}
		case IsBlank(lower):
			group = ""
		}
		if IsBlank(lower) {
			continue
		}
		header := group + lower.Value
		if !names(header) && names(lower.Value) {
			header = lower.Value
		}
		cells[col] = workbook.Cell{Kind: lower.Kind, Value: header}
	}
	return Row{Num: bottom.Num, Cells: cells}
}
