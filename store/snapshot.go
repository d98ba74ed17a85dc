package store

import (
	"context"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/factgraph/factgraph/store/pgstore"
)

// Snapshot returns the store as it is now, for a command that reads it more than once (a
// query looks its ids up, walks from them, then reads the labels of what it found): every
// read of the snapshot sees the same writes. On PostgreSQL, where another process may
// write while this one reads, it is one read-only transaction, begun at the snapshot's
// first read and ended by its Close; without it each read is a transaction of its own, and
// a write committed between two of them would show a source old in one part of an answer
// and new in another. A whole-store read (ReadAll) is a transaction of its own, and a
// snapshot that only does those connects no more. Gizmo reads through Cayley's
// connections, each in a read-only transaction in the snapshot's (pgstore.View): a
// snapshot whose first read is Gizmo's takes the snapshot of Cayley's first connection. A
// bolt file has no writer while a reader holds it, and a memory store no other process,
// so there the snapshot reads the store itself. A snapshot is for reading: it refuses
// writes, and closing it leaves the store open. A snapshot of a snapshot shares its reads.
func (s *Store) Snapshot() (*Store, error) {
	if err := s.checkOpen(); err != nil {
		return nil, err
	}
	snap := *s
	snap.snapshot, snap.ownsTx = true, false
	if s.pg != nil && s.tx == nil {
		snap.tx, snap.ownsTx = &snapshotTx{}, true
	}
	return &snap, nil
}

// snapshotTx is the read-only transaction of a snapshot on PostgreSQL, once begun, and
// the view of Cayley's quad store in the same snapshot that its Gizmo queries read, once
// opened.
type snapshotTx struct {
	rd   *pgstore.Reader
	view *pgstore.View
}

// endSnapshot ends a snapshot (Close). What its reads met, they returned.
func (s *Store) endSnapshot() error {
	if s.ownsTx && s.tx.view != nil {
		s.tx.view.Close()
	}
	if s.ownsTx && s.tx.rd != nil {
		s.tx.rd.Close()
	}
	s.tx, s.ownsTx, s.qs = nil, false, nil
	return nil
}

// pgReader returns a read-only transaction of the PostgreSQL store: the snapshot's, begun
// on first use, which done leaves open, or a new one, which done ends.
func (s *Store) pgReader(ctx context.Context) (rd *pgstore.Reader, done func(), err error) {
	if s.tx != nil {
		if s.tx.rd == nil {
			snapshot := ""
			if s.tx.view != nil {
				snapshot = s.tx.view.Snapshot() // Gizmo read the snapshot first
			}
			if s.tx.rd, err = s.pg.BeginIn(ctx, snapshot); err != nil {
				return nil, nil, err
			}
		}
		return s.tx.rd, func() {}, nil
	}
	rd, err = s.pg.Begin(ctx)
	if err != nil {
		return nil, nil, err
	}
	return rd, rd.Close, nil
}

// cayley returns Cayley's quad store on a PostgreSQL store, for Gizmo: a snapshot's view of
// it in the snapshot's transaction (pgstore.View), opened on first use, or the store's
// own, each statement of which reads the store as it is then.
func (s *Store) cayley(ctx context.Context) (cgraph.QuadStore, error) {
	if s.tx == nil {
		return s.pg.Cayley()
	}
	if s.tx.view == nil {
		v, err := s.pg.View(ctx, s.tx.rd)
		if err != nil {
			return nil, err
		}
		s.tx.view = v
	}
	return s.tx.view.QuadStore(), nil
}
