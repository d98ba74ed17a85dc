// Package xmltext escapes text for XML 1.0 attribute values and character data, the one
// escaping the GraphML and GEXF writers share.
//
// XML 1.0 cannot carry most control characters (U+0000 to U+001F other than tab, line feed
// and carriage return), the surrogates, U+FFFE and U+FFFF, not even as character
// references (https://www.w3.org/TR/xml/#charsets). Escape replaces each of them, and each
// byte that is not valid UTF-8, with U+FFFD, the replacement character, as encoding/xml
// does: the reader sees that something was there, and the file stays well-formed. Tab, line
// feed and carriage return are written as character references, so that attribute-value
// normalisation and line-end handling give them back unchanged.
package xmltext

import (
	"bufio"
	"unicode/utf8"
)

// Valid reports whether r may appear in an XML 1.0 document.
func Valid(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// Clean returns s as a reader of the escaped text sees it: every character XML cannot carry
// replaced by U+FFFD.
func Clean(s string) string {
	ok := true
	for _, r := range s {
		if r == utf8.RuneError || !Valid(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	b := make([]rune, 0, len(s))
	for _, r := range s {
		if !Valid(r) {
			r = utf8.RuneError
		}
		b = append(b, r)
	}
	return string(b)
}

// Escape writes s to w escaped for use in character data or in a quoted attribute value.
// Errors stay in w (bufio.Writer keeps the first one) for its Flush to report.
func Escape(w *bufio.Writer, s string) {
	last := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		var esc string
		switch {
		case r == '&':
			esc = "&amp;"
		case r == '<':
			esc = "&lt;"
		case r == '>':
			esc = "&gt;"
		case r == '"':
			esc = "&quot;"
		case r == '\'':
			esc = "&apos;"
		case r == '\t':
			esc = "&#x9;"
		case r == '\n':
			esc = "&#xA;"
		case r == '\r':
			esc = "&#xD;"
		case r == utf8.RuneError && size == 1, !Valid(r):
			esc = "\uFFFD"
		default:
			i += size
			continue
		}
		w.WriteString(s[last:i])
		w.WriteString(esc)
		i += size
		last = i
	}
	w.WriteString(s[last:])
}
