package serve

import (
	"context"
	"errors"
	"slices"
	"sort"

	"github.com/factgraph/factgraph/export/html"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store"
)

// searchAnswer is what /api/search sends.
type searchAnswer struct {
	Results []result `json:"results"`
}

type result struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Kind  string `json:"kind"`
	How   string `json:"how,omitempty"`   // "alias" or "id" when not the name matched
	Match string `json:"match,omitempty"` // the alias or id that matched
	score int
}

// search answers /api/search: the items whose id, name or alias is q, then those whose name
// or alias starts with it, at most limit: on a bolt or PostgreSQL store through its name
// index, reading only the names listed; in memory from every name, read once.
func (srv *request) search(ctx context.Context, p params) (any, error) {
	q := p["q"]
	limit, err := p.int("limit", 12, 1, 50)
	if err != nil {
		return nil, err
	}
	key := graph.FoldName(q)
	if key == "" {
		return &searchAnswer{Results: []result{}}, nil
	}
	exact, err := srv.s.NameMatches(ctx, q)
	if errors.Is(err, store.ErrNoNameIndex) {
		return srv.searchAll(ctx, key, limit)
	}
	if err != nil {
		return nil, err
	}
	starts, err := srv.s.NamesWithPrefix(ctx, key, limit*3)
	if errors.Is(err, store.ErrNoNameIndex) {
		return srv.searchAll(ctx, key, limit)
	}
	if err != nil {
		return nil, err
	}
	cands := append(exact, starts...)
	slices.Sort(cands)
	cands = slices.Compact(cands)
	g, err := srv.s.LoadAround(ctx, nil, store.AroundOptions{Named: cands, Aliases: true, MaxItems: -1})
	if err != nil {
		return nil, err
	}
	entries := namesOf(g)
	// An id the name index does not hold (an obligation or assertion, which have no name).
	if len(exact) == 1 && exact[0] == q && !slices.ContainsFunc(entries, func(e nameEntry) bool { return e.id == q }) {
		if w, err := srv.s.LoadAround(ctx, exact, store.AroundOptions{MaxItems: -1}); err == nil {
			entries = append(entries, namesOf(w)...)
		}
	}
	return &searchAnswer{Results: rank(entries, key, limit, true)}, nil
}

// searchAll searches every name of the store, read once and kept: for a store without a
// name index, where any match needs them all.
func (srv *request) searchAll(ctx context.Context, key string, limit int) (any, error) {
	srv.namesMu.Lock()
	defer srv.namesMu.Unlock()
	if srv.names == nil {
		g, err := srv.s.Load(ctx, store.LoadOptions{})
		if err != nil {
			return nil, err // not kept: the next request tries again
		}
		srv.names = namesOf(g)
	}
	return &searchAnswer{Results: rank(srv.names, key, limit, false)}, nil
}

// nameEntry is an item by the names it may be found by.
type nameEntry struct {
	id, label, kind string
	aliases         []string
}

func namesOf(g *graph.Graph) []nameEntry {
	var out []nameEntry
	for _, it := range html.Items(g) {
		out = append(out, nameEntry{id: it.ID, label: it.Label, kind: it.Kind, aliases: it.Aliases})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out
}

// rank keeps the entries that match key (folded) and orders them as the page's own search
// does: the whole name, then its start, then, unless prefixOnly, the start of a word and
// anywhere; parties first, then shorter names.
func rank(entries []nameEntry, key string, limit int, prefixOnly bool) []result {
	var out []result
	for _, e := range entries {
		best := result{score: -1}
		try := func(text, how string) {
			f := graph.FoldName(text)
			score := -1
			switch {
			case f == key:
				score = 0
			case len(f) > len(key) && f[:len(key)] == key:
				score = 1
			case !prefixOnly && containsWord(f, key):
				score = 2
			case !prefixOnly && contains(f, key):
				score = 3
			}
			if score >= 0 && (best.score < 0 || score < best.score) {
				best = result{ID: e.id, Label: e.label, Kind: e.kind, How: how, score: score}
				if how != "" {
					best.Match = text
				}
			}
		}
		try(e.label, "")
		try(e.id, "id")
		for _, a := range e.aliases {
			try(a, "alias")
		}
		if best.score >= 0 {
			out = append(out, best)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.score != b.score {
			return a.score < b.score
		}
		if (a.Kind == graph.KindParty) != (b.Kind == graph.KindParty) {
			return a.Kind == graph.KindParty
		}
		if len(a.Label) != len(b.Label) {
			return len(a.Label) < len(b.Label)
		}
		return a.ID < b.ID
	})
	if len(out) > limit {
		out = out[:limit]
	}
	if out == nil {
		out = []result{}
	}
	return out
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

func containsWord(s, sub string) bool { return contains(" "+s, " "+sub) }
