package query

import (
	"fmt"
	"io"
	"unicode/utf8"
)

// Names come from facts files someone else may have written, and a terminal obeys the
// control characters in what it prints: ESC starts sequences that move the cursor, recolour
// or retitle the window, or (on some terminals) write files; a right-to-left override
// reverses the text after it. Text output therefore shows every control character as an
// escape: C0 controls, DEL and bytes that are not UTF-8 as \xNN, C1 controls and Unicode's
// bidirectional controls as \uNNNN (both also valid inside JSON strings). Line breaks that
// the output itself writes stay line breaks.

// hidden reports whether a terminal would act on r rather than show it.
func hidden(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x2028, r == 0x2029:
		return true
	}
	return false
}

// appendEscape appends the visible form of the rune r, whose bytes in the text are b.
func appendEscape(out []byte, r rune, b []byte) []byte {
	if r == utf8.RuneError && len(b) == 1 || r < 0x80 {
		return fmt.Appendf(out, `\x%02x`, b[0])
	}
	return fmt.Appendf(out, `\u%04x`, r)
}

// visibleText returns s with every character a terminal would act on, line breaks and tabs
// included, written as an escape: for one cell of a table or one line.
func visibleText(s string) string {
	clean := true
	for _, r := range s {
		if hidden(r) || r == utf8.RuneError {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	out := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if hidden(r) || r == utf8.RuneError && size == 1 {
			out = appendEscape(out, r, []byte(s[i:i+size]))
		} else {
			out = append(out, s[i:i+size]...)
		}
		i += size
	}
	return string(out)
}

// visibleWriter passes text on with every character a terminal would act on escaped, except
// line breaks; see visibleText. A character split across two writes is held until the next.
type visibleWriter struct {
	w       io.Writer
	pending []byte
	out     []byte
}

// visible wraps w in a visibleWriter, unless it is one already.
func visible(w io.Writer) io.Writer {
	if _, ok := w.(*visibleWriter); ok {
		return w
	}
	return &visibleWriter{w: w}
}

func (v *visibleWriter) Write(p []byte) (int, error) {
	buf := p
	if len(v.pending) > 0 {
		buf = append(v.pending, p...)
		v.pending = nil
	}
	out := v.out[:0]
	i := 0
	for i < len(buf) {
		c := buf[i]
		if c < utf8.RuneSelf {
			if c == '\n' || !hidden(rune(c)) {
				out = append(out, c)
			} else {
				out = appendEscape(out, rune(c), buf[i:i+1])
			}
			i++
			continue
		}
		if !utf8.FullRune(buf[i:]) {
			v.pending = append([]byte(nil), buf[i:]...)
			break
		}
		r, size := utf8.DecodeRune(buf[i:])
		if hidden(r) || r == utf8.RuneError && size == 1 {
			out = appendEscape(out, r, buf[i:i+size])
		} else {
			out = append(out, buf[i:i+size]...)
		}
		i += size
	}
	v.out = out
	if _, err := v.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// visibleCells returns cells with Visible applied to each.
func visibleCells(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = visibleText(c)
	}
	return out
}
