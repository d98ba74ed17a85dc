package dot_test

import (
	"os"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/dot"
)

func ExampleWrite() {
	g := &export.Graph{
		Name: "example",
		Nodes: []export.Node{
			{ID: "graph", Label: `Say "hi" \N`, Kind: "party", Shape: "ellipse", Color: export.ColorParty},
		},
	}
	dot.Write(os.Stdout, g)
	// Output:
	// digraph "example" {
	// 	graph [charset="UTF-8", rankdir="LR", fontname="Helvetica", label="example", labelloc="t"];
	// 	node [style="filled", fontname="Helvetica", fontsize="11"];
	// 	edge [fontname="Helvetica", fontsize="9"];
	// 	"graph" [id="graph", shape="ellipse", fillcolor="#A6CEE3", "label"="Say \"hi\" \\N", "kind"="party", tooltip="Say \"hi\" \\N"];
	// 	subgraph "cluster_legend" {
	// 		graph [label="Legend", style="rounded", color="#999999", fontsize="11"];
	// 		"legend:party" [label="party", shape="ellipse", fillcolor="#A6CEE3"];
	// 	}
	// }
}
