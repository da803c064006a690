package policy

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"
)

// WithOverrides writes --set assignments, already accepted by Override, into the policy file's
// source, each marked by a comment naming the value it replaced: policy show then prints the
// policy in force, and its output loads as that policy.
func WithOverrides(src []byte, assignments []string) ([]byte, error) {
	if len(assignments) == 0 {
		return src, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, err
	}
	for _, a := range assignments {
		key, value, _ := strings.Cut(a, "=")
		target, marked := findNode(doc.Content[0], strings.TrimSpace(key))
		if target == nil {
			continue // Override refused it already
		}
		node, err := valueNode(isWindowNode(target), strings.TrimSpace(value))
		if err != nil {
			return nil, err
		}
		old := target.Value
		if target.Kind != yaml.ScalarNode {
			old = flowText(target)
		}
		note := "已用 --set 改为 " + strings.TrimSpace(value) + "（原为 " + old + "）"
		if marked != target && marked.LineComment != "" {
			note = strings.TrimPrefix(marked.LineComment, "# ") + "；" + key + " " + note
		} else if target.LineComment != "" {
			note = strings.TrimPrefix(target.LineComment, "# ") + "；" + note
		}
		node.Style |= target.Style & yaml.FlowStyle
		*target = *node
		marked.LineComment = "# " + note
	}
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	return out.Bytes(), enc.Close()
}

// findNode is the node a key names, and the node its comment belongs on: the outermost
// flow collection holding it, where a comment inside would be lost.
func findNode(n *yaml.Node, key string) (target, marked *yaml.Node) {
	steps, ok := parseKey(key)
	if !ok {
		return nil, nil
	}
	enter := func(next *yaml.Node) {
		n = next
		if marked == nil && n.Style&yaml.FlowStyle != 0 {
			marked = n
		}
	}
	for _, step := range steps {
		next := valueOf(n, step.name)
		if next == nil {
			return nil, nil
		}
		enter(next)
		for _, i := range step.indexes {
			if n.Kind != yaml.SequenceNode || i >= len(n.Content) {
				return nil, nil
			}
			enter(n.Content[i])
		}
	}
	if marked == nil {
		marked = n
	}
	return n, marked
}

// valueOf is the value of key in a mapping, or nil.
func valueOf(n *yaml.Node, key string) *yaml.Node {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// isWindowNode reports a {from, to} mapping, which --set may write as 2024-01-01至2024-06-30.
func isWindowNode(n *yaml.Node) bool {
	return n.Kind == yaml.MappingNode && len(n.Content) == 4 && n.Content[0].Value == "from" && n.Content[2].Value == "to"
}

// flowText writes a collection on one line, as a comment can quote it.
func flowText(n *yaml.Node) string {
	c := *n
	c.Style |= yaml.FlowStyle
	c.LineComment, c.HeadComment, c.FootComment = "", "", ""
	b, err := yaml.Marshal(&c)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}
