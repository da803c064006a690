package award

import (
	"testing"

	"github.com/shopspring/decimal"
)

// 大写金额 as 《会计基础工作规范》第五十二条 and the banks write it; the first seven are SPEC §8's.
func TestCapital(t *testing.T) {
	cases := map[string]string{
		"150000.00":  "壹拾伍万元整",
		"10000.01":   "壹万元零壹分",
		"10050.00":   "壹万零伍拾元整",
		"1000500.00": "壹佰万零伍佰元整",
		"1680.32":    "壹仟陆佰捌拾元叁角贰分",
		"107000.53":  "壹拾万柒仟元伍角叁分",
		"0.50":       "伍角整",
		// zeros inside a group, 角 without 分, 分 without 角
		"1001.00":  "壹仟零壹元整",
		"1010.10":  "壹仟零壹拾元壹角整",
		"1000.05":  "壹仟元零伍分",
		"0.05":     "伍分",
		"0.01":     "壹分",
		"0.00":     "零元整",
		"10.00":    "壹拾元整",
		"110.00":   "壹佰壹拾元整",
		"3000.00":  "叁仟元整",
		"30000.02": "叁万元零贰分",
		// 万 and 亿 boundaries
		"10000.00":      "壹万元整",
		"10001.00":      "壹万零壹元整",
		"100500.00":     "壹拾万零伍佰元整",
		"1050000.00":    "壹佰零伍万元整",
		"99999999.99":   "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
		"100000000.00":  "壹亿元整",
		"100000001.00":  "壹亿零壹元整",
		"100001000.00":  "壹亿零壹仟元整",
		"110000000.00":  "壹亿壹仟万元整",
		"1000010000.00": "壹拾亿零壹万元整",
		"1200000000.50": "壹拾贰亿元伍角整",
		// the largest award the tool can pay: 16 integer digits
		"9999999999999999.99": "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
		"1000000000000000.00": "壹仟万亿元整",
	}
	for in, want := range cases {
		got, err := Capital(decimal.RequireFromString(in))
		if err != nil || got != want {
			t.Errorf("%s: got %q %v, want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"-1", "0.005"} {
		if got, err := Capital(decimal.RequireFromString(bad)); err == nil {
			t.Errorf("%s: got %q, want an error", bad, got)
		}
	}
}
