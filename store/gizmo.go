package store

import (
	"context"
	"fmt"
	"runtime/debug"

	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
)

// Gizmo runs a Gizmo (JavaScript) query against the store and returns its results as
// values encoding/json can write: IRIs as "<id>", plain strings as strings, tagged results
// as maps. A limit above 0 stops after that many results. See docs/model.md for the IRIs
// and predicates to query.
func (s *Store) Gizmo(ctx context.Context, code string, limit int) (_ []any, err error) {
	defer s.recoverDamage(&err, debug.SetPanicOnFault(true))
	if err := s.checkOpen(); err != nil {
		return nil, err
	}
	sess := gizmo.NewSession(s.qs)
	it, err := sess.Execute(ctx, code, query.Options{Collation: query.JSON, Limit: limit})
	if err != nil {
		return nil, fmt.Errorf("gizmo query: %w; see docs/model.md for examples", err)
	}
	defer it.Close()
	out := []any{}
	for it.Next(ctx) {
		if r := it.Result(); r != nil {
			out = append(out, r)
		}
		if limit > 0 && len(out) >= limit {
			break
		}
	}
	if err := it.Err(); err != nil {
		return nil, fmt.Errorf("gizmo query: %w", err)
	}
	return out, nil
}
