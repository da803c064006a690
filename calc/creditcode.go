package calc

import (
	"fmt"
	"strings"
)

// creditCodeChars is the alphabet of GB 32100-2015; a character's index is its value.
const creditCodeChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// creditCodeWeights are the weights of positions 1–17 for the check character: 3^i mod 31.
var creditCodeWeights = func() (w [17]int) {
	for i, v := 0, 1; i < len(w); i, v = i+1, v*3%31 {
		w[i] = v
	}
	return w
}()

// CodeProblem is what is wrong with a 统一社会信用代码.
type CodeProblem int

const (
	CodeOK CodeProblem = iota
	CodeMalformed
	CodeBadCheck // legal form, wrong check character: Fujian's 2015 pilot codes are like this
)

// CheckCreditCode validates a 统一社会信用代码 by GB 32100-2015: 18 characters of
// the alphabet, positions 3–8 a numeric region code, position 18 the check character.
func CheckCreditCode(code string) (CodeProblem, string) {
	if n := len([]rune(code)); n != 18 {
		return CodeMalformed, fmt.Sprintf("应为18位，实为%d位", n)
	}
	sum := 0
	for i, r := range code {
		v := strings.IndexRune(creditCodeChars, r)
		if v < 0 {
			return CodeMalformed, fmt.Sprintf("第%d位“%c”不是允许的字符（数字或除I、O、Z、S、V外的大写字母）", i+1, r)
		}
		if i >= 2 && i <= 7 && v > 9 {
			return CodeMalformed, "第3–8位应为数字行政区划码"
		}
		if i < 17 {
			sum += v * creditCodeWeights[i]
		}
	}
	want := creditCodeChars[(31-sum%31)%31]
	if code[17] != want {
		return CodeBadCheck, fmt.Sprintf("的校验位应为“%c”，请核对（福建省2015年试点代码可能如此）", want)
	}
	return CodeOK, ""
}
