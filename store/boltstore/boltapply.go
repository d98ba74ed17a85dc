package boltstore

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	hkv "github.com/hidal-go/hidalgo/kv"
)

// Cayley's key-value backend loses a direction of an added quad when the same delta set
// removes more quads holding that value than it adds (graph/kv ApplyDeltas resolves the
// values of added quads only among the nodes whose reference count grows): replacing a
// source with a smaller one would store quads without their label. So a write to a bolt
// store applies its removals and then its additions as two delta sets, and pinKV makes both
// run in one bolt transaction that commits only when both succeeded.

// pinKV is a key-value database whose read-write transaction can be pinned: while pinned,
// every read-write transaction Cayley asks for is that one, and its Commit and Close do
// nothing; the owner of the pin commits or rolls it back.
type pinKV struct {
	hkv.KV
	tx hkv.Tx
}

func (p *pinKV) Tx(ctx context.Context, rw bool) (hkv.Tx, error) {
	if rw && p.tx != nil {
		return pinnedTx{p.tx}, nil
	}
	return p.KV.Tx(ctx, rw)
}

func (p *pinKV) View(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.View(ctx, p, fn)
}

func (p *pinKV) Update(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.Update(ctx, p, fn)
}

type pinnedTx struct{ hkv.Tx }

func (pinnedTx) Commit(context.Context) error { return nil }
func (pinnedTx) Close() error                 { return nil }

// Apply writes deltas to a key-value store in one transaction, removals first.
func (s *DB) Apply(deltas []cgraph.Delta) error {
	ctx := context.Background()
	var dels, adds []cgraph.Delta
	for _, d := range deltas {
		if d.Action == cgraph.Delete {
			dels = append(dels, d)
		} else {
			adds = append(adds, d)
		}
	}
	tx, err := s.pin.KV.Tx(ctx, true)
	if err != nil {
		return err
	}
	s.pin.tx = tx
	err = s.qs.ApplyDeltas(dels, cgraph.IgnoreOpts{})
	if err == nil {
		err = s.qs.ApplyDeltas(adds, cgraph.IgnoreOpts{})
	}
	s.pin.tx = nil
	if err == nil {
		return tx.Commit(ctx)
	}
	tx.Close()
	// The quad store keeps caches (node ids, bloom filters) that may now name what the
	// rollback undid: start a fresh one on the same database.
	qs, nerr := kv.New(s.pin, nil)
	if nerr != nil {
		return fmt.Errorf("%w (and reopening the store failed: %v; reopen it before going on)", err, nerr)
	}
	s.qs = qs
	return err
}
