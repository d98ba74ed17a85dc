package query

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/factgraph/factgraph/graph"
)

// targetedCase is a question form that TestTargetedSameAnswers asks of the whole graph and
// of a store through its indexes.
type targetedCase struct {
	name  string
	ids   bool // every reference is an id of the graph
	names bool // as ids, but every reference is an id or the name or alias of one item
	// sketched: on a store with a link index, the answer is built on sketches and then
	// reads only what it lists, in arounds reads of items (LoadAround).
	sketched bool
	arounds  int
	// near: an item's id or name mistyped, which names nothing: answered on the items
	// close to it (onNear), without reading the whole store.
	near     bool
	whole    func(*Index) (any, error)
	targeted func(context.Context, Reader) (any, error)
	// text is the targeted answer for text only (TextOnly), nil for a query without it.
	text func(context.Context, Reader) (any, error)
}

// targetedCases lists the question forms to compare on the graph ix holds: each party
// as bearer and in the pairs that owe each other, each author and subject of an assertion,
// every item's neighbours and paths from every item to a few others, plus names, unknown
// ids and bad options that send the query to the whole graph.
func targetedCases(ix *Index, stride int) []targetedCase {
	var cs []targetedCase
	isID := func(refs ...string) bool {
		for _, r := range refs {
			if _, ok := ix.byID[r]; !ok {
				return false
			}
		}
		return true
	}
	// isItem says whether ref is the id of an item, not of a source alone.
	isItem := func(ref string) bool {
		i, ok := ix.byID[ref]
		return ok && ix.items[i].Kind != graph.KindSource
	}
	// isOne says whether each ref is an id, or the name or alias of exactly one item.
	isOne := func(refs ...string) bool {
		for _, r := range refs {
			if _, ok := ix.byID[r]; !ok && len(ix.names()[fold(r)]) != 1 {
				return false
			}
		}
		return true
	}
	obl := func(o ObligationsOptions) {
		cs = append(cs, targetedCase{
			name:     fmt.Sprintf("obligations %q %q %q", o.Between, o.Bearer, o.Status),
			ids:      isID(append(o.Between[:], o.Bearer)...) || o.Bearer == "" && isID(o.Between[:]...),
			names:    isOne(append(o.Between[:], o.Bearer)...) || o.Bearer == "" && isOne(o.Between[:]...),
			whole:    func(ix *Index) (any, error) { return ix.Obligations(o) },
			targeted: func(ctx context.Context, r Reader) (any, error) { return ObligationsIn(ctx, r, o) },
			text: func(ctx context.Context, r Reader) (any, error) {
				text := o
				text.TextOnly = true
				return ObligationsIn(ctx, r, text)
			},
		})
	}
	clm := func(o ClaimsOptions) {
		var refs []string
		for _, x := range []string{o.By, o.About} {
			if x != "" {
				refs = append(refs, x)
			}
		}
		cs = append(cs, targetedCase{
			name:     fmt.Sprintf("claims by %q about %q limit %d", o.By, o.About, o.Limit),
			ids:      isID(refs...),
			names:    isOne(refs...),
			sketched: o.Limit > 0,
			arounds:  1,
			whole:    func(ix *Index) (any, error) { return ix.Claims(o) },
			targeted: func(ctx context.Context, r Reader) (any, error) { return ClaimsIn(ctx, r, o) },
			text: func(ctx context.Context, r Reader) (any, error) {
				text := o
				text.TextOnly = true
				return ClaimsIn(ctx, r, text)
			},
		})
	}
	nbr := func(ref string, o NeighborsOptions) {
		cs = append(cs, targetedCase{
			name: fmt.Sprintf("neighbors %q depth %d type %q", ref, o.Depth, o.Type),
			// A relation the walk does not meet may still be in the graph: only the whole
			// graph tells whether --type names one.
			ids:      isID(ref) && (o.Type == "" || contains(itemKinds, o.Type)),
			names:    isOne(ref) && (o.Type == "" || contains(itemKinds, o.Type)),
			sketched: o.Limit > 0 && o.Type == "" && o.Depth >= 0 && isItem(ref),
			whole:    func(ix *Index) (any, error) { return ix.Neighbors(ref, o) },
			targeted: func(ctx context.Context, r Reader) (any, error) { return NeighborsIn(ctx, r, ref, o) },
		})
	}
	pth := func(from, to string, o PathOptions) {
		cs = append(cs, targetedCase{
			name:     fmt.Sprintf("path %q %q all %v", from, to, o.All),
			ids:      isID(from, to),
			names:    isOne(from, to),
			whole:    func(ix *Index) (any, error) { return ix.Path(from, to, o) },
			targeted: func(ctx context.Context, r Reader) (any, error) { return PathIn(ctx, r, from, to, o) },
		})
	}

	g := ix.Graph()
	var parties []string
	for _, p := range g.Parties {
		parties = append(parties, p.ID)
	}
	pairs := map[[2]string]bool{}
	for _, o := range g.Obligations {
		pairs[[2]string{o.Bearer, o.Beneficiary}] = true
		pairs[[2]string{o.Beneficiary, o.Bearer}] = true
	}
	var pairList [][2]string
	for p := range pairs {
		pairList = append(pairList, p)
	}
	sort.Slice(pairList, func(i, j int) bool {
		return pairList[i][0] < pairList[j][0] || pairList[i][0] == pairList[j][0] && pairList[i][1] < pairList[j][1]
	})
	for i, p := range pairList {
		if i%stride != 0 {
			continue
		}
		obl(ObligationsOptions{Between: p})
	}
	for i, p := range parties {
		if i%stride != 0 {
			continue
		}
		obl(ObligationsOptions{Bearer: p})
		obl(ObligationsOptions{Bearer: p, Status: "absent"})
	}
	if len(parties) > 2 {
		obl(ObligationsOptions{Between: [2]string{parties[0], parties[1]}}) // likely no duties
		if len(pairList) > 0 {
			p := pairList[0]
			obl(ObligationsOptions{Between: p, Bearer: p[0]})
			obl(ObligationsOptions{Between: p, Bearer: p[1], Status: "in-force"})
		}
	}

	by, about := map[string]bool{}, map[string]bool{}
	for _, list := range [][]graph.Claim{g.Claims, g.Counterclaims} {
		for _, c := range list {
			by[c.By] = true
			for _, a := range c.About {
				about[a] = true
			}
		}
	}
	// Limits of 1 to 3 threads, which fill for the busier parties and items: a store with a
	// link index orders the threads on a sketch and reads only those it lists.
	for i, p := range parties {
		if i%stride == 0 || by[p] {
			clm(ClaimsOptions{By: p})
			clm(ClaimsOptions{By: p, Limit: 1 + i%3})
		}
	}
	for i, a := range slices.Sorted(maps.Keys(about)) {
		if i%stride != 0 {
			continue
		}
		clm(ClaimsOptions{About: a})
		clm(ClaimsOptions{About: a, Limit: 1 + i%3})
	}
	for i, list := range [][]graph.Claim{g.Claims, g.Counterclaims} {
		for k, c := range list {
			if k%(3*stride) == i && len(c.About) > 0 {
				clm(ClaimsOptions{By: c.By, About: c.About[len(c.About)-1]})
				clm(ClaimsOptions{By: c.By, About: c.About[len(c.About)-1], Limit: 1})
				clm(ClaimsOptions{About: c.ID})
				clm(ClaimsOptions{About: c.ID, Limit: 1})
			}
		}
	}

	var relTypes []string
	for _, r := range g.Relations {
		relTypes = append(relTypes, r.Type)
	}
	for i, it := range ix.items {
		if i%stride != 0 {
			continue
		}
		i /= stride
		nbr(it.ID, NeighborsOptions{})
		if i%4 == 0 {
			nbr(it.ID, NeighborsOptions{Depth: 2})
			nbr(it.ID, NeighborsOptions{Depth: 2, Limit: 3})
			nbr(it.ID, NeighborsOptions{Depth: 3, Limit: 40})
		}
		if i%4 == 1 {
			nbr(it.ID, NeighborsOptions{Limit: 1})
			nbr(it.ID, NeighborsOptions{Depth: 2, Limit: 12, Type: graph.KindParty})
		}
		if i%9 == 0 {
			nbr(it.ID, NeighborsOptions{Depth: 3})
			nbr(it.ID, NeighborsOptions{Depth: 2, Type: graph.KindClaim})
			nbr(it.ID, NeighborsOptions{Depth: 2, Type: RelOwes})
			if len(relTypes) > 0 {
				nbr(it.ID, NeighborsOptions{Depth: 2, Type: relTypes[i%len(relTypes)]})
			}
			for _, rel := range []string{RelPartyTo, RelMemberOf, RelAbout, RelCounters, RelBearer} {
				nbr(it.ID, NeighborsOptions{Depth: 2, Type: rel})
			}
		}
		if i%3 == 2 {
			// Limits that the links at depth 1 fill, along each kind of link: the sketch
			// of a store with a link index counts and orders them.
			for k, typ := range []string{"", RelOwes, RelPartyTo, RelMemberOf, RelBy, RelAbout, RelCounters, RelBearer, RelBeneficiary, RelInvolves, graph.KindClaim, graph.KindParty} {
				nbr(it.ID, NeighborsOptions{Depth: 1 + k%2, Limit: 1 + k%3, Type: typ})
			}
			if len(relTypes) > 0 {
				nbr(it.ID, NeighborsOptions{Limit: 1, Type: relTypes[i%len(relTypes)]})
			}
		}
	}

	targets := []string{ix.items[0].ID, ix.items[len(ix.items)/2].ID, ix.items[len(ix.items)-1].ID}
	if len(parties) > 0 {
		targets = append(targets, parties[len(parties)/3])
	}
	for i, it := range ix.items {
		if i%stride != 0 {
			continue
		}
		i /= stride
		for k, to := range targets {
			if (i+k)%3 == 0 {
				pth(it.ID, to, PathOptions{})
				pth(it.ID, to, PathOptions{All: true, Max: 4})
			}
		}
	}

	// Names, unknown ids and bad options: answered on the whole graph.
	for _, it := range ix.items[:min(len(ix.items), 12)] {
		nbr(it.Label, NeighborsOptions{})
		if it.Kind == graph.KindParty {
			obl(ObligationsOptions{Bearer: it.Label})
			clm(ClaimsOptions{By: it.Label})
			clm(ClaimsOptions{By: it.Label, Limit: 2})
			pth(it.Label, targets[0], PathOptions{})
		}
	}
	// Names as people type them: another case, runs of spaces, aliases, titles, ids.
	for i, p := range g.Parties {
		if i%stride != 0 && len(p.Aliases) == 0 {
			continue
		}
		up := strings.ToUpper(p.Name)
		obl(ObligationsOptions{Bearer: "  " + strings.ReplaceAll(up, " ", "   ")})
		for _, a := range p.Aliases {
			nbr(strings.ToLower(a), NeighborsOptions{})
			obl(ObligationsOptions{Between: [2]string{a, targets[len(targets)-1]}})
			clm(ClaimsOptions{About: a})
			clm(ClaimsOptions{About: a, Limit: 1})
		}
		pth(strings.ToUpper(p.ID), targets[1], PathOptions{})
	}
	for i, a := range g.Agreements {
		if i%stride == 0 {
			clm(ClaimsOptions{About: strings.ToLower(a.Name)})
			nbr(a.Name, NeighborsOptions{Depth: 2})
		}
	}
	for i, e := range g.Events {
		if i%stride == 0 {
			nbr(e.Name, NeighborsOptions{})
		}
	}
	for i, src := range g.Sources {
		if i%stride == 0 {
			nbr(src.Title, NeighborsOptions{})
			pth(targets[0], strings.ToUpper(src.Title), PathOptions{})
		}
	}
	// Parties' ids and names mistyped: the error suggests the closest party, from the
	// parties near the ref alone.
	typos := func(ref string, i int) []string {
		r := []rune(ref)
		if len(r) < 2 {
			return nil
		}
		out := []string{string(r[:len(r)-1])}
		if len(r) > 3 {
			k := 1 + i%(len(r)-2)
			swapped := append([]rune(nil), r...)
			swapped[k], swapped[k+1] = swapped[k+1], swapped[k]
			out = append(out, strings.ToUpper(string(swapped)), string(r[:k])+"x"+string(r[k:]))
		}
		if len(r) >= 9 {
			// As many edits as a suggestion allows, and one more.
			out = append(out, string(r[:len(r)-3]), string(r[:len(r)-4]))
		}
		return out
	}
	// none says whether ref names nothing: no id, name or alias folds to it.
	none := func(ref string) bool { return len(ix.names()[fold(ref)]) == 0 }
	for i, p := range g.Parties {
		if i%stride != 0 {
			continue
		}
		other := parties[(i+1)%len(parties)]
		for _, ref := range append(typos(p.ID, i), typos(p.Name, i)...) {
			n := len(cs)
			obl(ObligationsOptions{Bearer: ref})
			obl(ObligationsOptions{Between: [2]string{other, ref}})
			obl(ObligationsOptions{Between: [2]string{ref, ref + "z"}})
			clm(ClaimsOptions{By: ref})
			clm(ClaimsOptions{By: ref, About: other, Limit: 1})
			for k := n; k < len(cs); k++ {
				cs[k].near = none(ref)
			}
		}
	}
	// Any item's id mistyped, and a name: the suggestion may be any item's id.
	for i, it := range ix.items {
		if i%(3*stride) != 0 {
			continue
		}
		for _, ref := range append(typos(it.ID, i), firstOf(typos(it.Label, i))...) {
			n := len(cs)
			nbr(ref, NeighborsOptions{})
			nbr(ref, NeighborsOptions{Depth: 2, Limit: 3})
			pth(ref, targets[0], PathOptions{})
			pth(targets[0], ref, PathOptions{All: true, Max: 4})
			clm(ClaimsOptions{About: ref})
			clm(ClaimsOptions{About: ref, Limit: 1})
			for k := n; k < len(cs); k++ {
				cs[k].near = none(ref)
			}
		}
	}
	nbr("no-such-item", NeighborsOptions{})
	nbr(targets[0], NeighborsOptions{Type: "no-such-relation"})
	nbr(targets[0], NeighborsOptions{Depth: -1})
	nbr(targets[0], NeighborsOptions{Limit: -1})
	pth("no-such-item", targets[0], PathOptions{})
	pth(targets[0], targets[1], PathOptions{All: true, Max: -1})
	obl(ObligationsOptions{Bearer: "no-such-party"})
	obl(ObligationsOptions{Bearer: targets[0], Status: "no-such-status"})
	if len(parties) > 0 {
		obl(ObligationsOptions{Between: [2]string{parties[0], parties[0]}})
	}
	clm(ClaimsOptions{About: "no-such-item"})
	clm(ClaimsOptions{About: targets[0], Limit: -1})
	return cs
}

// firstOf returns the first of list, or none.
func firstOf(list []string) []string { return list[:min(len(list), 1)] }
