package store

import (
	"context"

	"github.com/factgraph/factgraph/store/pgstore"
)

// Snapshot returns the store as it is now, for a command that reads it more than once (a
// query looks its ids up, walks from them, then reads the labels of what it found): every
// read of the snapshot sees the same writes. On PostgreSQL, where another process may
// write while this one reads, it is one read-only transaction, which the snapshot's Close
// ends; without it each read is a transaction of its own, and a write committed between
// two of them would show a source old in one part of an answer and new in another. A bolt
// file has no writer while a reader holds it, and a memory store no other process, so
// there the snapshot reads the store itself. A snapshot is for reading: it refuses writes,
// and closing it leaves the store open.
func (s *Store) Snapshot(ctx context.Context) (*Store, error) {
	if err := s.checkOpen(); err != nil {
		return nil, err
	}
	snap := *s
	snap.snapshot, snap.endSnap = true, nil // a snapshot of a snapshot shares its reads
	if s.pg != nil && s.snap == nil {
		rd, err := s.pg.Begin(ctx)
		if err != nil {
			return nil, err
		}
		snap.snap, snap.endSnap = rd, rd.Close
	}
	return &snap, nil
}

// endSnapshot ends a snapshot (Close). What its reads met, they returned.
func (s *Store) endSnapshot() error {
	if s.endSnap != nil {
		s.endSnap()
	}
	s.snap, s.endSnap, s.qs = nil, nil, nil
	return nil
}

// pgReader returns a read-only transaction of the PostgreSQL store: the snapshot's, which
// done leaves open, or a new one, which done ends.
func (s *Store) pgReader(ctx context.Context) (rd *pgstore.Reader, done func(), err error) {
	if s.snap != nil {
		return s.snap, func() {}, nil
	}
	rd, err = s.pg.Begin(ctx)
	if err != nil {
		return nil, nil, err
	}
	return rd, rd.Close, nil
}
