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
	// 	graph [charset="UTF-8", fontname="Helvetica", label="example", labelloc="t", rankdir="LR", newrank="true", nodesep="0.15", ranksep="0.3"];
	// 	node [style="filled", fontname="Helvetica", fontsize="11"];
	// 	edge [fontname="Helvetica", fontsize="9"];
	// 	"graph" [id="graph", label="Say \"hi\" \\N", shape="ellipse", fillcolor="#A6CEE3", "kind"="party", tooltip="Say \"hi\" \\N"];
	// 	"legend:" [id="legend", shape="plaintext", style="", fontsize="10", label=<<TABLE BORDER="1" COLOR="#999999" STYLE="rounded" CELLBORDER="0" CELLSPACING="3" CELLPADDING="2"><TR><TD COLSPAN="2"><B>Legend</B></TD></TR><TR><TD><TABLE BORDER="1" CELLBORDER="0" CELLPADDING="3" STYLE="rounded" BGCOLOR="#A6CEE3"><TR><TD WIDTH="40">party</TD></TR></TABLE></TD><TD ALIGN="LEFT" BALIGN="LEFT">a state, person, group<BR/>or organization</TD></TR></TABLE>>];
	// }
}
