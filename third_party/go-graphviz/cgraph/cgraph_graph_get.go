package cgraph

import (
	"context"
	"github.com/factgraph/factgraph/third_party/go-graphviz/internal/wasm"
)

func (g *Graph) getWasm() *wasm.Graph {
	if g == nil {
		return nil
	}
	return g.wasm
}

func (g *Graph) GetStr(name string) string {
	v, _ := wasm.GetStr(context.Background(), g.wasm, name)
	return v
}
