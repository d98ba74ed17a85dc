package table_test

import (
	"os"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/table"
)

var alliance = &export.Graph{
	Nodes: []export.Node{
		{ID: "japan", Label: "Japan", Kind: "party", Type: "state", Color: export.ColorParty},
		{ID: "us", Label: "United States", Kind: "party", Type: "state", Quotes: []string{"the US, \"the ally\""}, Color: export.ColorParty},
	},
	Edges: []export.Edge{{ID: "e1", From: "japan", To: "us", Kind: "allied-with", Type: "allied-with", Color: export.ColorEdge}},
}

func ExampleWriteNodes() {
	if err := table.WriteNodes(os.Stdout, alliance); err != nil {
		panic(err)
	}
	// Output:
	// Id,Label,kind,type,date,precision,status,since,until,source,quote,color
	// japan,Japan,party,state,,,,,,,,#A6CEE3
	// us,United States,party,state,,,,,,,"the US, ""the ally""",#A6CEE3
}

func ExampleWriteEdges() {
	if err := table.WriteEdges(os.Stdout, alliance); err != nil {
		panic(err)
	}
	// Output:
	// Source,Target,Type,Id,Label,Weight,kind,relation_type,date,precision,status,since,until,source,quote,dashed,color
	// japan,us,Directed,e1,,1,allied-with,allied-with,,,,,,,,,#555555
}
