// Package argdown writes the argument a view holds as an Argdown document
// (https://argdown.org/syntax/), which the Argdown tools parse and draw as an argument map:
//
//	===
//	title: "factgraph arguments view"
//	===
//
//	[trump-treaty-unfair]: The Japan-US Security Treaty is imbalanced and unfair. #(donald-trump) {quote: ["..."], source: ["..."]}
//	    - [author-us-benefits]
//	    + [trump-lack-of-reciprocity]
//
// Each claim and counterclaim is a statement defined once, titled with its id, its text what
// it says; the party that asserts it is a tag, #(party-id); its date, quotes and sources are
// its inline data. Under each statement, "- [x]" says that x counters it and "+ [y]" that y
// supports it. In the stances view each party is a statement standing for its assertions,
// and the counters and supports edges between parties are its attacks and supports. A view
// without an argument (the parties view) gives a document with a heading that says so and
// no statement, since Argdown refuses a document without content.
//
// Argdown reads punctuation as syntax (tags, mentions, references, emphasis, comments,
// data), so Text escapes with a backslash every character that could start any of it, and
// white space at either end, which Argdown would trim: the Argdown parser gives the text
// back exactly, except that a statement is one paragraph, so line breaks become spaces, and
// that "argdown map" draws through Graphviz's XML labels, so the control characters XML
// cannot carry become U+FFFD, as in GraphML and GEXF.
// Data values are YAML flow values written as JSON, braces as \u escapes; they keep line
// breaks.
package argdown

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"io"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/internal/xmltext"
)

func init() {
	export.Register(export.Format{
		Name:        "argdown",
		Exts:        []string{"argdown", "ad"},
		Description: "Argdown argument map, for the Argdown tools (argdown map)",
		Write:       Write,
	})
}

var kebab = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Title returns the statement title or tag name written for a node id: a kebab-case fact id
// as it is, any other id "x_" and its bytes in hex, which no fact id can be.
func Title(id string) string {
	if kebab.MatchString(id) {
		return id
	}
	return "x_" + hex.EncodeToString([]byte(id))
}

// special are the characters that start Argdown syntax inside a statement's text: escape,
// references and mentions, arguments, tags, data, emphasis, comments, code, and the "=" of
// front matter (two "===" in one text read as one).
const special = "\\[]<>#{}@*_/`="

// Text returns s escaped for a statement's text so that Argdown reads s back, line breaks
// turned into spaces.
func Text(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ").Replace(s)
	// Argdown trims white space (JavaScript's \s) at either end of a text; escaped, it stays.
	lead := len(s) - len(strings.TrimLeftFunc(s, isSpace))
	trail := len(strings.TrimRightFunc(s, isSpace))
	var b strings.Builder
	for i, r := range s {
		if strings.ContainsRune(special, r) || i < lead || i >= trail {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isSpace is JavaScript's \s: Unicode white space and the byte-order mark.
func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' }

// value writes v as a YAML flow value: JSON, with braces escaped so that Argdown finds the
// end of the data, and text that is not UTF-8 made so.
func value(v any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.Encode(v) // strings and lists of strings always encode
	return strings.NewReplacer("{", `\u007b`, "}", `\u007d`).Replace(strings.TrimSuffix(buf.String(), "\n"))
}

func data(n *export.Node) string {
	var parts []string
	if d := n.Date.String(); d != "" {
		parts = append(parts, "date: "+value(d))
	}
	if len(n.Quotes) > 0 {
		parts = append(parts, "quote: "+value(valid(n.Quotes)))
	}
	if len(n.Sources) > 0 {
		parts = append(parts, "source: "+value(valid(n.Sources)))
	}
	if len(parts) == 0 {
		return ""
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

func valid(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.ToValidUTF8(s, string(utf8.RuneError))
	}
	return out
}

// Write writes the argument of g as an Argdown document: a front matter with the view's
// name, then each statement in the view's order with the statements that counter ("-") and
// support ("+") it indented under it, in the view's edge order.
func Write(w io.Writer, g *export.Graph) error {
	m := export.Arguments(g)
	incoming := make([][]export.Relation, len(m.Statements))
	for _, r := range m.Relations {
		incoming[r.To] = append(incoming[r.To], r)
	}
	for _, rs := range incoming {
		// The Argdown parser (1.7.5) drops a statement's relation to itself when a relation
		// of the same kind to it from another statement comes first; written first, it stays.
		sort.SliceStable(rs, func(i, j int) bool { return rs[i].From == rs[i].To && rs[j].From != rs[j].To })
	}
	bw := bufio.NewWriter(w)
	var err error
	put := func(ss ...string) {
		for _, s := range ss {
			if err == nil {
				_, err = bw.WriteString(s)
			}
		}
	}
	put("===\ntitle: ", value(strings.ToValidUTF8(g.Name, string(utf8.RuneError))), "\n===\n")
	if len(m.Statements) == 0 {
		// Argdown refuses a document with nothing but front matter; a heading is content
		// that adds no statement.
		put("\n# No claims or counterclaims in this view\n")
	}
	for i, s := range m.Statements {
		var content []string
		// argdown map draws through Graphviz's HTML labels, which are XML: the characters XML
		// cannot carry become U+FFFD, as in GraphML and GEXF.
		if t := Text(xmltext.Clean(s.Node.Label)); t != "" {
			content = append(content, t)
		}
		if s.Speaker != nil {
			content = append(content, "#("+Title(s.Speaker.ID)+")")
		}
		put("\n[", Title(s.Node.ID), "]")
		if len(content) > 0 {
			put(": ", strings.Join(content, " "))
		}
		if d := data(s.Node); d != "" {
			put(" ", d)
		}
		put("\n")
		for _, r := range incoming[i] {
			sign := "+"
			if r.Edge.Kind == export.RoleCounters {
				sign = "-"
			}
			put("    ", sign, " [", Title(m.Statements[r.From].Node.ID), "]\n")
		}
	}
	if err == nil {
		err = bw.Flush()
	}
	return err
}
