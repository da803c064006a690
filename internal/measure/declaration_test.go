package measure

import (
	"testing"

	"github.com/changle/subsidy/internal/table"
)

// No header may name two fields of a measure: each header and synonym leads back to its field.
func TestNoHeaderNamesTwoFields(t *testing.T) {
	p := builtinPolicy(t)
	for _, key := range Keys() {
		spec := All[key].Spec(p)
		for _, f := range spec.Fields {
			for _, h := range append([]string{f.Header}, f.Synonyms...) {
				if got, err := table.ResolveField(spec, h); err != nil || got.Key != f.Key {
					t.Errorf("%s: %q is %s's, but reads as %q %v", key, h, f.Key, got.Key, err)
				}
			}
		}
	}
}
