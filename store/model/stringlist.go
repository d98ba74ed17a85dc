package model

import (
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// stringList decodes a JSON array of strings, as json.Unmarshal does. An order quad holds
// one as json.Marshal writes it (Encode), and those of 10,000 articles took json.Unmarshal
// a fifth of the decoding's time: an array without escapes, spaces or bytes that are not
// UTF-8 is cut at its quotes here, anything else goes to json.Unmarshal.
func stringList(s string) ([]string, error) {
	if out, ok := plainStringList(s); ok {
		return out, nil
	}
	var out []string
	err := json.Unmarshal([]byte(s), &out)
	return out, err
}

// plainStringList decodes s when it is exactly ["a","b",...] with no backslash, control
// character or invalid UTF-8: then every quote in it delimits a string. Each string is a
// copy, as json.Unmarshal's are, so that an id kept in the graph does not keep the whole
// list's text.
func plainStringList(s string) ([]string, bool) {
	if s == "[]" {
		return []string{}, true
	}
	if len(s) < 4 || s[:2] != `["` || s[len(s)-2:] != `"]` || !utf8.ValidString(s) {
		return nil, false
	}
	body := s[2 : len(s)-2]
	for i := 0; i < len(body); i++ {
		if c := body[i]; c == '\\' || c < 0x20 {
			return nil, false
		}
	}
	out := make([]string, 0, strings.Count(body, `"`)/2+1)
	for {
		i := strings.IndexByte(body, '"')
		if i < 0 {
			return append(out, strings.Clone(body)), true
		}
		if !strings.HasPrefix(body[i:], `","`) {
			return nil, false
		}
		out = append(out, strings.Clone(body[:i]))
		body = body[i+3:]
	}
}
