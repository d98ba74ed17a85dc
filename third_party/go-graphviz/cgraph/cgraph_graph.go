package cgraph

import (
	"github.com/factgraph/factgraph/third_party/go-graphviz/internal/wasm"
)

type Graph struct {
	wasm *wasm.Graph
}
