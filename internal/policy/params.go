package policy

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// Param is one policy value flattened for display: valueadd.tiers[0].award = 5万元 (第7条).
type Param struct {
	Key, Value, Clause string
}

// Params lists the parameters of one measure section ("valueadd"), or all when section is "".
func (p *Policy) Params(section string) []Param {
	var out []Param
	v := reflect.ValueOf(*p)
	for i := 0; i < v.NumField(); i++ {
		key := yamlName(v.Type().Field(i))
		if section != "" && key != section {
			continue
		}
		clause := ""
		if m, ok := v.Field(i).Interface().(interface{ ClauseLabel() string }); ok {
			clause = m.ClauseLabel()
		}
		flatten(v.Field(i), key, clause, &out)
	}
	return out
}

func yamlName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	return name
}

func flatten(v reflect.Value, key, clause string, out *[]Param) {
	if v.Kind() == reflect.Pointer && v.IsNil() {
		*out = append(*out, Param{key, "（未规定）", clause})
		return
	}
	if s, ok := v.Interface().(fmt.Stringer); ok {
		*out = append(*out, Param{key, s.String(), clause})
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		flatten(v.Elem(), key, clause, out)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if f.Anonymous {
				flatten(v.Field(i), key, clause, out)
				continue
			}
			if f.Name == "Text" || yamlName(f) == "-" {
				continue
			}
			flatten(v.Field(i), key+"."+yamlName(f), clause, out)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			flatten(v.Index(i), fmt.Sprintf("%s[%d]", key, i), clause, out)
		}
	case reflect.Bool:
		*out = append(*out, Param{key, strconv.FormatBool(v.Bool()), clause})
	default:
		*out = append(*out, Param{key, fmt.Sprint(v.Interface()), clause})
	}
}
