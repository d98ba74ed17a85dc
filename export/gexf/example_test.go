package gexf_test

import (
	"os"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/gexf"
	"github.com/factgraph/factgraph/graph"
)

func ExampleWrite() {
	g := &export.Graph{
		Name: "alliance",
		Nodes: []export.Node{
			{ID: "japan", Label: "Japan", Kind: "party", Color: export.ColorParty},
			{ID: "treaty", Label: "Security Treaty", Kind: "agreement", Date: graph.MustDate("1951"), Color: export.ColorAgreement},
		},
		Edges: []export.Edge{{ID: "e1", From: "japan", To: "treaty", Kind: "party-to", Color: export.ColorEdge}},
	}
	if err := gexf.Write(os.Stdout, g); err != nil {
		panic(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
	//   <meta>
	//     <creator>factgraph</creator>
	//     <description>alliance</description>
	//   </meta>
	//   <graph defaultedgetype="directed" mode="dynamic" timeformat="date">
	//     <attributes class="node" mode="static">
	//       <attribute id="kind" title="kind" type="string"/>
	//       <attribute id="type" title="type" type="string"/>
	//       <attribute id="date" title="date" type="string"/>
	//       <attribute id="precision" title="precision" type="string"/>
	//       <attribute id="status" title="status" type="string"/>
	//       <attribute id="since" title="since" type="string"/>
	//       <attribute id="until" title="until" type="string"/>
	//       <attribute id="source" title="source" type="string"/>
	//       <attribute id="quote" title="quote" type="string"/>
	//     </attributes>
	//     <attributes class="edge" mode="static">
	//       <attribute id="kind" title="kind" type="string"/>
	//       <attribute id="type" title="type" type="string"/>
	//       <attribute id="date" title="date" type="string"/>
	//       <attribute id="precision" title="precision" type="string"/>
	//       <attribute id="status" title="status" type="string"/>
	//       <attribute id="since" title="since" type="string"/>
	//       <attribute id="until" title="until" type="string"/>
	//       <attribute id="source" title="source" type="string"/>
	//       <attribute id="quote" title="quote" type="string"/>
	//       <attribute id="dashed" title="dashed" type="boolean"/>
	//     </attributes>
	//     <nodes>
	//       <node id="japan" label="Japan">
	//         <attvalues>
	//           <attvalue for="kind" value="party"/>
	//         </attvalues>
	//         <viz:color r="166" g="206" b="227"/>
	//       </node>
	//       <node id="treaty" label="Security Treaty">
	//         <attvalues>
	//           <attvalue for="kind" value="agreement"/>
	//           <attvalue for="date" value="1951"/>
	//           <attvalue for="precision" value="year"/>
	//         </attvalues>
	//         <spells>
	//           <spell start="1951-01-01"/>
	//         </spells>
	//         <viz:color r="253" g="191" b="111"/>
	//       </node>
	//     </nodes>
	//     <edges>
	//       <edge id="e1" source="japan" target="treaty" weight="1">
	//         <attvalues>
	//           <attvalue for="kind" value="party-to"/>
	//         </attvalues>
	//         <viz:color r="85" g="85" b="85"/>
	//       </edge>
	//     </edges>
	//   </graph>
	// </gexf>
}

func ExampleWriter() {
	w := gexf.NewWriter(os.Stdout)
	w.WriteHeader(gexf.Header{NodeAttrs: []gexf.Attribute{{ID: "kind", Title: "kind", Type: "string"}}})
	w.WriteNode(&gexf.Node{ID: "a", Label: `"A" & <B>`, AttValues: []gexf.AttValue{{For: "kind", Value: "party"}}})
	w.WriteNode(&gexf.Node{ID: "b", Color: &gexf.Color{R: 255}})
	w.WriteEdge(&gexf.Edge{ID: "e", Source: "a", Target: "b", Weight: 2})
	if err := w.Close(); err != nil {
		panic(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
	//   <graph defaultedgetype="directed" mode="static">
	//     <attributes class="node" mode="static">
	//       <attribute id="kind" title="kind" type="string"/>
	//     </attributes>
	//     <nodes>
	//       <node id="a" label="&quot;A&quot; &amp; &lt;B&gt;">
	//         <attvalues>
	//           <attvalue for="kind" value="party"/>
	//         </attvalues>
	//       </node>
	//       <node id="b">
	//         <viz:color r="255" g="0" b="0"/>
	//       </node>
	//     </nodes>
	//     <edges>
	//       <edge id="e" source="a" target="b" weight="2">
	//       </edge>
	//     </edges>
	//   </graph>
	// </gexf>
}
