package measure

import (
	"github.com/changle/subsidy/calc"
)

// Across is a rule that looks across the rows of a run (and the batches paid before it):
// it is told, in the first pass, every row awarded on its own, and revises awards in the
// second — 第23条's "每家企业每年最多补助2次" is such a rule.
type Across interface {
	// See is told each row awarded on its own (by its id, in order, and where it is for
	// reasons), with its code and claim as read; rows invalid as duplicates are not seen.
	See(row int, where, code string, claim []string)
	// Settle is called once all rows are seen.
	Settle()
	// Revise gives the outcome an awarded row takes in the end.
	Revise(row int, out calc.Outcome) calc.Outcome
}

// awardedRow is a row awarded on its own, kept by the first pass until duplicates are known.
type awardedRow struct {
	row   int
	where string
	code  string
	claim []string
}

// seeAwarded hands the rows awarded on their own, duplicates left out, to the rule.
func seeAwarded(across Across, rows []awardedRow, duplicates map[int]string) {
	for _, r := range rows {
		if _, dup := duplicates[r.row]; !dup {
			across.See(r.row, r.where, r.code, r.claim)
		}
	}
	across.Settle()
}
