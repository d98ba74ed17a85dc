package graphology_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/graphology"
	"github.com/factgraph/factgraph/export/internal/exporttest"
)

// FuzzRoundTrip writes a graph made of arbitrary text, reads it back with encoding/json
// and checks that every value comes back as written (invalid UTF-8 as U+FFFD).
func FuzzRoundTrip(f *testing.F) {
	for _, s := range exporttest.Hostile {
		f.Add(s, s, 1.5)
	}
	f.Add("\u2028\xff", "\x00", -0.0)
	f.Fuzz(func(t *testing.T, id, text string, weight float64) {
		g := &export.Graph{
			Name:  text,
			Nodes: []export.Node{{ID: id, Label: text, Extra: []export.Attr{{Name: "note", Value: id}}}},
			Edges: []export.Edge{{ID: text, From: id, To: id, Label: id, Weight: weight}},
		}
		var buf bytes.Buffer
		err := graphology.Write(&buf, g)
		if _, werr := export.EdgeWeight(&g.Edges[0]); werr != nil {
			if err == nil {
				t.Fatalf("weight %v written", weight)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		var d struct {
			Attributes map[string]any
			Options    map[string]any
			Nodes      []struct {
				Key        string
				Attributes map[string]any
			}
			Edges []struct {
				Key, Source, Target string
				Attributes          map[string]any
			}
		}
		if err := json.Unmarshal(buf.Bytes(), &d); err != nil {
			t.Fatalf("output does not parse: %v\n%s", err, buf.Bytes())
		}
		if bytes.ContainsAny(buf.Bytes(), "\u2028\u2029") {
			t.Error("output holds a raw U+2028 or U+2029, which older JavaScript cannot parse")
		}
		c := func(s string) string { return string([]rune(s)) } // each bad byte becomes U+FFFD
		if len(d.Nodes) != 1 || len(d.Edges) != 1 {
			t.Fatalf("read %d nodes, %d edges", len(d.Nodes), len(d.Edges))
		}
		n, e := d.Nodes[0], d.Edges[0]
		w, _ := export.EdgeWeight(&g.Edges[0])
		checks := []struct {
			what      string
			got, want any
		}{
			{"node key", n.Key, c(id)},
			{"edge ends", e.Source + "|" + e.Target, c(id) + "|" + c(id)},
			{"edge key", e.Key, c(text)},
			{"edge weight", e.Attributes["weight"], w},
		}
		if text != "" {
			checks = append(checks, struct {
				what      string
				got, want any
			}{"node label", n.Attributes["label"], c(text)}, struct {
				what      string
				got, want any
			}{"graph name", d.Attributes["name"], c(text)})
		}
		if id != "" {
			checks = append(checks, struct {
				what      string
				got, want any
			}{"node note", n.Attributes["note"], c(id)}, struct {
				what      string
				got, want any
			}{"edge label", e.Attributes["label"], c(id)})
		}
		for _, ch := range checks {
			if ch.got != ch.want {
				t.Errorf("%s = %#v, want %#v", ch.what, ch.got, ch.want)
			}
		}
	})
}
