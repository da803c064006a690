package diff

import (
	"strings"

	"github.com/changle/subsidy/internal/measure"
)

// match pairs the rows of two outputs of one measure by claim, not by row: the claim's key is
// the code and the claim fields both outputs hold. Where several rows share a key (duplicates,
// or recruit events of one day against JSON Lines, which hold no place), rows that agree pair
// first, then the rest in order. Changes list the pairs whose status or award differs, in the
// old output's order, then the old claims without a pair, then the new ones.
func match(old, new []measure.Decided, both []bool) []Change {
	byKey := map[string][]int{}
	for j := range new {
		k := key(new[j], both)
		byKey[k] = append(byKey[k], j)
	}
	pairOf := make([]int, len(old)) // old row → new row, -1 for none
	for i := range pairOf {
		pairOf[i] = -1
	}
	taken := make([]bool, len(new))
	for _, agree := range []bool{true, false} {
		for i := range old {
			if pairOf[i] >= 0 {
				continue
			}
			for _, j := range byKey[key(old[i], both)] {
				if !taken[j] && (!agree || same(old[i], new[j])) {
					pairOf[i], taken[j] = j, true
					break
				}
			}
		}
	}
	var changed, onlyOld []Change
	for i, j := range pairOf {
		o := &old[i]
		switch {
		case j < 0:
			onlyOld = append(onlyOld, Change{Kind: OnlyOld, Identity: identityOf(*o, both), Name: o.Name, Old: o})
		case !same(*o, new[j]):
			changed = append(changed, Change{Kind: Changed, Identity: identityOf(new[j], both), Name: new[j].Name, Old: o, New: &new[j]})
		}
	}
	changes := append(changed, onlyOld...)
	for j := range new {
		if !taken[j] {
			changes = append(changes, Change{Kind: OnlyNew, Identity: identityOf(new[j], both), Name: new[j].Name, New: &new[j]})
		}
	}
	return changes
}

// same reports a claim decided alike: same status, same award.
func same(a, b measure.Decided) bool { return a.Status == b.Status && a.Award.Equal(b.Award) }

// identityOf is a row's code and the claim fields both outputs hold.
func identityOf(d measure.Decided, both []bool) []string {
	id := []string{d.Code}
	for i, v := range d.Claim {
		if both[i] {
			id = append(id, v)
		}
	}
	return id
}

func key(d measure.Decided, both []bool) string { return strings.Join(identityOf(d, both), "／") }
