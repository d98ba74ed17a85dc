package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	goccy "github.com/goccy/go-yaml"
	goccyparser "github.com/goccy/go-yaml/parser"
)

// syntaxAt finds where a file that the YAML reader rejected goes wrong. The reader
// (go.yaml.in/yaml/v3) gives a line, often the start of the block that holds the mistake,
// and no column; github.com/goccy/go-yaml's parser gives the line and column of the token
// it could not take, which is where a curator has to look. It reports ok false when that
// parser finds nothing wrong (the two readers disagree), or fails itself.
func syntaxAt(data []byte) (line, col int, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	_, err := goccyparser.ParseBytes(data, 0)
	var se *goccy.SyntaxError
	if !errors.As(err, &se) || se.Token == nil || se.Token.Position == nil {
		return 0, 0, false
	}
	p := se.Token.Position
	if p.Line < 1 || p.Column < 1 {
		return 0, 0, false
	}
	return p.Line, p.Column, true
}

// syntaxFix words the common mistakes behind a YAML syntax error at line:col, with what to
// write instead, and moves the position to the character at fault. It returns "" for other
// errors.
func syntaxFix(data []byte, line, col int, msg string) (string, int) {
	lines := bytes.Split(data, []byte("\n"))
	if line < 1 || line > len(lines) {
		return "", col
	}
	text := strings.TrimRight(string(lines[line-1]), "\r")
	indent := len(text) - len(strings.TrimLeft(text, " \t"))
	if i := strings.IndexByte(text[:indent], '\t'); i >= 0 {
		return "a tab in the indentation; YAML indents with spaces only, so replace the tab with spaces", i + 1
	}
	if col-1 < len(text) && (text[col-1] == '"' || text[col-1] == '\'') && strings.Contains(msg, "end of stream") {
		return fmt.Sprintf("the string opened here with %c is never closed; end it with %c", text[col-1], text[col-1]), col
	}
	start := valueStart(text)
	if start < 0 || col-1 < start || col-1 > len(text) {
		return "", col
	}
	value := text[start:]
	switch q := value[0]; {
	case q == '"' || q == '\'':
		// The string ended at a quote inside it, and the reader stumbled on what followed.
		at := col - 2
		if at <= start || at >= len(text) || text[at] != q {
			return "", col
		}
		if q == '"' {
			inner := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(value), `"`), `"`)
			return fmt.Sprintf(`a " inside a string in "..." ends the string; write each inner " as \", or put the whole value in '...': %s`, yamlSingleQuoted(inner)), at + 1
		}
		return `a ' inside a string in '...' ends the string; write each inner ' as ''`, at + 1
	case strings.Contains(msg, "mapping value"):
		// An unquoted value with ": " in it reads as a key and a value of its own.
		value = stripComment(value)
		i := strings.Index(value, ": ")
		if i < 0 && strings.HasSuffix(value, ":") {
			i = len(value) - 1
		}
		if i < 0 {
			return "", col
		}
		return fmt.Sprintf(`": " inside an unquoted value starts a new key; quote the whole value: %s`, yamlQuoted(value)), start + i + 1
	}
	return "", col
}

// valueStart returns the index in a line of the value after its "key: " or "- ", or -1.
func valueStart(text string) int {
	i := len(text) - len(strings.TrimLeft(text, " "))
	for strings.HasPrefix(text[i:], "- ") {
		i += 2
		for i < len(text) && text[i] == ' ' {
			i++
		}
	}
	if i < len(text) && (text[i] == '"' || text[i] == '\'') {
		return i
	}
	k := strings.Index(text[i:], ": ")
	if k < 0 {
		if i < len(text) {
			return i
		}
		return -1
	}
	j := i + k + 2
	for j < len(text) && text[j] == ' ' {
		j++
	}
	if j >= len(text) {
		return -1
	}
	return j
}

// stripComment drops a " #" comment and the spaces at the end of an unquoted value.
func stripComment(v string) string {
	if i := strings.Index(v, " #"); i >= 0 {
		v = v[:i]
	}
	return strings.TrimRight(v, " \t")
}

// quoted writes v as a YAML double-quoted string, or single-quoted when it holds a ".
func yamlQuoted(v string) string {
	if strings.Contains(v, `"`) {
		return yamlSingleQuoted(v)
	}
	return `"` + strings.ReplaceAll(v, `\`, `\\`) + `"`
}

// singleQuoted writes v as a YAML single-quoted string.
func yamlSingleQuoted(v string) string { return "'" + strings.ReplaceAll(v, "'", "''") + "'" }
