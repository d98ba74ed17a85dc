// Package all registers every export format; import it for its side effects:
//
//	import _ "github.com/factgraph/factgraph/export/all"
package all

import (
	_ "github.com/factgraph/factgraph/export/aif"        // aif
	_ "github.com/factgraph/factgraph/export/argdown"    // argdown
	_ "github.com/factgraph/factgraph/export/dot"        // dot
	_ "github.com/factgraph/factgraph/export/gexf"       // gexf
	_ "github.com/factgraph/factgraph/export/graphml"    // graphml
	_ "github.com/factgraph/factgraph/export/graphology" // json
	_ "github.com/factgraph/factgraph/export/html"       // html
	_ "github.com/factgraph/factgraph/export/layout"     // lays graphs out before they are written
	_ "github.com/factgraph/factgraph/export/mermaid"    // mermaid
	_ "github.com/factgraph/factgraph/export/nquads"     // nquads
	_ "github.com/factgraph/factgraph/export/table"      // csv
)
