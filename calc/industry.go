package calc

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/changle/subsidy/internal/policy"
)

// Industry is a 国民经济行业代码 (GB/T 4754-2017) as written, and whether it lies in the
// 门类 a rule asks for.
type Industry struct {
	Written string
	InClass bool
	Present bool
}

// ClassifyIndustry reads an industry code cell — "C3311", "C33", "3311", "33", "C", or a code
// followed by its name ("C3311 金属结构制造") — and places it against class by its 大类 (the
// first two digits), else by its 门类 letter. A name alone, or a letter and 大类 that disagree,
// is not a code anyone can pay on.
func ClassifyIndustry(class policy.Industries, text string) (Industry, error) {
	code := strings.ToUpper(strings.ReplaceAll(text, " ", ""))
	section := ""
	if code != "" && code[0] >= 'A' && code[0] <= 'T' {
		section, code = code[:1], code[1:]
	}
	digits := 0
	for digits < len(code) && code[digits] >= '0' && code[digits] <= '9' {
		digits++
	}
	ind := Industry{Written: text, InClass: section == class.Section, Present: true}
	switch {
	case digits >= 2 && digits <= 4:
		division, _ := strconv.Atoi(code[:2])
		inDivision := class.HasDivision(division)
		if section != "" && inDivision != ind.InClass {
			return Industry{}, fmt.Errorf("“%s”的门类字母与大类代码不符：请核对国民经济行业代码", Clip(text))
		}
		ind.InClass = inDivision
	case digits != 0 || section == "":
		return Industry{}, fmt.Errorf("“%s”不是国民经济行业代码：请填写如C3311或3311（GB/T 4754-2017）", Clip(text))
	}
	return ind, nil
}
