// Package mermaid writes an export graph as a Mermaid flowchart
// (https://mermaid.js.org/syntax/flowchart.html), which GitHub, GitLab and other Markdown
// viewers draw from a ```mermaid block.
//
// Mermaid ids allow few characters, so each node id is mapped to a safe one that depends
// on that id alone: a kebab-case fact id "us-japan" becomes "n_us_japan", any other id
// "x_" and its bytes in hex. Labels are quoted and written with Mermaid's entity codes
// (#quot;, #35; ...) so that the viewer shows the curated text. Colours and shapes follow
// export/style.go through classDef and linkStyle.
package mermaid

import (
	"bufio"
	"encoding/hex"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/factgraph/factgraph/export"
)

func init() {
	export.Register(export.Format{
		Name:        "mermaid",
		Exts:        []string{"mmd", "mermaid"},
		Description: "Mermaid flowchart, drawn by Markdown viewers",
		Write:       Write,
	})
}

var kebab = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ID returns the Mermaid id written for the node id.
func ID(id string) string {
	if kebab.MatchString(id) {
		return "n_" + strings.ReplaceAll(id, "-", "_")
	}
	return "x_" + hex.EncodeToString([]byte(id))
}

// Label returns s quoted for a Mermaid node or edge label.
func Label(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString("#quot;")
		case '#':
			b.WriteString("#35;")
		case '&':
			b.WriteString("#amp;")
		case '<':
			b.WriteString("#lt;")
		case '>':
			b.WriteString("#gt;")
		case '`':
			b.WriteString("#96;")
		case '\n':
			b.WriteString("<br>")
		case '\r':
		case '\t':
			b.WriteString("#9;")
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// shapes maps Graphviz shapes to Mermaid's bracket pairs.
var shapes = map[string][2]string{
	"ellipse":   {"([", "])"},
	"box":       {"[", "]"},
	"hexagon":   {"{{", "}}"},
	"component": {"[/", "/]"},
	"note":      {">", "]"},
}

// Write writes g as a Mermaid flowchart, left to right, with the labels a drawing shows
// (export.DrawnNode, export.DrawnEdge: wrapped, and none on a line the colours explain).
func Write(w io.Writer, g *export.Graph) error {
	bw := bufio.NewWriter(w)
	var err error
	put := func(ss ...string) {
		for _, s := range ss {
			if err == nil {
				_, err = bw.WriteString(s)
			}
		}
	}
	put("---\ntitle: ", strconv.Quote(g.Name), "\n---\nflowchart LR\n")
	kinds := map[string]bool{}
	for i := range g.Nodes {
		n := &g.Nodes[i]
		br, ok := shapes[n.Shape]
		if !ok {
			br = shapes["box"]
		}
		kinds[n.Kind] = true
		put("    ", ID(n.ID), br[0], Label(export.DrawnNode(n)), br[1], ":::", class(n.Kind), "\n")
	}
	for i := range g.Edges {
		e := &g.Edges[i]
		arrow := "-->"
		if e.Dashed {
			arrow = "-.->"
		}
		if label := export.DrawnEdge(e); label != "" {
			put("    ", ID(e.From), " ", arrow, "|", Label(label), "| ", ID(e.To), "\n")
		} else {
			put("    ", ID(e.From), " ", arrow, " ", ID(e.To), "\n")
		}
	}
	for _, k := range export.NodeKinds {
		if kinds[k] {
			put("    classDef ", class(k), " fill:", export.NodeStyle(k).Color.Hex(), ",stroke:#333333,color:#000000\n")
		}
	}
	if kinds[""] || len(kinds) > countKnown(kinds) {
		put("    classDef k_other fill:", export.ColorOther.Hex(), ",stroke:#333333,color:#000000\n")
	}
	for i := range g.Edges {
		c := g.Edges[i].Color
		if c != export.ColorEdge {
			put("    linkStyle ", strconv.Itoa(i), " stroke:", c.Hex(), ",color:", c.Hex(), "\n")
		}
	}
	if err == nil {
		err = bw.Flush()
	}
	return err
}

func class(kind string) string {
	for _, k := range export.NodeKinds {
		if k == kind {
			return "k_" + k
		}
	}
	return "k_other"
}

func countKnown(kinds map[string]bool) int {
	n := 0
	for _, k := range export.NodeKinds {
		if kinds[k] {
			n++
		}
	}
	return n
}
