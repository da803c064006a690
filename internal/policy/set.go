package policy

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Set overrides one parameter, named by its key as the policy file nests it
// ("powerbonus.cap", "valueadd.tiers[0].rate_min.value") and written as the file writes it
// ("25万元", "23%", "false", "2024-06-30"; a window also "2024-01-01至2024-06-30"). The value
// goes through the file's own decoder, so its units and checks are the file's; a refused
// key or value leaves the policy as it was. old is the value it replaces, as 参数 shows it.
func (p *Policy) Set(key, value string) (old string, err error) {
	target, err := p.field(key)
	if err != nil {
		return "", err
	}
	old = shownValue(target, key)
	node, err := valueNode(target.Type() == reflect.TypeOf(Window{}), value)
	if err != nil {
		return "", &keyError{key: key, msg: err.Error()}
	}
	fresh := reflect.New(target.Type()).Elem()
	if err := decode(node, fresh, key); err != nil {
		return "", err
	}
	target.Set(fresh)
	p.shareLabels() // the periods may have changed, and with them every header and reason
	return old, nil
}

// keyPart is one step of a key: a name, then any list indexes ("tiers[0]").
var keyPart = regexp.MustCompile(`^([a-z_]+)((?:\[\d+\])*)$`)

// keyStep is a name of a key and the list indexes after it.
type keyStep struct {
	name    string
	indexes []int
}

// parseKey splits "valueadd.tiers[0].award" into its steps; ok is false for what no key looks like.
func parseKey(key string) (steps []keyStep, ok bool) {
	for _, part := range strings.Split(key, ".") {
		m := keyPart.FindStringSubmatch(part)
		if m == nil {
			return nil, false
		}
		step := keyStep{name: m[1]}
		for _, index := range strings.FieldsFunc(m[2], func(r rune) bool { return r == '[' || r == ']' }) {
			i, err := strconv.Atoi(index)
			if err != nil {
				return nil, false
			}
			step.indexes = append(step.indexes, i)
		}
		steps = append(steps, step)
	}
	return steps, true
}

// field finds the value a key names, refusing a key the file does not have.
func (p *Policy) field(key string) (reflect.Value, error) {
	steps, ok := parseKey(key)
	if !ok {
		return reflect.Value{}, &keyError{key: key, msg: "未知的键"}
	}
	v := reflect.ValueOf(p).Elem()
	path := ""
	for _, step := range steps {
		path = joinKey(path, step.name)
		f, ok := structFields(v)[step.name]
		if isLeaf(v) || !ok {
			return reflect.Value{}, &keyError{key: path, msg: "未知的键"}
		}
		v = f
		for _, i := range step.indexes {
			switch {
			case v.Kind() != reflect.Slice:
				return reflect.Value{}, &keyError{key: path, msg: fmt.Sprintf("不是列表，不能写 [%d]", i)}
			case i >= v.Len():
				return reflect.Value{}, &keyError{key: path, msg: fmt.Sprintf("没有第 %d 项（列表有 %d 项，从 [0] 数起）", i, v.Len())}
			}
			v = v.Index(i)
			path += fmt.Sprintf("[%d]", i)
		}
	}
	return v, nil
}

// isLeaf reports a value written as one scalar in the file, which has no keys below it.
func isLeaf(v reflect.Value) bool {
	if _, ok := v.Addr().Interface().(scalarValue); ok {
		return true
	}
	return v.Kind() != reflect.Struct && v.Kind() != reflect.Slice
}

// windowText is a window as 参数 writes it: 2024-01-01至2024-06-30.
var windowText = regexp.MustCompile(`^\s*(\S+?)\s*至\s*(\S+)\s*$`)

// valueNode reads a value as the policy file would hold it; empty is null. A window may
// also be written as 参数 shows it.
func valueNode(window bool, value string) (*yaml.Node, error) {
	if m := windowText.FindStringSubmatch(value); m != nil && window {
		return &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
			{Kind: yaml.ScalarNode, Value: "from"}, {Kind: yaml.ScalarNode, Value: m[1]},
			{Kind: yaml.ScalarNode, Value: "to"}, {Kind: yaml.ScalarNode, Value: m[2]},
		}}, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(value), &doc); err != nil {
		return nil, fmt.Errorf("“%s”不是有效的值（写法同政策参数文件，含冒号、井号等时请加引号）", value)
	}
	if len(doc.Content) == 0 {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"}, nil
	}
	forgetLines(doc.Content[0])
	return doc.Content[0], nil
}

// forgetLines drops the value's own line numbers: a message about it must not name a line of the file.
func forgetLines(n *yaml.Node) {
	n.Line = 0
	for _, c := range n.Content {
		forgetLines(c)
	}
}

// shownValue writes a value as 参数 shows it; a group of values as "key=value" pairs.
func shownValue(v reflect.Value, key string) string {
	var params []Param
	flatten(v, key, "", &params)
	if len(params) == 1 && params[0].Key == key {
		return params[0].Value
	}
	parts := make([]string, len(params))
	for i, p := range params {
		parts[i] = strings.TrimPrefix(p.Key, key+".") + "=" + p.Value
	}
	return strings.Join(parts, "，")
}
