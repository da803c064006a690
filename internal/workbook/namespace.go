package workbook

// The scanner knows SpreadsheetML's names by the prefixes declared for its namespace;
// anything that would make it track scopes (a declaration among the rows, a default
// namespace of another vocabulary) is left to the reference reader.

// SpreadsheetML's namespace, transitional and strict.
const (
	mainNS       = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	strictMainNS = "http://purl.oclc.org/ooxml/spreadsheetml/main"
)

func isMainNS(uri []byte) bool { return string(uri) == mainNS || string(uri) == strictMainNS }

// prefixes are the namespace prefixes bound to SpreadsheetML, as the scanner learnt them.
type prefixes map[string]bool

// declare learns the namespace declarations of a tag. Once frozen (the first element has
// been handed on), a declaration that would change what the scanner already knows is errNotPlain.
func (p *prefixes) declare(t *tag, frozen bool) error {
	for _, a := range t.attrs {
		var prefix string
		switch {
		case a.prefix == nil && string(a.name) == "xmlns":
		case string(a.prefix) == "xmlns":
			prefix = string(a.name)
		default:
			continue
		}
		uri, err := attrText(a.value)
		if err != nil {
			return err
		}
		main := isMainNS(uri)
		if a.prefix == nil {
			if !main {
				return errNotPlain // unprefixed names would leave SpreadsheetML
			}
			continue
		}
		if (*p)[prefix] == main {
			continue // a foreign prefix stays unknown; a known one is bound again to the same
		}
		if frozen {
			return errNotPlain
		}
		if *p == nil {
			*p = prefixes{}
		}
		(*p)[prefix] = main
	}
	return nil
}

// ours reports whether a tag's name is SpreadsheetML's: unprefixed, or a known prefix.
func (p prefixes) ours(prefix []byte) bool { return prefix == nil || p[string(prefix)] }
