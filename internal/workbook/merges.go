package workbook

import "strings"

// Range is a block of merged cells: 0-based columns, 1-based rows, both ends included.
type Range struct {
	FirstCol, FirstRow, LastCol, LastRow int
}

// Merges lists the merged cells of a sheet whose rows have been read in full; none before.
func (b *Book) Merges(sheet string) []Range { return b.merges[sheet] }

// parseRanges reads mergeCell references ("A3:A5"); one that cannot be read merges nothing.
func parseRanges(refs []string) []Range {
	var out []Range
	for _, ref := range refs {
		from, to, ok := strings.Cut(ref, ":")
		if !ok {
			continue
		}
		c1, r1, err1 := cellRef([]byte(from))
		c2, r2, err2 := cellRef([]byte(to))
		if err1 == nil && err2 == nil && c1 <= c2 && r1 <= r2 {
			out = append(out, Range{c1, r1, c2, r2})
		}
	}
	return out
}
