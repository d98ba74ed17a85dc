package query

import (
	"context"
	"errors"
	"slices"

	"github.com/factgraph/factgraph/store"
)

// unresolved answers a question whose refs did not all resolve through the store's
// indexes (resolveIn; cands are their candidates, nil where the store cannot look names
// up): on the items near the refs when that gives the whole graph's answer (onNear), else
// on the whole graph.
func unresolved[T any](ctx context.Context, r Reader, refs []string, cands [][]string, ask func(*Index) (T, error)) (T, error) {
	if res, err, ok := onNear(ctx, r, refs, cands, ask); ok {
		return res, err
	}
	return onWhole(ctx, r, ask)
}

// onNear answers a question where some ref matches no id, name or alias in the store's
// name index, which on the whole graph is an error that suggests the closest item of the
// kinds asked for. It reads only the items each ref may name (cands, from resolveIn) and,
// for a ref that names none, the parties, agreements, events and sources whose id or name
// is close enough to suggest (store.(*Store).NamedNear), with their names and aliases,
// and asks on those; when the question would take an obligation or an assertion there, it
// reads those close to the ref too (UnnamedNear), whole, since they have no names, and
// asks again. ok is false unless that asked for a ref that names nothing: the answer is
// then the whole graph's. A mistyped name took a store of 10,000 articles 8 to 16 seconds
// to read whole.
func onNear[T any](ctx context.Context, r Reader, refs []string, cands [][]string, ask func(*Index) (T, error)) (res T, err error, ok bool) {
	if cands == nil {
		return res, nil, false
	}
	var read, missing []string
	for i, ref := range refs {
		read = append(read, cands[i]...)
		if len(cands[i]) == 0 && !slices.Contains(missing, ref) {
			missing = append(missing, ref)
		}
	}
	if len(missing) == 0 {
		return res, nil, false
	}
	// A first ask on the items the refs name alone fails on the first ref that names
	// nothing, and says whether an obligation or an assertion would do for it: only then
	// are those near it looked for (a scan of every item's kind).
	var whole []string
	add := func(near func(context.Context, string, int) ([]string, error), to *[]string) error {
		for _, ref := range missing {
			ids, err := near(ctx, ref, suggestLimit(fold(ref)))
			if err != nil {
				return err
			}
			*to = append(*to, ids...)
		}
		slices.Sort(*to)
		*to = slices.Compact(*to)
		return nil
	}
	named, unnamed := false, false
	for {
		g, err := r.LoadAround(ctx, whole, store.AroundOptions{Named: read, Aliases: true, MaxItems: -1})
		if err != nil {
			return res, err, true
		}
		res, err = ask(NewIndex(g))
		var nf *NotFoundError
		if !errors.As(err, &nf) || !slices.Contains(missing, nf.Ref) {
			break // another answer: the whole graph's may differ
		}
		if named && (unnamed || !nf.unnamed) {
			return res, err, true // everything a suggestion may name was read
		}
		if !named {
			named = true
			err = add(r.NamedNear, &read)
		}
		if err == nil && nf.unnamed && !unnamed {
			unnamed = true
			err = add(r.UnnamedNear, &whole)
		}
		if errors.Is(err, store.ErrNoNameIndex) {
			return res, nil, false
		}
		if err != nil {
			return res, err, true
		}
	}
	var zero T
	return zero, nil, false
}
