package graphology

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// Kind is how an attribute's Text is written: as a JSON string, or as a bare JSON number or
// boolean.
type Kind uint8

const (
	String Kind = iota
	Number      // Text is a JSON number
	Bool        // Text is true or false
)

// Attr is one attribute of the graph, a node or an edge.
type Attr struct {
	Name string
	Kind Kind
	Text string
}

// Options are graphology's graph options.
type Options struct {
	Type           string // "directed", "undirected" or "mixed"
	Multi          bool
	AllowSelfLoops bool
}

// A Writer writes one graphology serialisation, element by element: header, nodes, edges.
// Calls after the first error do nothing and return it. Close must be called.
type Writer struct {
	w     *bufio.Writer
	state int // 0 nothing, 1 header, 2 in nodes, 3 in edges
	first bool
	err   error
}

// NewWriter returns a Writer that writes to w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{w: bufio.NewWriterSize(w, 64<<10)}
}

// WriteHeader writes the graph's attributes and options.
func (w *Writer) WriteHeader(attrs []Attr, opts Options) error {
	if w.err != nil {
		return w.err
	}
	if w.state != 0 {
		return w.fail(errors.New("graphology: header written twice"))
	}
	w.state = 1
	b := w.w
	b.WriteString(`{"attributes":`)
	if err := w.attrs(attrs); err != nil {
		return err
	}
	b.WriteString(`,"options":{"type":`)
	writeString(b, opts.Type)
	b.WriteString(`,"multi":` + strconv.FormatBool(opts.Multi) + `,"allowSelfLoops":` + strconv.FormatBool(opts.AllowSelfLoops) + `}`)
	return nil
}

// WriteNode writes a node. All nodes come before all edges.
func (w *Writer) WriteNode(key string, attrs []Attr) error {
	if w.err != nil {
		return w.err
	}
	switch w.state {
	case 0:
		return w.fail(fmt.Errorf("graphology: node %q written before the header", key))
	case 1:
		w.w.WriteString(`,"nodes":[`)
		w.state, w.first = 2, true
	case 3:
		return w.fail(fmt.Errorf("graphology: node %q written after the edges began: write all nodes first", key))
	}
	w.sep()
	w.w.WriteString("\n" + `{"key":`)
	writeString(w.w, key)
	w.w.WriteString(`,"attributes":`)
	if err := w.attrs(attrs); err != nil {
		return err
	}
	w.w.WriteString("}")
	return nil
}

// WriteEdge writes a directed edge.
func (w *Writer) WriteEdge(key, source, target string, attrs []Attr) error {
	if w.err != nil {
		return w.err
	}
	switch w.state {
	case 0:
		return w.fail(fmt.Errorf("graphology: edge %q written before the header", key))
	case 1:
		w.w.WriteString(`,"nodes":[`)
		fallthrough
	case 2:
		w.w.WriteString("\n" + `],"edges":[`)
		w.state, w.first = 3, true
	}
	w.sep()
	b := w.w
	b.WriteString("\n" + `{"key":`)
	writeString(b, key)
	b.WriteString(`,"source":`)
	writeString(b, source)
	b.WriteString(`,"target":`)
	writeString(b, target)
	b.WriteString(`,"attributes":`)
	if err := w.attrs(attrs); err != nil {
		return err
	}
	b.WriteString("}")
	return nil
}

// Close ends the document and flushes it. It does not close the underlying writer.
func (w *Writer) Close() error {
	if w.err != nil {
		return w.err
	}
	b := w.w
	switch w.state {
	case 0:
		return w.fail(errors.New("graphology: closed before the header was written"))
	case 1:
		b.WriteString(`,"nodes":[],"edges":[`)
	case 2:
		b.WriteString("\n" + `],"edges":[`)
	}
	b.WriteString("\n]}\n")
	if err := b.Flush(); err != nil {
		return w.fail(fmt.Errorf("graphology: %w", err))
	}
	return nil
}

func (w *Writer) sep() {
	if !w.first {
		w.w.WriteByte(',')
	}
	w.first = false
}

func (w *Writer) attrs(as []Attr) error {
	b := w.w
	b.WriteByte('{')
	for i, a := range as {
		if i > 0 {
			b.WriteByte(',')
		}
		writeString(b, a.Name)
		b.WriteByte(':')
		switch a.Kind {
		case Number:
			if _, err := strconv.ParseFloat(a.Text, 64); err != nil || !validNumber(a.Text) {
				return w.fail(fmt.Errorf("graphology: attribute %q: %q is not a JSON number", a.Name, a.Text))
			}
			b.WriteString(a.Text)
		case Bool:
			if a.Text != "true" && a.Text != "false" {
				return w.fail(fmt.Errorf("graphology: attribute %q: %q is not true or false", a.Name, a.Text))
			}
			b.WriteString(a.Text)
		default:
			writeString(b, a.Text)
		}
	}
	b.WriteByte('}')
	return nil
}

// validNumber reports whether s, which ParseFloat accepts, is also JSON's number syntax
// (no Inf, NaN, hex, underscores or leading '+').
func validNumber(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c == '-' || c == '+' && i > 0 || c == '.' || c == 'e' || c == 'E') {
			return false
		}
	}
	return s != "" && s[0] != '+' && s[0] != '.'
}

const hex = "0123456789abcdef"

// writeString writes s as a JSON string. Every character JSON can carry is kept, control
// characters as \u escapes; bytes that are not UTF-8 become U+FFFD, as with encoding/json.
// U+2028 and U+2029 are escaped, so the output is also valid JavaScript.
func writeString(b *bufio.Writer, s string) {
	b.WriteByte('"')
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b.WriteString(s[last:i])
			switch c {
			case '"', '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			case '\t':
				b.WriteString(`\t`)
			default:
				b.WriteString(`\u00`)
				b.WriteByte(hex[c>>4])
				b.WriteByte(hex[c&0xF])
			}
			i++
			last = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString(s[last:i])
			b.WriteString(`\ufffd`)
			i += size
			last = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b.WriteString(s[last:i])
			b.WriteString(`\u202`)
			b.WriteByte(hex[r&0xF])
			i += size
			last = i
			continue
		}
		i += size
	}
	b.WriteString(s[last:])
	b.WriteByte('"')
}

func (w *Writer) fail(err error) error {
	if w.err == nil {
		w.err = err
	}
	return w.err
}
