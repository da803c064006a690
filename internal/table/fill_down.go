package table

import (
	"slices"

	"github.com/changle/subsidy/internal/workbook"
)

// downMerges are the merged cells below the header that span rows, known once a Scan has
// read the whole sheet: one enterprise merged down over its project rows, say. Amounts and
// energy merged down stay with their first row.
func (t *Table) downMerges() *fillDown {
	f := &fillDown{}
	figures := map[int]bool{}
	for _, c := range t.Columns {
		figures[c.Index] = c.Unit.Dimension != 0
	}
	for _, r := range t.src.Merges(t.Sheet) {
		// An amount merged over two projects is one amount: Excel sums it once, and so do we.
		if r.FirstRow > t.HeaderRow && r.LastRow > r.FirstRow && !figures[r.FirstCol] {
			f.waiting = append(f.waiting, r)
		}
	}
	slices.SortFunc(f.waiting, func(a, b workbook.Range) int { return a.FirstRow - b.FirstRow })
	return f
}

// HasMerges reports whether the rows below the header have cells merged down.
func (t *Table) HasMerges() bool { return len(t.downMerges().waiting) > 0 }

// fillDown gives a vertical merge's value to every row it covers, as Excel shows it. Rows
// come in order, so only the merges open at a row are looked at.
type fillDown struct {
	waiting []workbook.Range // by first row, not yet reached
	open    []openMerge
}

type openMerge struct {
	workbook.Range
	top workbook.Cell // the merge's value: its top-left cell
}

func (f *fillDown) fill(num int, cells []workbook.Cell) []workbook.Cell {
	kept := f.open[:0]
	for _, m := range f.open {
		if m.LastRow >= num {
			kept = append(kept, m)
		}
	}
	f.open = kept
	for len(f.waiting) > 0 && f.waiting[0].FirstRow <= num {
		r := f.waiting[0]
		f.waiting = f.waiting[1:]
		if r.FirstRow == num && r.FirstCol < len(cells) {
			f.open = append(f.open, openMerge{r, cells[r.FirstCol]})
		}
	}
	for _, m := range f.open {
		if num == m.FirstRow {
			continue
		}
		for len(cells) <= m.FirstCol {
			cells = append(cells, workbook.Cell{})
		}
		if IsBlank(cells[m.FirstCol]) {
			cells[m.FirstCol] = m.top
		}
	}
	return cells
}
