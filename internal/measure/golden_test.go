package measure

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/changle/subsidy/internal/policy"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// The bundled example's JSON Lines output is pinned; -update rewrites it after a deliberate change.
func TestBundledExampleGolden(t *testing.T) {
	p, err := policy.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range All {
		t.Run(m.Key, func(t *testing.T) {
			input := filepath.Join("..", "..", "testdata", m.Key+".xlsx")
			golden := filepath.Join("..", "..", "testdata", m.Key+".golden.jsonl")
			var out bytes.Buffer
			_, err := Run(m, Options{Input: input, Output: "-", Format: "json", Policy: p, PolicyName: policy.BuiltinName, Now: time.Unix(0, 0), Stdout: &out})
			if err != nil {
				t.Fatal(err)
			}
			if *update {
				if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), out.String()); diff != "" {
				t.Errorf("output differs from %s (-want +got):\n%s", golden, diff)
			}
		})
	}
}
