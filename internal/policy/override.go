package policy

import (
	"strings"

	"github.com/changle/subsidy/internal/usererr"
)

// Override applies --set assignments ("powerbonus.cap=25万元") in order, and lists each
// parameter they touched, in the policy's order, with its value before and after: what the
// 参数 sheet marks. The first refused assignment stops it with the file's own message.
func (p *Policy) Override(assignments []string) ([]Change, error) {
	before := p.allParams()
	var keys []string
	for _, a := range assignments {
		key, value, ok := strings.Cut(a, "=")
		key = strings.TrimSpace(key)
		if !ok || key == "" {
			return nil, usererr.New("--set “"+a+"”应写作 键=值", "例如 --set powerbonus.cap=25万元；键名见 subsidy policy show，按层级用“.”连接，列表项写 [0]")
		}
		if _, err := p.Set(key, strings.TrimSpace(value)); err != nil {
			return nil, usererr.Wrap(err, "--set "+a+"："+err.Error(),
				"键名见 subsidy policy show（按层级用“.”连接，列表项写 [0]），值的写法与政策参数文件相同，如 25万元、23%、false、2024-06-30")
		}
		keys = append(keys, key)
	}
	var changes []Change
	for _, c := range diffParams(before, p.allParams(), true) {
		if touched(c.Key, keys) {
			changes = append(changes, c)
		}
	}
	return changes, nil
}

// touched reports whether a parameter of 参数 is, or holds, or lies under a key that was set:
// springfestival.period shows the window of a set springfestival.period.from.
func touched(param string, keys []string) bool {
	for _, k := range keys {
		if param == k || strings.HasPrefix(k, param+".") || strings.HasPrefix(param, k+".") || strings.HasPrefix(param, k+"[") {
			return true
		}
	}
	return false
}
