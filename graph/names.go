package graph

import "strings"

// FoldName is how a reference is compared with ids, names, aliases and titles: lower case,
// runs of spaces as one space, no space at either end.
func FoldName(s string) string {
	if folded, ok := FoldASCII(s); ok {
		return folded
	}
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// FoldASCII is FoldName of a text of ASCII alone, in one pass, and s itself when it is
// folded already: find folds the name or text of every item of a store (350,000 at 10,000
// articles), and splitting and joining each took it 0.45 s. ok is false for other text,
// which a caller may take apart first (find drops its accents).
func FoldASCII(s string) (_ string, ok bool) {
	same := true  // s is folded as it is, so far
	space := true // at the start, or after a space: a space now is dropped
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80:
			return "", false
		case c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			if space || c != ' ' || i == len(s)-1 {
				same = false
			}
			space = true
		case 'A' <= c && c <= 'Z':
			same, space = false, false
		default:
			space = false
		}
	}
	if same {
		return s, true
	}
	b := make([]byte, 0, len(s))
	space = true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			space = true
		default:
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
	}
	return string(b), true
}
