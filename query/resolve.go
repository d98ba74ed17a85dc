package query

import (
	"fmt"
	"sort"
	"strings"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/suggest"
)

// NotFoundError reports an id, name or alias that matches no item of the wanted kind.
type NotFoundError struct {
	Kind    string // what was wanted: "party", "claim", ... or "item" for any kind
	Ref     string // what the user wrote
	Suggest string // the closest id, or ""

	unnamed bool // an obligation or an assertion would do: its id may be the suggestion
}

func (e *NotFoundError) Error() string {
	if e.Suggest != "" {
		return fmt.Sprintf("no such %s %q; did you mean %q? (or look for it with: factgraph find %s)", e.Kind, e.Ref, e.Suggest, shellWord(e.Ref))
	}
	return fmt.Sprintf("no such %s %q; look for it with: factgraph find %s", e.Kind, e.Ref, shellWord(e.Ref))
}

// shellWord writes s as one word of a shell command line.
func shellWord(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_.,/:@", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// AmbiguousError reports a name or alias that matches several items.
type AmbiguousError struct {
	Ref        string
	Candidates []Item // sorted by id
}

func (e *AmbiguousError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q matches %d items; give one of their ids:", e.Ref, len(e.Candidates))
	for i, c := range e.Candidates {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, " %q (%s %s)", c.ID, c.Kind, c.Label)
	}
	return b.String()
}

// WrongKindError reports an id that exists but names the wrong kind of item.
type WrongKindError struct {
	Ref  string
	Is   string // the item's kind
	Want string // the kind wanted
}

func (e *WrongKindError) Error() string {
	return fmt.Sprintf("%q is %s %s, not %s %s", e.Ref, article(e.Is), e.Is, article(e.Want), e.Want)
}

func article(w string) string {
	if w != "" && strings.ContainsRune("aeiou", rune(w[0])) {
		return "an"
	}
	return "a"
}

// Resolve finds the item ref names: its id, or a name or alias (case-insensitive) that
// matches exactly one item. With kinds given, only items of those kinds qualify.
func (ix *Index) Resolve(ref string, kinds ...string) (Item, error) {
	i, err := ix.resolve(ref, kinds...)
	if err != nil {
		return Item{}, err
	}
	return ix.items[i], nil
}

// ResolveIn finds the item ref names in g, as (*Index).Resolve does on an index of g; it
// indexes only the names, which is all resolving needs.
func ResolveIn(g *graph.Graph, ref string, kinds ...string) (Item, error) {
	return NewIndex(g).Resolve(ref, kinds...)
}

func (ix *Index) resolve(ref string, kinds ...string) (int, error) {
	want := func(kind string) bool {
		if len(kinds) == 0 {
			return true
		}
		for _, k := range kinds {
			if k == kind {
				return true
			}
		}
		return false
	}
	kindWord := "item"
	if len(kinds) == 1 {
		kindWord = kinds[0]
	}
	if i, ok := ix.byID[ref]; ok {
		if want(ix.items[i].Kind) {
			return i, nil
		}
		return 0, &WrongKindError{Ref: ref, Is: ix.items[i].Kind, Want: kindWord}
	}
	var match []int
	for _, i := range ix.names()[fold(ref)] {
		if want(ix.items[i].Kind) {
			match = append(match, i)
		}
	}
	switch len(match) {
	case 1:
		return match[0], nil
	case 0:
		return 0, &NotFoundError{Kind: kindWord, Ref: ref, Suggest: ix.suggest(ref, want),
			unnamed: want(graph.KindObligation) || want(graph.KindClaim) || want(graph.KindCounterclaim)}
	}
	cands := make([]Item, len(match))
	for k, i := range match {
		cands[k] = ix.items[i]
	}
	sort.Slice(cands, func(a, b int) bool { return cands[a].ID < cands[b].ID })
	return 0, &AmbiguousError{Ref: ref, Candidates: cands}
}

// suggest returns the id of the wanted item whose id, name or alias is closest to ref, if
// one is close enough to be a likely typo.
func (ix *Index) suggest(ref string, want func(string) bool) string {
	r := fold(ref)
	limit := suggestLimit(r)
	best, bestD, bestOwn := "", limit+1, false
	for key, is := range ix.names() {
		d := suggest.Distance(r, key, bestD)
		if d > bestD {
			continue
		}
		for _, i := range is {
			it := ix.items[i]
			if !want(it.Kind) {
				continue
			}
			// At the same distance an id beats a name or alias, then the smaller id wins.
			own := key == fold(it.ID)
			if d < bestD || d == bestD && (own && !bestOwn || own == bestOwn && it.ID < best) {
				best, bestD, bestOwn = it.ID, d, own
			}
		}
	}
	if bestD > limit {
		return ""
	}
	return best
}

// suggestLimit is how many edits from the folded ref r an id, name or alias may be to be
// suggested for it.
func suggestLimit(r string) int { return min(len([]rune(r))/3+1, 3) }

// itemKinds lists the kinds of item that have ids, in section order.
var itemKinds = []string{graph.KindSource, graph.KindParty, graph.KindAgreement, graph.KindEvent,
	graph.KindObligation, graph.KindClaim, graph.KindCounterclaim}
