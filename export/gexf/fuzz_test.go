package gexf_test

import (
	"bytes"
	"encoding/xml"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/gexf"
	"github.com/factgraph/factgraph/export/internal/exporttest"
	"github.com/factgraph/factgraph/export/internal/xmltext"
)

type attvalue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

type doc struct {
	Graph struct {
		Attributes []struct {
			Class string `xml:"class,attr"`
			Attrs []struct {
				ID string `xml:"id,attr"`
			} `xml:"attribute"`
		} `xml:"attributes"`
		Nodes []struct {
			ID        string     `xml:"id,attr"`
			Label     string     `xml:"label,attr"`
			AttValues []attvalue `xml:"attvalues>attvalue"`
		} `xml:"nodes>node"`
		Edges []struct {
			ID        string     `xml:"id,attr"`
			Source    string     `xml:"source,attr"`
			Target    string     `xml:"target,attr"`
			Label     string     `xml:"label,attr"`
			AttValues []attvalue `xml:"attvalues>attvalue"`
		} `xml:"edges>edge"`
	} `xml:"graph"`
}

// FuzzRoundTrip writes a graph made of arbitrary text, reads it back with encoding/xml and
// checks that every value comes back as written, less what XML 1.0 cannot carry, and that
// every attvalue is declared.
func FuzzRoundTrip(f *testing.F) {
	for _, s := range exporttest.Hostile {
		f.Add(s, s, s)
	}
	f.Fuzz(func(t *testing.T, id, label, extra string) {
		if id == "" {
			id = "x"
		}
		g := &export.Graph{
			Nodes: []export.Node{
				{ID: id, Label: label, Quotes: []string{extra}, Extra: []export.Attr{{Name: "note", Value: extra}}},
				{ID: id + "2", Type: label},
			},
			Edges: []export.Edge{{ID: label + "e", From: id, To: id + "2", Label: extra, Kind: label}},
		}
		var buf bytes.Buffer
		if err := gexf.Write(&buf, g); err != nil {
			t.Fatal(err)
		}
		var d doc
		if err := xml.Unmarshal(buf.Bytes(), &d); err != nil {
			t.Fatalf("output does not parse: %v\n%s", err, buf.Bytes())
		}
		declared := map[string]bool{}
		for _, as := range d.Graph.Attributes {
			for _, a := range as.Attrs {
				declared[as.Class+" "+a.ID] = true
			}
		}
		values := func(class string, avs []attvalue) map[string]string {
			m := map[string]string{}
			for _, av := range avs {
				if !declared[class+" "+av.For] {
					t.Errorf("%s attvalue for %q is not declared", class, av.For)
				}
				m[av.For] = av.Value
			}
			return m
		}
		if len(d.Graph.Nodes) != 2 || len(d.Graph.Edges) != 1 {
			t.Fatalf("read %d nodes, %d edges", len(d.Graph.Nodes), len(d.Graph.Edges))
		}
		c := xmltext.Clean
		n0, n1, e := d.Graph.Nodes[0], d.Graph.Nodes[1], d.Graph.Edges[0]
		checks := []struct{ what, got, want string }{
			{"node id", n0.ID, c(id)},
			{"node label", n0.Label, c(label)},
			{"node quote", values("node", n0.AttValues)["quote"], c(extra)},
			{"node note", values("node", n0.AttValues)["note"], c(extra)},
			{"second node id", n1.ID, c(id + "2")},
			{"second node type", values("node", n1.AttValues)["type"], c(label)},
			{"edge id", e.ID, c(label + "e")},
			{"edge ends", e.Source + " " + e.Target, c(id) + " " + c(id+"2")},
			{"edge label", e.Label, c(extra)},
			{"edge kind", values("edge", e.AttValues)["kind"], c(label)},
		}
		for _, ch := range checks {
			if ch.got != ch.want {
				t.Errorf("%s = %q, want %q", ch.what, ch.got, ch.want)
			}
		}
	})
}
