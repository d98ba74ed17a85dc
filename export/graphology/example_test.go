package graphology_test

import (
	"os"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/graphology"
)

func ExampleWrite() {
	g := &export.Graph{
		Name: "alliance",
		Nodes: []export.Node{
			{ID: "japan", Label: "Japan", Kind: "party", Color: export.ColorParty},
			{ID: "us", Label: "United States", Kind: "party", Color: export.ColorParty},
		},
		Edges: []export.Edge{{ID: "e1", From: "us", To: "japan", Kind: "bearer", Dashed: true, Color: export.ColorAbsent}},
	}
	if err := graphology.Write(os.Stdout, g); err != nil {
		panic(err)
	}
	// Output:
	// {"attributes":{"name":"alliance"},"options":{"type":"directed","multi":true,"allowSelfLoops":true},"nodes":[
	// {"key":"japan","attributes":{"label":"Japan","kind":"party","color":"#A6CEE3"}},
	// {"key":"us","attributes":{"label":"United States","kind":"party","color":"#A6CEE3"}}
	// ],"edges":[
	// {"key":"e1","source":"us","target":"japan","attributes":{"kind":"bearer","weight":1,"dashed":true,"color":"#8C564B"}}
	// ]}
}

func ExampleWriter() {
	w := graphology.NewWriter(os.Stdout)
	w.WriteHeader(nil, graphology.Options{Type: "directed", Multi: true})
	w.WriteNode("a", []graphology.Attr{{Name: "label", Text: "say \"hi\"\n"}})
	w.WriteNode("b", nil)
	w.WriteEdge("e", "a", "b", []graphology.Attr{{Name: "weight", Kind: graphology.Number, Text: "2.5"}})
	if err := w.Close(); err != nil {
		panic(err)
	}
	// Output:
	// {"attributes":{},"options":{"type":"directed","multi":true,"allowSelfLoops":false},"nodes":[
	// {"key":"a","attributes":{"label":"say \"hi\"\n"}},
	// {"key":"b","attributes":{}}
	// ],"edges":[
	// {"key":"e","source":"a","target":"b","attributes":{"weight":2.5}}
	// ]}
}
