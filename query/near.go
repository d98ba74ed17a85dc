package query

import (
	"context"
	"errors"
	"slices"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store"
)

// unresolved answers a question whose refs did not all resolve through the store's
// indexes (resolveIn): on the items near the refs when that gives the whole graph's answer
// (onNear), else on the whole graph.
func unresolved[T any](ctx context.Context, r Reader, refs []string, ask func(*Index) (T, error)) (T, error) {
	if res, err, ok := onNear(ctx, r, refs, ask); ok {
		return res, err
	}
	return onWhole(ctx, r, ask)
}

// onNear answers a question where some ref matches no id, name or alias in the store's
// name index, which on the whole graph is an error that suggests the closest item of the
// kinds asked for. It reads only the items each ref names and, for a ref that names none,
// the parties, agreements, events and sources whose id or name is close enough to suggest
// (store.(*Store).NamesNear), whole with their names and aliases, and asks on those. ok is
// false unless that asked for a ref that names nothing, of kinds that all have names (the
// name index lists no duty or assertion, and a suggestion of one needs the whole graph):
// the answer is then the whole graph's. A mistyped name took a store of 10,000 articles
// 9 to 15 seconds to read whole.
func onNear[T any](ctx context.Context, r Reader, refs []string, ask func(*Index) (T, error)) (res T, err error, ok bool) {
	var read []string
	missing := map[string]bool{}
	for _, ref := range refs {
		cands, err := r.NameMatches(ctx, ref)
		if errors.Is(err, store.ErrNoNameIndex) {
			return res, nil, false
		}
		if err != nil {
			return res, err, true
		}
		read = append(read, cands...)
		if len(cands) > 0 || missing[ref] {
			continue
		}
		missing[ref] = true
		near, err := r.NamesNear(ctx, ref, suggestLimit(fold(ref)))
		if errors.Is(err, store.ErrNoNameIndex) {
			return res, nil, false
		}
		if err != nil {
			return res, err, true
		}
		read = append(read, near...)
	}
	if len(missing) == 0 {
		return res, nil, false
	}
	slices.Sort(read)
	g, err := r.LoadAround(ctx, nil, store.AroundOptions{Named: slices.Compact(read), Aliases: true, MaxItems: -1})
	if err != nil {
		return res, err, true
	}
	res, err = ask(NewIndex(g))
	var nf *NotFoundError
	if errors.As(err, &nf) && missing[nf.Ref] && nf.named {
		return res, err, true
	}
	var zero T
	return zero, nil, false
}

// namedKinds are the kinds of item that have names, which the store's name index lists.
var namedKinds = []string{graph.KindSource, graph.KindParty, graph.KindAgreement, graph.KindEvent}

// onlyNamed says whether kinds are all kinds that have names (none is any kind).
func onlyNamed(kinds []string) bool {
	for _, k := range kinds {
		if !contains(namedKinds, k) {
			return false
		}
	}
	return len(kinds) > 0
}
