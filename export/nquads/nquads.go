// Package nquads registers the "nquads" format: the store's own quads in N-Quads
// (https://www.w3.org/TR/n-quads/), each under its source's label. It writes from the store
// rather than from a view, so nothing is lost: "factgraph ingest" can read it back.
package nquads

import (
	"context"
	"io"

	"github.com/factgraph/factgraph/export"
)

func init() {
	export.Register(export.Format{
		Name:        "nquads",
		Exts:        []string{"nq", "nquads"},
		Description: "the store's quads as N-Quads, lossless (no view)",
		WriteStore: func(ctx context.Context, w io.Writer, s export.QuadWriter, source string) error {
			return s.WriteNQuads(ctx, w, source)
		},
	})
}
