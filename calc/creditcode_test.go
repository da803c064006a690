package calc

import "testing"

func TestCheckCreditCode(t *testing.T) {
	cases := []struct {
		code string
		want CodeProblem
	}{
		{"913501127300791959", CodeOK},
		{"91350112730158387M", CodeOK},
		{"91350100M0001TGQXM", CodeBadCheck}, // Fujian 2015 pilot code: legal, fails the checksum
		{"913501127300791958", CodeBadCheck},
		{"91350112ABC", CodeMalformed},
		{"9135011273007919590", CodeMalformed},
		{"91350112730079195I", CodeMalformed}, // I is not in the alphabet
		{"9135A1127300791959", CodeMalformed}, // region code must be digits
		{"91350112730079195", CodeMalformed},
		{"", CodeMalformed},
	}
	for _, c := range cases {
		if got, msg := CheckCreditCode(c.code); got != c.want {
			t.Errorf("%q: got %d (%s), want %d", c.code, got, msg, c.want)
		}
	}
}
