package calc

import (
	"strings"
	"testing"
)

// Any text is judged without panic; a code judged valid stops being valid when its
// check character changes, and a malformed one stays malformed whatever its last character.
func FuzzCheckCreditCode(f *testing.F) {
	for _, s := range []string{"913501127300791959", "91350100M0001TGQXM", "91350112ABC", "", "９１３５０１１２７３００７９１９５９", "91350112730079195I"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, code string) {
		problem, msg := CheckCreditCode(code)
		if (problem == CodeOK) != (msg == "") {
			t.Fatalf("%q: problem %d with message %q", code, problem, msg)
		}
		if problem != CodeOK {
			return
		}
		for _, c := range creditCodeChars {
			if byte(c) == code[17] {
				continue
			}
			if p, _ := CheckCreditCode(code[:17] + string(c)); p != CodeBadCheck {
				t.Fatalf("%q with check %c: got %d", code, c, p)
			}
		}
		if p, _ := CheckCreditCode(strings.ToLower(code)); p == CodeOK && strings.ToLower(code) != code {
			t.Fatalf("lower-case %q accepted", code)
		}
	})
}
