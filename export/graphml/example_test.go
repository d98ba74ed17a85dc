package graphml_test

import (
	"os"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/graphml"
)

func ExampleWriteYEd() {
	g := &export.Graph{
		Nodes: []export.Node{
			{ID: "japan", Label: "Japan", Kind: "party", Color: export.ColorParty, Shape: "ellipse"},
			{ID: "us", Label: "United States", Kind: "party", Color: export.ColorParty, Shape: "ellipse"},
		},
		Edges: []export.Edge{{ID: "e1", From: "japan", To: "us", Kind: "allied-with", Color: export.ColorEdge}},
	}
	if err := graphml.WriteYEd(os.Stdout, g); err != nil {
		panic(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">
	//   <key id="label" for="node" attr.name="label" attr.type="string"/>
	//   <key id="kind" for="node" attr.name="kind" attr.type="string"/>
	//   <key id="type" for="node" attr.name="type" attr.type="string"/>
	//   <key id="date" for="node" attr.name="date" attr.type="string"/>
	//   <key id="precision" for="node" attr.name="precision" attr.type="string"/>
	//   <key id="status" for="node" attr.name="status" attr.type="string"/>
	//   <key id="since" for="node" attr.name="since" attr.type="string"/>
	//   <key id="until" for="node" attr.name="until" attr.type="string"/>
	//   <key id="source" for="node" attr.name="source" attr.type="string"/>
	//   <key id="quote" for="node" attr.name="quote" attr.type="string"/>
	//   <key id="r" for="node" attr.name="r" attr.type="int"/>
	//   <key id="g" for="node" attr.name="g" attr.type="int"/>
	//   <key id="b" for="node" attr.name="b" attr.type="int"/>
	//   <key id="edge.label" for="edge" attr.name="label" attr.type="string"/>
	//   <key id="edge.kind" for="edge" attr.name="kind" attr.type="string"/>
	//   <key id="edge.type" for="edge" attr.name="type" attr.type="string"/>
	//   <key id="edge.date" for="edge" attr.name="date" attr.type="string"/>
	//   <key id="edge.precision" for="edge" attr.name="precision" attr.type="string"/>
	//   <key id="edge.status" for="edge" attr.name="status" attr.type="string"/>
	//   <key id="edge.since" for="edge" attr.name="since" attr.type="string"/>
	//   <key id="edge.until" for="edge" attr.name="until" attr.type="string"/>
	//   <key id="edge.source" for="edge" attr.name="source" attr.type="string"/>
	//   <key id="edge.quote" for="edge" attr.name="quote" attr.type="string"/>
	//   <key id="edge.weight" for="edge" attr.name="weight" attr.type="double"/>
	//   <key id="edge.dashed" for="edge" attr.name="dashed" attr.type="boolean"/>
	//   <key id="edge.r" for="edge" attr.name="r" attr.type="int"/>
	//   <key id="edge.g" for="edge" attr.name="g" attr.type="int"/>
	//   <key id="edge.b" for="edge" attr.name="b" attr.type="int"/>
	//   <key id="nodegraphics" for="node" yfiles.type="nodegraphics"/>
	//   <key id="edgegraphics" for="edge" yfiles.type="edgegraphics"/>
	//   <graph id="G" edgedefault="directed">
	//     <node id="japan">
	//       <data key="label">Japan</data>
	//       <data key="kind">party</data>
	//       <data key="r">166</data>
	//       <data key="g">206</data>
	//       <data key="b">227</data>
	//       <data key="nodegraphics"><y:ShapeNode><y:Fill color="#A6CEE3" transparent="false"/><y:NodeLabel>Japan</y:NodeLabel><y:Shape type="ellipse"/></y:ShapeNode></data>
	//     </node>
	//     <node id="us">
	//       <data key="label">United States</data>
	//       <data key="kind">party</data>
	//       <data key="r">166</data>
	//       <data key="g">206</data>
	//       <data key="b">227</data>
	//       <data key="nodegraphics"><y:ShapeNode><y:Fill color="#A6CEE3" transparent="false"/><y:NodeLabel>United States</y:NodeLabel><y:Shape type="ellipse"/></y:ShapeNode></data>
	//     </node>
	//     <edge id="e1" source="japan" target="us">
	//       <data key="edge.kind">allied-with</data>
	//       <data key="edge.weight">1</data>
	//       <data key="edge.r">85</data>
	//       <data key="edge.g">85</data>
	//       <data key="edge.b">85</data>
	//       <data key="edgegraphics"><y:PolyLineEdge><y:LineStyle color="#555555" type="line" width="1.0"/><y:Arrows source="none" target="standard"/></y:PolyLineEdge></data>
	//     </edge>
	//   </graph>
	// </graphml>
}

func ExampleWriter() {
	w := graphml.NewWriter(os.Stdout)
	w.WriteHeader(graphml.Header{Keys: []graphml.Key{{ID: "label", For: "node", Name: "label", Type: "string"}}})
	w.WriteNode(&graphml.Node{ID: "a", Data: []graphml.Data{{Key: "label", Value: `"A" & <B>`}}})
	w.WriteNode(&graphml.Node{ID: "b"})
	w.WriteEdge(&graphml.Edge{ID: "e", Source: "a", Target: "b"})
	if err := w.Close(); err != nil {
		panic(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
	//   <key id="label" for="node" attr.name="label" attr.type="string"/>
	//   <graph id="G" edgedefault="directed">
	//     <node id="a">
	//       <data key="label">&quot;A&quot; &amp; &lt;B&gt;</data>
	//     </node>
	//     <node id="b">
	//     </node>
	//     <edge id="e" source="a" target="b">
	//     </edge>
	//   </graph>
	// </graphml>
}
