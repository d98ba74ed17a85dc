package graphml_test

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/graphml"
	"github.com/factgraph/factgraph/export/internal/exporttest"
	"github.com/factgraph/factgraph/export/internal/xmltext"
)

type doc struct {
	Keys []struct {
		ID   string `xml:"id,attr"`
		Name string `xml:"attr.name,attr"`
	} `xml:"key"`
	Graph struct {
		Nodes []struct {
			ID   string     `xml:"id,attr"`
			Data []dataElem `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			ID     string     `xml:"id,attr"`
			Source string     `xml:"source,attr"`
			Target string     `xml:"target,attr"`
			Data   []dataElem `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

type dataElem struct {
	Key  string `xml:"key,attr"`
	Text string `xml:",chardata"`
}

// FuzzRoundTrip writes a graph made of arbitrary text, reads it back with encoding/xml and
// checks that every value comes back as written, less what XML 1.0 cannot carry.
func FuzzRoundTrip(f *testing.F) {
	for _, s := range exporttest.Hostile {
		f.Add(s, s, "x")
	}
	f.Fuzz(func(t *testing.T, label, quote, extra string) {
		g := &export.Graph{
			Nodes: []export.Node{
				{ID: "a", Label: label, Quotes: []string{quote}, Extra: []export.Attr{{Name: "note", Value: extra}}},
				{ID: "b", Type: label},
			},
			Edges: []export.Edge{{ID: "e", From: "a", To: "b", Label: quote, Kind: extra}},
		}
		var buf bytes.Buffer
		if err := graphml.Write(&buf, g); err != nil {
			t.Fatal(err)
		}
		var d doc
		if err := xml.Unmarshal(buf.Bytes(), &d); err != nil {
			t.Fatalf("output does not parse: %v\n%s", err, buf.Bytes())
		}
		names := map[string]string{}
		for _, k := range d.Keys {
			names[k.ID] = k.Name
		}
		got := func(ds []dataElem) map[string]string {
			m := map[string]string{}
			for _, x := range ds {
				if n, ok := names[x.Key]; ok && x.Key != "nodegraphics" && x.Key != "edgegraphics" {
					m[n] = x.Text
				}
			}
			return m
		}
		if len(d.Graph.Nodes) != 2 || len(d.Graph.Edges) != 1 {
			t.Fatalf("read %d nodes, %d edges", len(d.Graph.Nodes), len(d.Graph.Edges))
		}
		check := func(what string, m map[string]string, name, want string) {
			t.Helper()
			want = xmltext.Clean(want)
			if v := m[name]; v != want {
				t.Errorf("%s %s = %q, want %q", what, name, v, want)
			}
		}
		a, b, e := got(d.Graph.Nodes[0].Data), got(d.Graph.Nodes[1].Data), got(d.Graph.Edges[0].Data)
		check("node a", a, "label", label)
		check("node a", a, "quote", quote)
		check("node a", a, "note", extra)
		check("node b", b, "type", label)
		check("edge", e, "label", quote)
		check("edge", e, "kind", extra)
		if s := d.Graph.Edges[0]; s.Source != "a" || s.Target != "b" {
			t.Errorf("edge goes %q -> %q", s.Source, s.Target)
		}
		if strings.Contains(buf.String(), "\x00") {
			t.Error("output holds a NUL")
		}
	})
}
