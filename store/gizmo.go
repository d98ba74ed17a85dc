package store

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"runtime/metrics"
	"time"

	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
)

// Bounds of a Gizmo query. A query is a program: without them `while(true){}` ran for
// ever, holding the store so that no writer could start, and doubling a string took
// 7.4 GB before anything stopped it.
const (
	// DefaultGizmoTimeout is how long a query runs unless told otherwise.
	DefaultGizmoTimeout = 30 * time.Second
	// MaxGizmoResults is the most results a query returns.
	MaxGizmoResults = 100_000
	// MaxGizmoMemory is how far the heap may grow while a query runs, in bytes.
	MaxGizmoMemory = 1 << 30
)

// GizmoOptions bound a Gizmo query.
type GizmoOptions struct {
	// Limit stops the query after that many results; 0, or more than MaxGizmoResults,
	// means MaxGizmoResults.
	Limit int
	// Timeout stops the query after that long; 0 means DefaultGizmoTimeout.
	Timeout time.Duration
	// MaxMemory stops the query when the heap has grown by that many bytes since it
	// started; 0 means MaxGizmoMemory.
	MaxMemory uint64
}

// ErrGizmoTimeout and ErrGizmoMemory say why a query was stopped.
var (
	ErrGizmoTimeout = errors.New("gizmo query ran out of time")
	ErrGizmoMemory  = errors.New("gizmo query used too much memory")
)

// Gizmo runs a Gizmo query with a limit on its results and the other bounds at their
// defaults; see GizmoWith.
func (s *Store) Gizmo(ctx context.Context, code string, limit int) ([]any, error) {
	return s.GizmoWith(ctx, code, GizmoOptions{Limit: limit})
}

// GizmoWith runs a Gizmo (JavaScript) query against the store and returns its results as
// values encoding/json can write: IRIs as "<id>", plain strings as strings, tagged results
// as maps. See docs/model.md for the IRIs and predicates to query. The query is
// interrupted (goja's Runtime.Interrupt, which Cayley's session calls when the context it
// waits on ends) as soon as ctx ends, the timeout passes or the heap grows past the
// bound; the error then says which (ErrGizmoTimeout, ErrGizmoMemory, or ctx's error).
func (s *Store) GizmoWith(ctx context.Context, code string, opts GizmoOptions) (_ []any, err error) {
	defer s.recoverDamage(&err, debug.SetPanicOnFault(true))
	if err := s.checkOpen(); err != nil {
		return nil, err
	}
	limit, timeout, maxMem := opts.Limit, opts.Timeout, opts.MaxMemory
	if limit <= 0 || limit > MaxGizmoResults {
		limit = MaxGizmoResults
	}
	if timeout <= 0 {
		timeout = DefaultGizmoTimeout
	}
	if maxMem == 0 {
		maxMem = MaxGizmoMemory
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	ctx, stop := context.WithTimeoutCause(ctx, timeout, fmt.Errorf("%w: stopped after %v; give it more with --timeout, or ask for less", ErrGizmoTimeout, timeout))
	defer stop()
	go watchHeap(ctx, maxMem, cancel)

	qs := s.qs
	if s.pg != nil {
		if qs, err = s.cayley(ctx); err != nil {
			return nil, err
		}
	}
	sess := gizmo.NewSession(qs)
	it, err := sess.Execute(ctx, code, query.Options{Collation: query.JSON, Limit: limit})
	if err != nil {
		return nil, s.noStore(ctx, fmt.Errorf("gizmo query: %w; see docs/model.md for examples", err))
	}
	defer it.Close()
	out := []any{}
	for it.Next(ctx) {
		if r := it.Result(); r != nil {
			out = append(out, r)
		}
		if len(out) >= limit {
			break
		}
	}
	if ctx.Err() != nil {
		return nil, context.Cause(ctx)
	}
	if err := it.Err(); err != nil {
		return nil, s.noStore(ctx, fmt.Errorf("gizmo query: %w", err))
	}
	return out, nil
}

// noStore is err, or the error that says there is no store when a PostgreSQL database
// holds none: Cayley's quad store does not look, and its queries fail on the tables they
// do not find.
func (s *Store) noStore(ctx context.Context, err error) error {
	if s.pg == nil {
		return err
	}
	if _, perr := s.pg.Empty(ctx); perr != nil {
		return perr
	}
	return err
}

// watchHeap cancels ctx with ErrGizmoMemory once the heap holds more than grow bytes
// beyond what it held when called, checking every few milliseconds until ctx ends.
func watchHeap(ctx context.Context, grow uint64, cancel context.CancelCauseFunc) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	base := sample[0].Value.Uint64()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			metrics.Read(sample)
			if used := sample[0].Value.Uint64(); used > base+grow {
				cancel(fmt.Errorf("%w: stopped when the heap had grown by more than %d MiB", ErrGizmoMemory, grow>>20))
				return
			}
		}
	}
}
