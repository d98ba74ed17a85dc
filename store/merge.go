package store

import (
	"context"
	"errors"
	"runtime"
	"runtime/debug"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/model"
)

// LoadOptions choose what Load reads.
type LoadOptions struct {
	Source string // only this source's facts; "" for all
}

// Load reads the store into one merged Graph: each item once however many sources state
// it, every list sorted, Sources set on every item. It reads every quad once.
func (s *Store) Load(ctx context.Context, opts LoadOptions) (_ *graph.Graph, err error) {
	defer s.recoverDamage(&err, debug.SetPanicOnFault(true))
	if err := s.checkOpen(); err != nil {
		return nil, err
	}
	if opts.Source != "" {
		f, err := s.LoadFacts(ctx, opts.Source)
		if err != nil {
			return nil, err
		}
		return graph.Merge([]*graph.Facts{f}), nil
	}
	return s.loadAll(ctx, false)
}

// loadAll reads every source of the store and merges them; see readTable for generic.
func (s *Store) loadAll(ctx context.Context, generic bool) (*graph.Graph, error) {
	facts, _, err := s.decodeAll(ctx, generic)
	if err != nil {
		return nil, err
	}
	return graph.Merge(facts), nil
}

// decodeAll reads every quad of the store once and decodes the facts of each source, sorted
// by source id; quads[i] is how many quads facts[i] holds.
func (s *Store) decodeAll(ctx context.Context, generic bool) (facts []*graph.Facts, quads []int, err error) {
	t, err := s.readTable(ctx, generic)
	if err != nil {
		return nil, nil, err
	}
	groups := model.GroupBySource(t)
	t = nil
	// Sources are sorted by id; each decodes independently: share them out among the
	// processors.
	perm := make([]int, len(groups.IDs))
	for i := range perm {
		perm[i] = i
	}
	sort.Slice(perm, func(a, b int) bool { return groups.IDs[perm[a]] < groups.IDs[perm[b]] })
	facts = make([]*graph.Facts, len(perm))
	quads = make([]int, len(perm))
	errs := make([]error, len(perm))
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := min(runtime.GOMAXPROCS(0), len(perm)); w > 0; w-- {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(perm); i = int(next.Add(1) - 1) {
				k := perm[i]
				facts[i], quads[i], errs[i] = groups.Decode(k)
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, nil, err
	}
	return facts, quads, nil
}
