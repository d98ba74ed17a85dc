package pgstore

import (
	"context"
	"errors"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
)

// lazyQuadStore is Cayley's quad store on the database, opened on first use: a read-only
// command reads through factgraph's own connection (Reader, ReadAll), and most never
// need Cayley's, which is a connection of its own to set up and log in (about 10 ms). What
// builds Cayley's shapes on it (Gizmo outside a snapshot; a snapshot's opens a View) takes
// the quad store itself (DB.Cayley): the SQL backend builds its iterators only on its own
// type.
type lazyQuadStore struct {
	addr   string
	mu     sync.Mutex
	qs     cgraph.QuadStore
	closed bool
}

// get opens the quad store on first use.
func (l *lazyQuadStore) get() (cgraph.QuadStore, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return nil, errors.New("store is closed")
	}
	if l.qs == nil {
		qs, err := open(l.addr)
		if err != nil {
			return nil, err
		}
		l.qs = qs
	}
	return l.qs, nil
}

func (l *lazyQuadStore) ValueOf(v quad.Value) (cgraph.Ref, error) {
	qs, err := l.get()
	if err != nil {
		return nil, err
	}
	return qs.ValueOf(v)
}

func (l *lazyQuadStore) NameOf(r cgraph.Ref) (quad.Value, error) {
	qs, err := l.get()
	if err != nil {
		return nil, err
	}
	return qs.NameOf(r)
}

func (l *lazyQuadStore) Quad(r cgraph.Ref) (quad.Quad, error) {
	qs, err := l.get()
	if err != nil {
		return quad.Quad{}, err
	}
	return qs.Quad(r)
}

func (l *lazyQuadStore) QuadIterator(d quad.Direction, r cgraph.Ref) iterator.Shape {
	qs, err := l.get()
	if err != nil {
		return iterator.NewError(err)
	}
	return qs.QuadIterator(d, r)
}

func (l *lazyQuadStore) QuadIteratorSize(ctx context.Context, d quad.Direction, r cgraph.Ref) (refs.Size, error) {
	qs, err := l.get()
	if err != nil {
		return refs.Size{}, err
	}
	return qs.QuadIteratorSize(ctx, d, r)
}

func (l *lazyQuadStore) QuadDirection(r cgraph.Ref, d quad.Direction) (cgraph.Ref, error) {
	qs, err := l.get()
	if err != nil {
		return nil, err
	}
	return qs.QuadDirection(r, d)
}

func (l *lazyQuadStore) Stats(ctx context.Context, exact bool) (cgraph.Stats, error) {
	qs, err := l.get()
	if err != nil {
		return cgraph.Stats{}, err
	}
	return qs.Stats(ctx, exact)
}

// ApplyDeltas applies in through Cayley's quad store. No deltas, before the quad store was
// opened, do nothing: factgraph's writes go through its own connection and end with such a
// call, to make an open quad store forget the number of quads it last counted.
func (l *lazyQuadStore) ApplyDeltas(in []cgraph.Delta, opts cgraph.IgnoreOpts) error {
	if len(in) == 0 {
		l.mu.Lock()
		opened := l.qs != nil
		l.mu.Unlock()
		if !opened {
			return nil
		}
	}
	qs, err := l.get()
	if err != nil {
		return err
	}
	return qs.ApplyDeltas(in, opts)
}

func (l *lazyQuadStore) NewQuadWriter() (quad.WriteCloser, error) {
	qs, err := l.get()
	if err != nil {
		return nil, err
	}
	return qs.NewQuadWriter()
}

func (l *lazyQuadStore) NodesAllIterator() iterator.Shape {
	qs, err := l.get()
	if err != nil {
		return iterator.NewError(err)
	}
	return qs.NodesAllIterator()
}

func (l *lazyQuadStore) QuadsAllIterator() iterator.Shape {
	qs, err := l.get()
	if err != nil {
		return iterator.NewError(err)
	}
	return qs.QuadsAllIterator()
}

// Close closes the quad store if it was opened, and keeps it from opening after.
func (l *lazyQuadStore) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.closed = true
	if l.qs == nil {
		return nil
	}
	return l.qs.Close()
}
