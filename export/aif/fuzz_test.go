package aif_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/aif"
	"github.com/factgraph/factgraph/export/internal/exporttest"
)

// FuzzRoundTrip writes an argument made of arbitrary text, reads it back with
// encoding/json and checks that every text comes back as written (invalid UTF-8 as U+FFFD)
// and every edge joins two nodes.
func FuzzRoundTrip(f *testing.F) {
	for _, s := range exporttest.Hostile {
		f.Add(s, s, s)
	}
	f.Add("\u2028\xff", "\x00", "")
	f.Fuzz(func(t *testing.T, says, quote, speaker string) {
		g := &export.Graph{
			Nodes: []export.Node{
				{ID: "a", Label: says, Kind: "claim", Quotes: []string{quote}, Sources: []string{speaker}},
				{ID: "b", Label: quote, Kind: "counterclaim"},
				{ID: "p", Label: speaker, Kind: "party"},
			},
			Edges: []export.Edge{
				{ID: "1", From: "a", To: "p", Kind: export.RoleBy},
				{ID: "2", From: "b", To: "a", Kind: export.RoleCounters},
				{ID: "3", From: "a", To: "a", Kind: export.RoleSupports},
			},
		}
		var buf bytes.Buffer
		if err := aif.Write(&buf, g); err != nil {
			t.Fatal(err)
		}
		var d aif.Document
		if err := json.Unmarshal(buf.Bytes(), &d); err != nil {
			t.Fatalf("output does not parse: %v\n%s", err, buf.Bytes())
		}
		c := func(s string) string { return string([]rune(s)) } // each bad byte becomes U+FFFD
		want := map[string][]string{
			aif.TypeI:  {c(says), c(quote)},
			aif.TypeL:  {c(speaker + ": " + quote)},
			aif.TypeYA: {aif.TextYA},
			aif.TypeCA: {aif.TextCA},
			aif.TypeRA: {aif.TextRA},
		}
		got := map[string][]string{}
		ids := map[string]bool{}
		for _, n := range d.Nodes {
			got[n.Type] = append(got[n.Type], n.Text)
			ids[n.NodeID] = true
		}
		for typ, texts := range want {
			if len(got[typ]) != len(texts) {
				t.Fatalf("%s-nodes %q, want %q", typ, got[typ], texts)
			}
			for i := range texts {
				if got[typ][i] != texts[i] {
					t.Errorf("%s-node text %q, want %q", typ, got[typ][i], texts[i])
				}
			}
		}
		for _, e := range d.Edges {
			if !ids[e.FromID] || !ids[e.ToID] {
				t.Errorf("edge %q joins %q and %q, not both nodes", e.EdgeID, e.FromID, e.ToID)
			}
		}
		if len(d.Locutions) != 1 || d.Locutions[0].Source != c(speaker) {
			t.Errorf("locutions %+v, want one with source %q", d.Locutions, c(speaker))
		}
		if len(d.Participants) != 1 || d.Participants[0].Firstname+" "+d.Participants[0].Surname != c(speaker) && d.Participants[0].Firstname != c(speaker) {
			t.Errorf("participants %+v, want one named %q", d.Participants, c(speaker))
		}
	})
}
