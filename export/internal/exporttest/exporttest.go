// Package exporttest holds what the format packages' tests share: fixtures (a sample, a
// graph of hostile strings, a large synthetic graph), the canonical form in which reader
// scripts under export/testdata report what they read, and helpers that run those real
// programs, failing rather than skipping when the CI environment variable is set.
package exporttest

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/internal/xmltext"
	"github.com/factgraph/factgraph/internal/programtest"
)

// Canonical is what a reader read: attributes by node id, edges by edge id. Numbers are
// float64 and booleans bool, as encoding/json decodes them.
type Canonical struct {
	Nodes map[string]map[string]any `json:"nodes"`
	Edges map[string]CanonEdge      `json:"edges"`
}

// CanonEdge is one edge of a Canonical.
type CanonEdge struct {
	Source string         `json:"source"`
	Target string         `json:"target"`
	Attrs  map[string]any `json:"attrs"`
}

// Options say how a format changes what it carries.
type Options struct {
	// XML: text goes through XML 1.0, which replaces the characters it cannot carry.
	XML bool
	// Spells: the reader reports each item's spell (export.NodeSpan, export.EdgeSpan) as
	// "spells": [[start, end]], an open end as null.
	Spells bool
	// NoEdgeColor: the reader does not read edges' colours.
	NoEdgeColor bool
	// Positions: the reader reports a placed node's x, y and size (numbers).
	Positions bool
	// Rename maps a standard attribute's name to the name the format writes it under.
	Rename map[string]string
	// DrawnLabels: the reader reports the label a drawing shows (export.DrawnNode,
	// export.DrawnEdge), which it takes from yEd's graphics, rather than the label
	// attribute, when there is one.
	DrawnLabels bool
}

// Expect is what a faithful reader reads from g written in a format with opts.
func Expect(t testing.TB, g *export.Graph, opts Options) Canonical {
	t.Helper()
	c := Canonical{Nodes: map[string]map[string]any{}, Edges: map[string]CanonEdge{}}
	var vals []export.Value
	for i := range g.Nodes {
		n := &g.Nodes[i]
		vals = export.NodeValues(vals[:0], n)
		a := attrs(vals, opts)
		a[export.AttrColor] = n.Color.Hex()
		if opts.Spells {
			addSpell(a, export.NodeSpan(n))
		}
		if opts.Positions && g.Placed {
			a["x"], a["y"], a["size"] = n.Place.X, n.Place.Y, min(n.Place.Width, n.Place.Height)/2
		}
		if opts.DrawnLabels {
			if l := export.DrawnNode(n); l != "" {
				a[export.AttrLabel] = clean(l, opts)
			}
		}
		c.Nodes[n.ID] = a
	}
	for i := range g.Edges {
		e := &g.Edges[i]
		var err error
		vals, err = export.EdgeValues(vals[:0], e)
		if err != nil {
			t.Fatal(err)
		}
		a := attrs(vals, opts)
		if !opts.NoEdgeColor {
			a[export.AttrColor] = e.Color.Hex()
		}
		if opts.Spells {
			addSpell(a, export.EdgeSpan(e))
		}
		if opts.DrawnLabels {
			if l := export.DrawnEdge(e); l != "" {
				a[export.AttrLabel] = clean(l, opts)
			}
		}
		c.Edges[e.ID] = CanonEdge{Source: e.From, Target: e.To, Attrs: a}
	}
	return c
}

func addSpell(a map[string]any, s export.Span) {
	if s.IsZero() {
		return
	}
	pair := []any{nil, nil}
	for i, t := range []string{s.Start, s.End} {
		if t != "" {
			pair[i] = t
		}
	}
	a["spells"] = []any{pair}
}

func clean(s string, opts Options) string {
	if opts.XML {
		return xmltext.Clean(s)
	}
	return s
}

func attrs(vals []export.Value, opts Options) map[string]any {
	a := make(map[string]any, len(vals)+1)
	for _, v := range vals {
		if to, ok := opts.Rename[v.Name]; ok {
			v.Name = to
		}
		switch v.Type {
		case export.Double:
			f, _ := strconv.ParseFloat(v.Text, 64)
			a[v.Name] = f
		case export.Boolean:
			a[v.Name] = v.Text == "true"
		default:
			if opts.XML {
				a[v.Name] = xmltext.Clean(v.Text)
			} else {
				a[v.Name] = v.Text
			}
		}
	}
	return a
}

// Compare reports every difference between what was written and what a reader read.
func Compare(t testing.TB, reader string, want, got Canonical) {
	t.Helper()
	if len(got.Nodes) != len(want.Nodes) || len(got.Edges) != len(want.Edges) {
		t.Errorf("%s read %d nodes and %d edges, want %d and %d", reader, len(got.Nodes), len(got.Edges), len(want.Nodes), len(want.Edges))
	}
	for _, id := range sortedKeys(want.Nodes) {
		g, ok := got.Nodes[id]
		if !ok {
			t.Errorf("%s: node %q missing", reader, id)
			continue
		}
		compareAttrs(t, reader, "node "+strconv.Quote(id), want.Nodes[id], g)
	}
	for _, id := range sortedKeys(got.Nodes) {
		if _, ok := want.Nodes[id]; !ok {
			t.Errorf("%s: unexpected node %q", reader, id)
		}
	}
	for _, id := range sortedKeys(want.Edges) {
		g, ok := got.Edges[id]
		if !ok {
			t.Errorf("%s: edge %q missing", reader, id)
			continue
		}
		w := want.Edges[id]
		if g.Source != w.Source || g.Target != w.Target {
			t.Errorf("%s: edge %q goes %q -> %q, want %q -> %q", reader, id, g.Source, g.Target, w.Source, w.Target)
		}
		compareAttrs(t, reader, "edge "+strconv.Quote(id), w.Attrs, g.Attrs)
	}
	for _, id := range sortedKeys(got.Edges) {
		if _, ok := want.Edges[id]; !ok {
			t.Errorf("%s: unexpected edge %q", reader, id)
		}
	}
}

func compareAttrs(t testing.TB, reader, what string, want, got map[string]any) {
	t.Helper()
	for _, k := range sortedKeys(want) {
		g, ok := got[k]
		if !ok {
			t.Errorf("%s: %s: attribute %q missing, want %#v", reader, what, k, want[k])
		} else if !reflect.DeepEqual(g, want[k]) {
			t.Errorf("%s: %s: attribute %q = %#v, want %#v", reader, what, k, g, want[k])
		}
	}
	for _, k := range sortedKeys(got) {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: %s: unexpected attribute %q = %#v", reader, what, k, got[k])
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Dir is the folder export/testdata, where the reader scripts are.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata")
}

// Node is node, if it and the packages of export/testdata/node are installed.
func Node(t testing.TB) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		programtest.Missing(t, "node not found: apt-get install nodejs npm")
	}
	if _, err := os.Stat(filepath.Join(Dir(), "node", "node_modules", "graphology")); err != nil {
		programtest.Missing(t, "graphology not installed: run npm ci in %s", filepath.Join(Dir(), "node"))
	}
	return node
}

// Xmllint validates file against the XML schema xsd, failing the test with xmllint's words.
func Xmllint(t testing.TB, xsd, file string) {
	t.Helper()
	if _, err := exec.LookPath("xmllint"); err != nil {
		programtest.Missing(t, "xmllint not found: apt-get install libxml2-utils")
	}
	out, err := exec.Command("xmllint", "--nonet", "--noout", "--schema", xsd, file).CombinedOutput()
	if err != nil {
		t.Errorf("xmllint rejects %s: %v\n%s", file, err, out)
	}
}

// Read runs a reader and decodes the canonical JSON it prints.
func Read(t testing.TB, name string, args ...string) Canonical {
	t.Helper()
	cmd := exec.Command(name, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, stderr.Bytes())
	}
	var c Canonical
	if err := json.Unmarshal(out, &c); err != nil {
		t.Fatalf("%s printed no canonical JSON: %v\n%s", name, err, out)
	}
	return c
}

// Schema is the path of a vendored schema, e.g. Schema("gexf-1.3", "gexf.xsd").
func Schema(elem ...string) string {
	return filepath.Join(append([]string{Dir(), "schemas"}, elem...)...)
}
