// Package award writes what a run decided: the award workbook, CSV and JSON Lines, and the
// papers of the quarter.
package award

import (
	"errors"
	"strings"

	"github.com/shopspring/decimal"
)

const (
	capitalDigits = "零壹贰叁肆伍陆柒捌玖"
	yi            = 100000000
)

var capitalPlaces = []string{"", "拾", "佰", "仟"}

// Capital writes an amount in 元 as banks write it in 大写 (《会计基础工作规范》第五十二条):
// 150000.00 → 壹拾伍万元整, 10000.01 → 壹万元零壹分, 10050.00 → 壹万零伍拾元整, 0.50 → 伍角整.
// One 零 stands for zeros inside a group of four digits, for a group whose 仟 is zero, and for
// a missing 角 before 分; zeros that end the 万 or 亿 group have none.
func Capital(yuan decimal.Decimal) (string, error) {
	if yuan.IsNegative() {
		return "", errors.New("负数没有大写金额")
	}
	fen := yuan.Shift(2).Round(0)
	if !fen.Equal(yuan.Shift(2)) {
		return "", errors.New("大写金额只到分")
	}
	integer := fen.Shift(-2).Truncate(0)
	cents := fen.Sub(integer.Shift(2)).IntPart()
	jiao, fenDigit := cents/10, cents%10
	var b strings.Builder
	if integer.IsPositive() {
		b.WriteString(integerCapital(integer.String()))
		b.WriteString("元")
	}
	switch {
	case jiao == 0 && fenDigit == 0:
		if !integer.IsPositive() {
			return "零元整", nil
		}
		b.WriteString("整")
	case fenDigit == 0:
		b.WriteString(digit(jiao) + "角整")
	case jiao == 0 && integer.IsPositive():
		b.WriteString("零" + digit(fenDigit) + "分")
	case jiao == 0:
		b.WriteString(digit(fenDigit) + "分")
	default:
		b.WriteString(digit(jiao) + "角" + digit(fenDigit) + "分")
	}
	return b.String(), nil
}

// integerCapital writes a whole number of 元 (digits, no leading zeros): groups of four
// digits end in 万 and 亿; above 亿 the number of 亿 is itself written this way.
func integerCapital(digits string) string {
	if len(digits) > 8 {
		high, low := digits[:len(digits)-8], digits[len(digits)-8:]
		lowText := groupsCapital(low, true)
		return integerCapital(high) + "亿" + lowText
	}
	return groupsCapital(digits, false)
}

// groupsCapital writes up to eight digits as a 万 group and a ones group. afterHigher says a
// higher part was written before, so leading zeros call for one 零.
func groupsCapital(digits string, afterHigher bool) string {
	var b strings.Builder
	wrote, zero := afterHigher, false
	for len(digits) > 0 {
		n := (len(digits)-1)%4 + 1 // digits in this group
		group, rest := digits[:n], digits[n:]
		groupWrote := false
		for i, d := range group {
			place := n - 1 - i
			if d == '0' {
				zero = zero || wrote
				continue
			}
			if zero {
				b.WriteString("零")
				zero = false
			}
			b.WriteString(digit(int64(d-'0')) + capitalPlaces[place])
			wrote, groupWrote = true, true
		}
		if len(rest) > 0 && groupWrote {
			b.WriteString("万")
			zero = false // zeros that end the 万 group have no 零
		}
		digits = rest
	}
	return b.String()
}

func digit(d int64) string { return string([]rune(capitalDigits)[d]) }
