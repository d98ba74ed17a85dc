package exporttest

import (
	"fmt"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/graph"
)

// Sample is a small graph with one of each kind of node and edge a view makes.
func Sample() *export.Graph {
	return &export.Graph{
		Name: "sample",
		View: "full",
		Nodes: []export.Node{
			{ID: "claim-deterrence", Label: "The treaty deters attack", Kind: "claim", Sources: []string{"article"}, Quotes: []string{"The alliance deters."}, Color: export.ColorClaim, Shape: "note"},
			{ID: "japan", Label: "Japan", Kind: "party", Type: "state", Sources: []string{"article", "other"}, Color: export.ColorParty, Shape: "ellipse"},
			{ID: "ob-defend", Label: "defend Japan", Kind: "obligation", Status: "in-force", Since: graph.MustDate("1960-06"), Sources: []string{"article"}, Color: export.ColorObligation, Shape: "component"},
			{ID: "signing", Label: "Signing", Kind: "event", Date: graph.MustDate("1951-09-08"), Color: export.ColorEvent, Shape: "hexagon"},
			{ID: "treaty-1951", Label: "Security Treaty", Kind: "agreement", Type: "treaty", Date: graph.MustDate("1951"), Color: export.ColorAgreement, Shape: "box",
				Extra: []export.Attr{{Name: "in_force", Value: "1952-04-28"}}},
			{ID: "us", Label: "United States", Kind: "party", Type: "state", Color: export.ColorParty, Shape: "ellipse"},
		},
		Edges: []export.Edge{
			{ID: "e1", From: "japan", To: "us", Label: "allied with", Kind: "allied-with", Type: "allied-with", Since: graph.MustDate("1951"), Until: graph.MustDate("1960-01"), Color: export.ColorEdge},
			{ID: "e2", From: "ob-defend", To: "japan", Kind: "beneficiary", Color: export.ColorEdge},
			{ID: "e3", From: "us", To: "ob-defend", Kind: "bearer", Status: "absent", Dashed: true, Weight: 2.5, Color: export.ColorAbsent},
			{ID: "e4", From: "us", To: "us", Kind: "self", Color: export.ColorEdge},
		},
	}
}

// Hostile strings every format must carry, or (for XML 1.0's forbidden characters) must
// treat as its package documents. Ids are DOT keywords: ids are kebab case in the facts
// format, so they cannot be hostile otherwise.
var Hostile = []string{
	`say "hi" and 'bye'`,
	`back\slash \\ \n \"`,
	"line one\nline two\r\nline three\rend",
	"tab\there\t",
	"  leading and trailing spaces  ",
	`<b>bold</b> & &amp; ]]> </graphml> </gexf> <![CDATA[x]]>`,
	`label="x", color=red]; a -> b [shape=box`,
	`digraph { node [label="x"] }`,
	"emoji 🇯🇵🇺🇸 👍🏽 👨‍👩‍👧",
	"日本国とアメリカ合衆国との間の相互協力及び安全保障条約",
	"Договор безопасности · معاهدة · ברית · संधि",
	"combining e\u0301 and zero\u200Bwidth",
	"control \x01 nul \x00 escape \x1b del \x7f end",
	"comma, semicolon; =SUM(A1) +1 -1 @x",
	"",
}

// HostileGraph puts every hostile string into labels, types, quotes and extra attributes of
// nodes whose ids are DOT keywords.
func HostileGraph() *export.Graph {
	ids := []string{"digraph", "edge", "graph", "node", "strict", "subgraph"}
	g := &export.Graph{Name: `hostile "graph" <&>`, View: "full"}
	for i, id := range ids {
		s := Hostile[i%len(Hostile)]
		g.Nodes = append(g.Nodes, export.Node{
			ID: id, Label: s, Kind: "party", Type: Hostile[(i+1)%len(Hostile)],
			Sources: []string{"src"}, Quotes: []string{Hostile[(i+2)%len(Hostile)], Hostile[(i+3)%len(Hostile)]},
			Color: export.ColorParty, Shape: "ellipse",
			Extra: []export.Attr{{Name: "note", Value: Hostile[(i+4)%len(Hostile)]}},
		})
	}
	for i, s := range Hostile {
		g.Edges = append(g.Edges, export.Edge{
			ID: fmt.Sprintf("e%02d", i), From: ids[i%len(ids)], To: ids[(i*5+1)%len(ids)],
			Label: s, Kind: "allied-with", Type: Hostile[(i+7)%len(Hostile)],
			Quotes: []string{s}, Color: export.ColorEdge,
			Extra: []export.Attr{{Name: "note", Value: s}},
		})
	}
	export.SortEdges(g.Edges)
	return g
}

// Large is a synthetic graph of n nodes and m edges, the same every time.
func Large(n, m int) *export.Graph {
	g := &export.Graph{Name: "large", View: "full", Nodes: make([]export.Node, n), Edges: make([]export.Edge, m)}
	kinds := export.NodeKinds
	for i := range g.Nodes {
		k := kinds[i%len(kinds)]
		st := export.NodeStyle(k)
		nd := export.Node{ID: fmt.Sprintf("n%07d", i), Label: fmt.Sprintf("Item %d", i), Kind: k,
			Sources: []string{"src-a", "src-b"}, Quotes: []string{"a quote of some length, as curated from an article"},
			Color: st.Color, Shape: st.Shape}
		if i%3 == 0 {
			nd.Date = graph.Date{Year: 1900 + i%120, Month: 1 + i%12, Day: 1 + i%28, Precision: graph.Day}
		}
		g.Nodes[i] = nd
	}
	x := uint64(1)
	next := func() int {
		x = x*6364136223846793005 + 1442695040888963407
		return int(x>>33) % n
	}
	for i := range g.Edges {
		g.Edges[i] = export.Edge{ID: fmt.Sprintf("e%07d", i), From: fmt.Sprintf("n%07d", next()), To: fmt.Sprintf("n%07d", next()),
			Kind: "allied-with", Type: "allied-with", Sources: []string{"src-a"}, Color: export.ColorEdge}
	}
	export.SortEdges(g.Edges)
	return g
}
