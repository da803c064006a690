package workbook

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// xmlText decodes character data as an XML parser delivers it: references replaced, and
// line ends (\r\n, \r) read as \n. What only a full parser may judge is errNotPlain.
func xmlText(b []byte) (string, error) {
	if bytes.IndexByte(b, '&') < 0 && bytes.IndexByte(b, '\r') < 0 {
		return string(b), nil
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		switch c := b[i]; c {
		case '\r':
			out = append(out, '\n')
			if i++; i < len(b) && b[i] == '\n' {
				i++
			}
		case '&':
			semi := bytes.IndexByte(b[i:], ';')
			if semi < 0 {
				return "", errNotPlain
			}
			r, ok := reference(b[i+1 : i+semi])
			if !ok {
				return "", errNotPlain
			}
			out = utf8.AppendRune(out, r)
			i += semi + 1
		default:
			out = append(out, c)
			i++
		}
	}
	return string(out), nil
}

// reference decodes the body of &…; : one of XML's five entities or a character reference
// to a character XML allows. Anything else (an entity a DOCTYPE would define, &#0;) is not ok.
func reference(ref []byte) (rune, bool) {
	switch string(ref) {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "quot":
		return '"', true
	case "apos":
		return '\'', true
	}
	if len(ref) < 2 || ref[0] != '#' {
		return 0, false
	}
	digits, base := ref[1:], 10
	if digits[0] == 'x' { // XML allows only the lower-case x
		digits, base = digits[1:], 16
	}
	if len(digits) == 0 || len(digits) > 8 {
		return 0, false
	}
	for _, c := range digits {
		if !(c >= '0' && c <= '9' || base == 16 && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
			return 0, false
		}
	}
	n, err := strconv.ParseUint(string(digits), base, 32)
	if err != nil || !xmlChar(rune(n)) || n > utf8.MaxRune {
		return 0, false
	}
	return rune(n), true
}

// xmlChar is XML 1.0's Char production.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// unescapeXstring decodes the _xHHHH_ escapes with which Excel writes characters XML
// cannot hold (_x000D_ for a carriage return) in shared and inline strings; _x005F_ is a
// literal underscore. The escapes are UTF-16 code units: a surrogate pair is one
// character, a lone surrogate U+FFFD.
func unescapeXstring(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var sb strings.Builder
	for i := 0; i < len(s); {
		u, ok := xstringUnit(s, i)
		if !ok {
			sb.WriteByte(s[i])
			i++
			continue
		}
		i += 7
		r := rune(u)
		if utf16.IsSurrogate(r) {
			if low, ok := xstringUnit(s, i); ok && r < 0xDC00 && low >= 0xDC00 && low <= 0xDFFF {
				r = utf16.DecodeRune(r, rune(low))
				i += 7
			} else {
				r = utf8.RuneError
			}
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// xstringUnit reads an escape _xHHHH_ at s[i].
func xstringUnit(s string, i int) (uint16, bool) {
	if i+7 > len(s) || s[i] != '_' || s[i+1] != 'x' || s[i+6] != '_' {
		return 0, false
	}
	n, err := strconv.ParseUint(s[i+2:i+6], 16, 16)
	return uint16(n), err == nil
}
