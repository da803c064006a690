package measure

import (
	"fmt"
	"strings"

	"github.com/changle/subsidy/calc"
	"github.com/changle/subsidy/internal/award"
	"github.com/changle/subsidy/internal/policy"
	"github.com/changle/subsidy/internal/table"
)

// source is one sheet feeding a measure: a single run has one; the quarter's run has one
// per sheet the measure's headers fit, in file and sheet order.
type source struct {
	file string // the file's base name, for 来源 and messages
	tbl  *table.Table
}

// rowID names a row among all of a measure's sources: the source's place, then its row.
func rowID(src, row int) int { return src<<21 | row } // an Excel row number fits in 21 bits

// rowWhere writes a row for a reason: 第5行 in a single sheet, else with its file and sheet.
func rowWhere(sources []source, id int) string {
	src, row := id>>21, id&(1<<21-1)
	if len(sources) == 1 {
		return fmt.Sprintf("第%d行", row)
	}
	return fmt.Sprintf("%s“%s”第%d行", sources[src].file, sources[src].tbl.Sheet, row)
}

// firstPassResult is what the first read of a measure's sheets learns.
type firstPassResult struct {
	duplicates map[int]string // rowID → why it is invalid as a duplicate claim
	extents    award.Extents  // of the last source, for a single run's 明细
	rows       int            // data rows
	across     Across         // the measure's rule across rows, settled; nil for most
}

// firstPass reads the sheets once for their extent and for rows claiming the same thing
// (same code, or same code and project …, within a sheet or across them), so none is paid
// twice: each such row gets a reason naming the others. Claims are indexed by a 128-bit
// hash of their key, which keeps a million rows in a few tens of MiB.
func firstPass(m Measure, p *policy.Policy, sources []source, strictCodes bool, paid paidClaims) (firstPassResult, error) {
	res := firstPassResult{duplicates: map[int]string{}}
	var awarded []awardedRow
	first := map[[16]byte]int{}
	dupRows := map[[16]byte][]int{}
	dupText := map[[16]byte]string{}
	for i, src := range sources {
		t := src.tbl
		res.extents = award.Extents{}
		err := t.Scan(func(l table.Line) error {
			res.extents.LastRow = l.Row.Num
			res.extents.HasTotal = res.extents.HasTotal || (l.Total && res.extents.LastDataRow > 0)
			if l.Kind != table.DataLine {
				return nil
			}
			res.extents.HasTotal = false
			res.extents.LastDataRow = l.Row.Num
			res.rows++
			id := rowID(i, l.Row.Num)
			if m.Across != nil {
				if r, out := evaluateRow(m, p, t, l.Row, "", strictCodes); out.Status == calc.Awarded && !paidBefore(m, p, t, l.Row, paid) {
					awarded = append(awarded, awardedRow{id, rowWhere(sources, id), r.Code, claimOf(m, p, &record{table: t, row: l.Row}, false)})
				}
			}
			key, ok := claimKey(m, p, t, l.Row)
			if !ok {
				return nil
			}
			h := claimHash(key)
			prev, seen := first[h]
			if !seen {
				first[h] = id
				return nil
			}
			if len(dupRows[h]) == 0 {
				dupRows[h] = []int{prev}
				dupText[h] = key
			}
			dupRows[h] = append(dupRows[h], id)
			return nil
		})
		if err != nil {
			return res, fmt.Errorf("%s: %w", src.file, err)
		}
	}
	what := claimHeaders(m, sources[0].tbl)
	for h, ids := range dupRows {
		for _, n := range ids {
			var others []string
			for _, o := range ids {
				if o != n {
					others = append(others, rowWhere(sources, o))
				}
			}
			res.duplicates[n] = fmt.Sprintf("%s“%s”与%s重复，均不予计算，请核实后只保留一行", what, calc.Clip(dupText[h]), strings.Join(others, "、"))
		}
	}
	if m.Across != nil {
		res.across = m.Across(p, paid)
		seeAwarded(res.across, awarded, res.duplicates)
	}
	return res, nil
}

// claimHeaders names the columns that make a claim: 统一社会信用代码和项目名称.
func claimHeaders(m Measure, t *table.Table) string {
	what := []string{t.Columns["code"].Header}
	for _, c := range m.Claim {
		what = append(what, t.Columns[c.Field].Header)
	}
	return strings.Join(what, "和")
}
