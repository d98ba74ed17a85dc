package query

import (
	"context"
	"errors"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store"
)

// Reader is what the queries read from a store; *store.Store is one.
//
// The filtered queries (ObligationsIn with a party, ClaimsIn with --about or --by,
// NeighborsIn, PathIn) read only the part of the store they need through its indexes
// (LoadAround, LoadBetween, LoadSketch, Referrers) and answer on that subgraph, which gives the same
// answer as the whole graph would. A ref that matches nothing is answered with the whole
// graph's suggestion from the items near it alone (onNear). They read the whole store with
// Load instead when the subgraph cannot be trusted to: a name or alias that matches
// several items (only the whole graph can list the candidates of the right kind), a store that
// cannot look names up (store.ErrNoNameIndex), an error (its message may suggest an id from
// anywhere in the graph, or the subgraph may lack what an option names), or a read past its
// bound (store.ErrTooMany). A name or alias that matches one item is looked up through the
// store's indexes (store.(*Store).NameMatches) and read as that item's id.
type Reader interface {
	Load(ctx context.Context, opts store.LoadOptions) (*graph.Graph, error)
	LoadAround(ctx context.Context, seeds []string, opts store.AroundOptions) (*graph.Graph, error)
	LoadBetween(ctx context.Context, from, to string, opts store.BetweenOptions) (*graph.Graph, error)
	LoadSketch(ctx context.Context, seeds []string, opts store.SketchOptions) (*graph.Graph, error)
	SketchThreads(ctx context.Context, seeds, named []string) (*graph.Graph, error)
	Referrers(ctx context.Context, id string, fields ...string) ([]string, error)
	NameMatches(ctx context.Context, ref string) ([]string, error)
	NamedNear(ctx context.Context, ref string, max int) ([]string, error)
	UnnamedNear(ctx context.Context, ref string, max int) ([]string, error)
}

// ObligationsIn answers Obligations on the store r. With Between or Bearer set it reads the
// obligations that refer to every party named, and the names of what they refer to and of
// the parties named.
func ObligationsIn(ctx context.Context, r Reader, o ObligationsOptions) (*ObligationsResult, error) {
	// An obligation that matches refers to each party named, in these fields.
	type party struct {
		ref    string
		fields []string
	}
	var named []party
	if o.Between[0] != "" && o.Between[1] != "" {
		named = append(named, party{o.Between[0], []string{"bearer", "beneficiary"}}, party{o.Between[1], []string{"bearer", "beneficiary"}})
	}
	if o.Bearer != "" {
		named = append(named, party{o.Bearer, []string{"bearer"}})
	}
	ask := func(ix *Index) (*ObligationsResult, error) { return ix.Obligations(o) }
	if len(named) == 0 {
		return onWhole(ctx, r, ask)
	}
	var refs []string
	for _, p := range named {
		refs = append(refs, p.ref)
	}
	load := func(refIDs []string) (*graph.Graph, error) {
		var obs []string
		for i, p := range named {
			ids, err := r.Referrers(ctx, refIDs[i], p.fields...)
			if err != nil {
				return nil, err
			}
			if i > 0 {
				ids = intersect(obs, ids)
			}
			obs = ids
		}
		// The parties named by a name or alias are read with their aliases, so that it
		// resolves on the part read as on the whole graph; an id resolves by itself.
		aliases := false
		for i, id := range refIDs {
			aliases = aliases || refs[i] != id
		}
		return r.LoadAround(ctx, obs, store.AroundOptions{Names: !o.TextOnly, Named: refIDs, Aliases: aliases})
	}
	return targeted(ctx, r, refs, load, ask)
}

// ClaimsIn answers Claims on the store r. With About or By set it reads the assertions
// that refer to that item, every assertion linked to them by counters (so each of their
// threads whole), and what those refer to. With a limit as well, it builds and orders the
// threads on a sketch (store.(*Store).SketchThreads) and reads only the threads it lists.
func ClaimsIn(ctx context.Context, r Reader, o ClaimsOptions) (*ClaimsResult, error) {
	ask := func(ix *Index) (*ClaimsResult, error) { return ix.Claims(o) }
	var refs []string
	for _, ref := range []string{o.By, o.About} {
		if ref != "" {
			refs = append(refs, ref)
		}
	}
	if len(refs) == 0 {
		return onWhole(ctx, r, ask)
	}
	// A thread is kept for an assertion that matches both options, so one suffices.
	field := "by"
	if o.By == "" {
		field = "about"
	}
	ids, cands, err := resolveIn(ctx, r, refs)
	if err != nil {
		return nil, err
	}
	if ids == nil {
		return unresolved(ctx, r, refs, cands, ask)
	}
	// The assertions that name the item: the seeds of the threads, sketched or read.
	cs, err := r.Referrers(ctx, ids[0], field)
	if err != nil {
		return nil, err
	}
	if o.Limit > 0 {
		res, err := sketchClaims(ctx, r, cs, ids, o)
		if res != nil || err != nil {
			return res, err
		}
	}
	load := func(ids []string) (*graph.Graph, error) {
		return r.LoadAround(ctx, append(append([]string(nil), ids...), cs...),
			store.AroundOptions{Depth: -1, Follow: []string{RelCounters}, Names: true, NameFields: claimNames(o)})
	}
	return targetedIDs(ctx, r, refs, ids, cands, load, ask)
}

// claimNames returns the reference fields whose items an answer to Claims reads for their
// names (store.AroundOptions.NameFields): all of them, but only "by" for text.
func claimNames(o ClaimsOptions) []string {
	if o.TextOnly {
		return []string{"by"}
	}
	return nil
}

// sketchClaims answers Claims with a limit: it builds and orders the threads of the
// assertions cs (those that refer to ids[0]) on a sketch of them, then reads the
// assertions of the threads it lists, and the names of what they refer to, and answers on
// those. It returns nil when the store cannot sketch, or when the answer on the sketch is
// an error (the whole graph words it).
func sketchClaims(ctx context.Context, r Reader, cs, ids []string, o ClaimsOptions) (*ClaimsResult, error) {
	g, err := r.SketchThreads(ctx, cs, ids)
	if errors.Is(err, store.ErrNoLinkIndex) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	// The options name the items by their ids now, which the sketch holds.
	byID := o
	if o.By != "" {
		byID.By = ids[0]
		if o.About != "" {
			byID.About = ids[1]
		}
	} else {
		byID.About = ids[0]
	}
	ix := NewIndex(g)
	sketch, err := ix.Claims(byID)
	if err != nil {
		return nil, nil
	}
	var seeds, named []string
	var add func(n ClaimNode)
	add = func(n ClaimNode) {
		seeds = append(seeds, n.ID)
		for _, c := range n.Counterclaims {
			add(c)
		}
	}
	for _, t := range sketch.Threads {
		add(t)
	}
	for _, id := range ids {
		// A party, agreement or event is read for its name; any other item whole.
		if it, ok := ix.Item(id); ok && (it.Kind == graph.KindParty || it.Kind == graph.KindAgreement || it.Kind == graph.KindEvent) {
			named = append(named, id)
		} else {
			seeds = append(seeds, id)
		}
	}
	g, err = r.LoadAround(ctx, seeds, store.AroundOptions{Names: true, NameFields: claimNames(o), Named: named})
	if errors.Is(err, store.ErrTooMany) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	all := byID
	all.Limit = 0
	res, err := NewIndex(g).Claims(all)
	if err != nil || len(res.Threads) != len(sketch.Threads) {
		return nil, nil
	}
	for i, t := range res.Threads {
		if t.ID != sketch.Threads[i].ID {
			return nil, nil
		}
	}
	res.Truncated, res.Omitted = sketch.Truncated, sketch.Omitted
	return res, nil
}

// NeighborsIn answers Neighbors on the store r, reading the items within o.Depth links of
// the item ref names (links named o.Type only, when it names a relation).
func NeighborsIn(ctx context.Context, r Reader, ref string, o NeighborsOptions) (*NeighborsResult, error) {
	depth := o.Depth
	if depth <= 0 {
		depth = 1 // Neighbors refuses a negative depth on whatever graph
	}
	// A walk that follows one relation needs only the links of that name (party-to is the
	// agreement's field "party"; a relation type may bear any of these names too).
	var follow []string
	if o.Type != "" && !contains(itemKinds, o.Type) {
		follow = []string{o.Type}
		if o.Type == RelPartyTo {
			follow = append(follow, "party")
		}
	}
	ids, cands, err := resolveIn(ctx, r, []string{ref})
	if err != nil {
		return nil, err
	}
	if ids != nil && o.Limit > 0 && !contains(itemKinds, o.Type) {
		// The links are counted and ordered on sketches, a depth at a time, and only the
		// items the answer lists are read.
		res, err := sketchNeighbors(ctx, r, ids[0], follow, o)
		if res != nil || err != nil {
			return res, err
		}
	}
	load := func(ids []string) (*graph.Graph, error) {
		// With a limit, a depth at a time: once the links up to a depth fill the limit, the
		// answer stops there, and so does the read.
		for d := 1; o.Limit > 0 && d < depth; d++ {
			g, err := r.LoadAround(ctx, ids, store.AroundOptions{Depth: d, Follow: follow})
			if err != nil {
				return nil, err
			}
			od := o
			od.Depth = d
			if res, err := NewIndex(g).Neighbors(ids[0], od); err == nil && res.Truncated {
				return g, nil
			}
		}
		return r.LoadAround(ctx, ids, store.AroundOptions{Depth: depth, Follow: follow})
	}
	return targetedIDs(ctx, r, []string{ref}, ids, cands, load,
		func(ix *Index) (*NeighborsResult, error) { return ix.Neighbors(ref, o) })
}

// sketchNeighbors answers Neighbors with a limit: it counts and orders the links a depth
// at a time on sketches of the links of the items reached so far
// (store.(*Store).LoadSketch), up to the depth that fills the limit or o.Depth, then reads
// the item and the items the answer lists (and the obligations its owes links go through,
// for their status) and puts them in the answer. It returns nil when o.Type names a kind
// of item (a source may share its id with an item, and only a read of the item tells which
// the whole graph lists), when the store cannot sketch, or when the question is an error
// on the sketch (the whole graph words it).
func sketchNeighbors(ctx context.Context, r Reader, id string, follow []string, o NeighborsOptions) (*NeighborsResult, error) {
	if o.Depth < 0 {
		return nil, nil
	}
	depth := max(o.Depth, 1)
	// The links up to depth d are those of the items up to depth d-1: the seeds.
	seeds := []string{id}
	seeded := map[string]bool{id: true}
	var res *NeighborsResult
	for d := 1; ; d++ {
		g, err := r.LoadSketch(ctx, seeds, store.SketchOptions{Follow: follow})
		if errors.Is(err, store.ErrNoLinkIndex) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		od := o
		od.Depth = d
		if res, err = NewIndex(g).Neighbors(id, od); err != nil {
			return nil, nil
		}
		var next []string
		for _, n := range res.Neighbors {
			if n.Depth == d && !seeded[n.Item.ID] {
				seeded[n.Item.ID] = true
				next = append(next, n.Item.ID)
			}
		}
		if res.Truncated || d == depth || len(next) == 0 {
			break
		}
		seeds = append(seeds, next...)
	}
	res.Depth = depth
	labels := []string{id}
	for _, n := range res.Neighbors {
		labels = append(labels, n.Item.ID)
		if n.Link.Via != "" {
			labels = append(labels, n.Link.Via)
		}
	}
	g, err := r.LoadSketch(ctx, nil, store.SketchOptions{Labels: labels})
	if err != nil {
		return nil, err
	}
	ix := NewIndex(g)
	var ok bool
	if res.Item, ok = ix.Item(id); !ok {
		return nil, nil
	}
	for i := range res.Neighbors {
		n := &res.Neighbors[i]
		if n.Item, ok = ix.Item(n.Item.ID); !ok {
			return nil, nil
		}
		if n.Link.Via != "" {
			// An owes link's status is its obligation's.
			via, ok := ix.Item(n.Link.Via)
			if !ok {
				return nil, nil
			}
			n.Link.Status = via.Type
		}
	}
	return res, nil
}

// PathIn answers Path on the store r, reading the items around both ends until they meet
// (store.LoadBetween), and without All the items of the first chain alone.
func PathIn(ctx context.Context, r Reader, from, to string, o PathOptions) (*PathResult, error) {
	load := func(ids []string) (*graph.Graph, error) {
		return r.LoadBetween(ctx, ids[0], ids[1], store.BetweenOptions{First: !o.All})
	}
	return targeted(ctx, r, []string{from, to}, load,
		func(ix *Index) (*PathResult, error) { return ix.Path(from, to, o) })
}

// targeted asks on the graph load reads for the ids the refs name, when each ref is the id
// of an item or a name or alias of exactly one, and on the whole graph otherwise or when the
// question fails there.
func targeted[T any](ctx context.Context, r Reader, refs []string, load func(ids []string) (*graph.Graph, error), ask func(*Index) (T, error)) (T, error) {
	ids, cands, err := resolveIn(ctx, r, refs)
	if err != nil {
		var zero T
		return zero, err
	}
	return targetedIDs(ctx, r, refs, ids, cands, load, ask)
}

// targetedIDs is targeted once the refs are resolved (resolveIn) to ids, cands their
// candidates.
func targetedIDs[T any](ctx context.Context, r Reader, refs, ids []string, cands [][]string, load func(ids []string) (*graph.Graph, error), ask func(*Index) (T, error)) (T, error) {
	if ids == nil {
		return unresolved(ctx, r, refs, cands, ask)
	}
	g, err := load(ids)
	switch {
	case errors.Is(err, store.ErrTooMany):
	case err != nil:
		var zero T
		return zero, err
	default:
		ix := NewIndex(g)
		same := true
		for i, ref := range refs {
			// The part read holds the one item ref names on the whole graph, whole: ref
			// must name it there too.
			if k, err := ix.resolve(ref); err != nil || ix.items[k].ID != ids[i] {
				same = false
			}
		}
		if same {
			if res, err := ask(ix); err == nil {
				return res, nil
			}
		}
	}
	return onWhole(ctx, r, ask)
}

// resolveIn returns the id of the item each ref names on the whole graph, looked up through
// the store's indexes: ref itself when it is an id, else the one item whose name or alias
// it is. ids is nil when only the whole graph can tell (no match, several, or a store that
// cannot look names up). cands are the ids each ref may name (NameMatches), nil on a store
// that cannot look names up: where a ref matches nothing, onNear starts from them.
func resolveIn(ctx context.Context, r Reader, refs []string) (ids []string, cands [][]string, err error) {
	ids = make([]string, len(refs))
	cands = make([][]string, len(refs))
	resolved := true
	for i, ref := range refs {
		c, err := r.NameMatches(ctx, ref)
		if errors.Is(err, store.ErrNoNameIndex) {
			return nil, nil, nil
		}
		if err != nil {
			return nil, nil, err
		}
		cands[i] = c
		if !resolved {
			continue // the candidates of the others only
		}
		if ids[i], err = resolveOne(ctx, r, ref, c); err != nil {
			return nil, nil, err
		}
		resolved = ids[i] != ""
	}
	if !resolved {
		return nil, cands, nil
	}
	return ids, cands, nil
}

// resolveOne returns the id of the item ref names on the whole graph, given the ids it may
// name (cands), or "" when only the whole graph can tell.
func resolveOne(ctx context.Context, r Reader, ref string, cands []string) (string, error) {
	if len(cands) == 1 && (cands[0] == ref || cands[0] == fold(ref)) {
		// An id, or an id written in another case: no other item has that name (an
		// obligation or an assertion has none to read).
		return cands[0], nil
	}
	if len(cands) == 0 {
		return "", nil
	}
	if len(cands) == 1 {
		// One candidate whose name is ref is the one item ref names: read for its name
		// alone (a party that a thousand sources state has its aliases in a thousand
		// places).
		g, err := r.LoadAround(ctx, nil, store.AroundOptions{Named: cands, MaxItems: -1})
		if err != nil {
			return "", err
		}
		if it, ok := NewIndex(g).Item(cands[0]); ok && (fold(it.ID) == fold(ref) || isNamed(it) && fold(it.Label) == fold(ref)) {
			return it.ID, nil
		}
	}
	// The candidates read for their names and aliases, which are those of the whole graph:
	// every item that ref names is among them.
	g, err := r.LoadAround(ctx, nil, store.AroundOptions{Named: cands, Aliases: true, MaxItems: -1})
	if err != nil {
		return "", err
	}
	ix := NewIndex(g)
	match := ix.names()[fold(ref)]
	if len(match) != 1 {
		return "", nil
	}
	return ix.items[match[0]].ID, nil
}

// isNamed says whether the item's label is a name that resolves to it (a duty or an
// assertion is not one; NewIndex).
func isNamed(it Item) bool {
	return it.Kind != graph.KindObligation && it.Kind != graph.KindClaim && it.Kind != graph.KindCounterclaim
}

func onWhole[T any](ctx context.Context, r Reader, ask func(*Index) (T, error)) (T, error) {
	g, err := r.Load(ctx, store.LoadOptions{})
	if err != nil {
		var zero T
		return zero, err
	}
	return ask(NewIndex(g))
}

// intersect returns the ids in both sorted lists.
func intersect(a, b []string) []string {
	var out []string
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i, j = i+1, j+1
		}
	}
	return out
}
