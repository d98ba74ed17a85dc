package table_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/internal/exporttest"
	"github.com/factgraph/factgraph/export/table"
)

// FuzzRoundTrip writes both tables from arbitrary text, reads them back with encoding/csv
// and checks every cell. encoding/csv's reader drops a carriage return before a line feed
// even inside quotes (Python's and Gephi's keep it), and the writer turns bytes that are
// not UTF-8 into U+FFFD, and a cell a spreadsheet would run as a formula gets a quote in
// front: the expected values say so.
func FuzzRoundTrip(f *testing.F) {
	for _, s := range exporttest.Hostile {
		f.Add(s, s)
	}
	f.Add("=1+1", "-2")
	f.Add("\r=x", "\t@x")
	f.Fuzz(func(t *testing.T, id, text string) {
		g := &export.Graph{
			Nodes: []export.Node{{ID: id, Label: text, Extra: []export.Attr{{Name: "note", Value: id}}}},
			Edges: []export.Edge{{ID: text, From: id, To: text, Label: id, Type: text}},
		}
		var nodes, edges bytes.Buffer
		if err := table.WriteNodes(&nodes, g); err != nil {
			t.Fatal(err)
		}
		if err := table.WriteEdges(&edges, g); err != nil {
			t.Fatal(err)
		}
		read := func(b []byte) map[string]string {
			t.Helper()
			recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
			if err != nil {
				t.Fatalf("does not parse: %v\n%s", err, b)
			}
			if len(recs) != 2 {
				t.Fatalf("read %d records, want 2\n%q", len(recs), b)
			}
			m := map[string]string{}
			for i, h := range recs[0] {
				m[h] = recs[1][i]
			}
			return m
		}
		c := func(s string) string {
			s = string([]rune(s))
			if s != "" && strings.ContainsAny(s[:1], "=+-@\t\r") {
				s = "'" + s
			}
			return strings.ReplaceAll(s, "\r\n", "\n")
		}
		n, e := read(nodes.Bytes()), read(edges.Bytes())
		checks := []struct{ what, got, want string }{
			{"node Id", n["Id"], c(id)},
			{"node Label", n["Label"], c(text)},
			{"node note", n["note"], c(id)},
			{"edge Id", e["Id"], c(text)},
			{"edge Source", e["Source"], c(id)},
			{"edge Target", e["Target"], c(text)},
			{"edge Type", e["Type"], "Directed"},
			{"edge Label", e["Label"], c(id)},
			{"edge relation_type", e["relation_type"], c(text)},
			{"edge Weight", e["Weight"], "1"},
		}
		for _, ch := range checks {
			if ch.got != ch.want {
				t.Errorf("%s = %q, want %q", ch.what, ch.got, ch.want)
			}
		}
	})
}
