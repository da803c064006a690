package policy

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/changle/subsidy/internal/usererr"
)

// scalarValue is a leaf of the policy file parsed from its literal text, so
// that numbers keep their exact decimal value.
type scalarValue interface{ setScalar(text string) error }

// Builtin returns the embedded policy.
func Builtin() (*Policy, error) { return Parse(builtin, BuiltinName) }

// BuiltinSource is the embedded policy file as written.
func BuiltinSource() []byte { return bytes.Clone(builtin) }

// Load reads a policy file of the same shape as the embedded one.
func Load(path string) (*Policy, []byte, error) {
	src, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil, usererr.Wrap(err, "找不到政策参数文件 "+path, "请检查 --policy 给出的路径；subsidy policy show 可导出内置参数作为起点")
	case err != nil:
		return nil, nil, usererr.Wrap(err, "无法读取政策参数文件 "+path, "请确认它是可读的文件，而不是文件夹")
	}
	p, err := Parse(src, path)
	return p, src, err
}

// yamlLine finds the line the YAML parser stopped at in its (English) error.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+):`)

// Parse decodes src strictly: every key of Policy must be present, no other key
// may appear, and each value must have its type and unit.
func Parse(src []byte, name string) (*Policy, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		where := ""
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			where = "第" + m[1] + "行"
		}
		return nil, usererr.Wrap(err, "政策参数文件 "+name+" "+where+"不是有效的 YAML（缩进、冒号或引号有误）",
			"请对照 subsidy policy show 的输出修改")
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, fmt.Errorf("政策参数文件 %s 为空", name)
	}
	var p Policy
	if err := decode(doc.Content[0], reflect.ValueOf(&p).Elem(), ""); err != nil {
		return nil, fmt.Errorf("政策参数文件 %s: %w", name, err)
	}
	p.shareLabels()
	return &p, nil
}

type keyError struct {
	key  string
	line int
	msg  string
}

func (e *keyError) Error() string {
	if e.line > 0 {
		return fmt.Sprintf("第%d行 键 %s: %s", e.line, e.key, e.msg)
	}
	return fmt.Sprintf("键 %s: %s", e.key, e.msg)
}

func fail(n *yaml.Node, key, format string, args ...any) error {
	return &keyError{key: key, line: n.Line, msg: fmt.Sprintf(format, args...)}
}

func decode(n *yaml.Node, v reflect.Value, key string) error {
	if v.Kind() == reflect.Pointer {
		if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
			v.Set(reflect.Zero(v.Type()))
			return nil
		}
		v.Set(reflect.New(v.Type().Elem()))
		return decode(n, v.Elem(), key)
	}
	if s, ok := v.Addr().Interface().(scalarValue); ok {
		if n.Kind != yaml.ScalarNode {
			return fail(n, key, "应为单个值")
		}
		if err := s.setScalar(n.Value); err != nil {
			return fail(n, key, "%v", err)
		}
		return nil
	}
	switch v.Kind() {
	case reflect.Struct:
		return decodeStruct(n, v, key)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return fail(n, key, "应为列表")
		}
		v.Set(reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content)))
		for i, item := range n.Content {
			if err := decode(item, v.Index(i), fmt.Sprintf("%s[%d]", key, i)); err != nil {
				return err
			}
		}
		return nil
	case reflect.String, reflect.Int, reflect.Bool:
		return decodeBasic(n, v, key)
	}
	return fail(n, key, "内部错误：不支持的类型 %s", v.Type())
}

func decodeBasic(n *yaml.Node, v reflect.Value, key string) error {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return fail(n, key, "应为单个值")
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(n.Value)
	case reflect.Int:
		i, err := strconv.Atoi(n.Value)
		if err != nil || n.Tag != "!!int" {
			return fail(n, key, "应为整数，得到 %q", n.Value)
		}
		v.SetInt(int64(i))
	case reflect.Bool:
		if n.Tag != "!!bool" {
			return fail(n, key, "应为 true 或 false，得到 %q", n.Value)
		}
		v.SetBool(n.Value == "true")
	}
	return nil
}

// structFields lists the yaml keys of a struct, flattening ",inline" members.
func structFields(v reflect.Value) map[string]reflect.Value {
	fields := map[string]reflect.Value{}
	for i := 0; i < v.NumField(); i++ {
		tag := v.Type().Field(i).Tag.Get("yaml")
		name, opt, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue // set from other keys, never read from the file
		}
		if opt == "inline" {
			for k, f := range structFields(v.Field(i)) {
				fields[k] = f
			}
			continue
		}
		fields[name] = v.Field(i)
	}
	return fields
}

func decodeStruct(n *yaml.Node, v reflect.Value, key string) error {
	if n.Kind != yaml.MappingNode {
		return fail(n, key, "应为键值表")
	}
	fields := structFields(v)
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		path := joinKey(key, k.Value)
		f, ok := fields[k.Value]
		if !ok {
			return fail(k, path, "未知的键")
		}
		if seen[k.Value] {
			return fail(k, path, "重复的键")
		}
		seen[k.Value] = true
		if err := decode(val, f, path); err != nil {
			return err
		}
	}
	var missing []string
	for name := range fields {
		if !seen[name] {
			missing = append(missing, joinKey(key, name))
		}
	}
	if len(missing) > 0 {
		slices.Sort(missing)
		return &keyError{key: strings.Join(missing, "、"), line: n.Line, msg: "缺少此键"}
	}
	return nil
}

func joinKey(parent, k string) string {
	if parent == "" {
		return k
	}
	return parent + "." + k
}
