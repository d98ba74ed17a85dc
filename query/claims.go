package query

import (
	"fmt"
	"sort"

	"github.com/factgraph/factgraph/graph"
)

// ClaimsOptions filters Claims. Ids may be given as names or aliases where they name
// exactly one item.
type ClaimsOptions struct {
	About string // keep threads with an assertion about this item
	By    string // keep threads with an assertion by this party
	// Limit lists at most this many threads, in order; the result counts those it leaves
	// out. 0: no limit.
	Limit int
	// TextOnly says the answer is only written as text (WriteText), which shows who
	// makes each assertion but not the names of what it is about: read from a store,
	// those are left out of the answer (About holds their ids alone).
	TextOnly bool
}

// ClaimNode is one claim or counterclaim of a thread, with the counterclaims that rebut it
// nested under it.
type ClaimNode struct {
	ID       string   `json:"id"`
	Kind     string   `json:"kind"` // claim or counterclaim
	By       Ref      `json:"by"`
	Says     string   `json:"says"`
	Date     string   `json:"date,omitempty"`
	About    []Ref    `json:"about,omitempty"`
	Supports []string `json:"supports,omitempty"`
	Quotes   []string `json:"quotes,omitempty"`
	Section  string   `json:"section,omitempty"`
	Sources  []string `json:"sources,omitempty"`
	// Repeat is set on a node already shown higher up in the same thread (a counterclaim
	// that rebuts two items of the thread, or a cycle of counterclaims); its counterclaims
	// are not repeated.
	Repeat        bool        `json:"repeat,omitempty"`
	Counterclaims []ClaimNode `json:"counterclaims,omitempty"`
}

// ClaimsResult is the answer to Claims: one thread per claim, contested claims first,
// then by date (undated last), then id. With a limit, Truncated is set when threads were
// left out, and Omitted counts them.
type ClaimsResult struct {
	Threads   []ClaimNode `json:"threads"`
	Truncated bool        `json:"truncated,omitempty"`
	Omitted   int         `json:"omitted,omitempty"`
}

// Claims lists each claim with the chain of counterclaims under it. A counterclaim that
// no claim leads to (it counters only counterclaims that rebut one another in a cycle)
// heads a thread of its own, so every assertion is shown. With options set, a thread is
// kept when any assertion in it matches all of them.
func Claims(g *graph.Graph, o ClaimsOptions) (*ClaimsResult, error) {
	return NewIndex(g).Claims(o)
}

// Claims is the package-level Claims on an index already built.
func (ix *Index) Claims(o ClaimsOptions) (*ClaimsResult, error) {
	if o.Limit < 0 {
		return nil, fmt.Errorf("limit %d is negative; give 1 or more, or 0 for no limit", o.Limit)
	}
	var about, by string
	if o.About != "" {
		it, err := ix.Resolve(o.About)
		if err != nil {
			return nil, fmt.Errorf("about: %w", err)
		}
		about = it.ID
	}
	if o.By != "" {
		it, err := ix.Resolve(o.By, graph.KindParty)
		if err != nil {
			return nil, fmt.Errorf("by: %w", err)
		}
		by = it.ID
	}
	all := map[string]*graph.Claim{}
	for i := range ix.g.Claims {
		all[ix.g.Claims[i].ID] = &ix.g.Claims[i]
	}
	for i := range ix.g.Counterclaims {
		all[ix.g.Counterclaims[i].ID] = &ix.g.Counterclaims[i]
	}
	// rebuttals: claim id → the counterclaims that counter it, sorted by date then id.
	rebuttals := map[string][]*graph.Claim{}
	for i := range ix.g.Counterclaims {
		c := &ix.g.Counterclaims[i]
		for _, t := range c.Counters {
			if t != c.ID {
				rebuttals[t] = append(rebuttals[t], c)
			}
		}
	}
	for _, cs := range rebuttals {
		sortClaims(cs)
	}
	shown := map[string]bool{}
	var build func(c *graph.Claim, onThread map[string]bool) ClaimNode
	build = func(c *graph.Claim, onThread map[string]bool) ClaimNode {
		n := ix.claimNode(c)
		shown[c.ID] = true
		if onThread[c.ID] {
			n.Repeat = true
			return n
		}
		onThread[c.ID] = true
		for _, r := range rebuttals[c.ID] {
			n.Counterclaims = append(n.Counterclaims, build(r, onThread))
		}
		return n
	}
	heads := make([]*graph.Claim, 0, len(ix.g.Claims)+len(ix.g.Counterclaims))
	for i := range ix.g.Claims {
		heads = append(heads, &ix.g.Claims[i])
	}
	// Counterclaims whose targets are all unknown head their own threads.
	for i := range ix.g.Counterclaims {
		c := &ix.g.Counterclaims[i]
		known := false
		for _, t := range c.Counters {
			if _, ok := all[t]; ok && t != c.ID {
				known = true
			}
		}
		if !known {
			heads = append(heads, c)
		}
	}
	sortClaims(heads)
	// Contested claims first: what a reader of the argument looks for is who rebuts whom.
	sort.SliceStable(heads, func(i, j int) bool {
		return len(rebuttals[heads[i].ID]) > 0 && len(rebuttals[heads[j].ID]) == 0
	})
	threads := make([]ClaimNode, 0, len(heads))
	for _, h := range heads {
		threads = append(threads, build(h, map[string]bool{}))
	}
	// What is left rebuts only itself and other leftovers: a cycle. Its smallest id
	// heads a thread, until none is left.
	rest := make([]*graph.Claim, 0)
	for i := range ix.g.Counterclaims {
		if c := &ix.g.Counterclaims[i]; !shown[c.ID] {
			rest = append(rest, c)
		}
	}
	sort.Slice(rest, func(i, j int) bool { return rest[i].ID < rest[j].ID })
	for _, c := range rest {
		if !shown[c.ID] {
			threads = append(threads, build(c, map[string]bool{}))
		}
	}
	// The threads that match, kept in place: a hub's are a thousand.
	res := &ClaimsResult{Threads: threads[:0]}
	for _, t := range threads {
		if about == "" && by == "" || matchThread(t, about, by) {
			res.Threads = append(res.Threads, t)
		}
	}
	if o.Limit > 0 && len(res.Threads) > o.Limit {
		res.Truncated, res.Omitted = true, len(res.Threads)-o.Limit
		res.Threads = res.Threads[:o.Limit]
	}
	return res, nil
}

func matchThread(n ClaimNode, about, by string) bool {
	ok := by == "" || n.By.ID == by
	if ok && about != "" {
		ok = false
		for _, a := range n.About {
			if a.ID == about {
				ok = true
			}
		}
	}
	if ok {
		return true
	}
	for _, c := range n.Counterclaims {
		if matchThread(c, about, by) {
			return true
		}
	}
	return false
}

func sortClaims(cs []*graph.Claim) {
	sort.Slice(cs, func(i, j int) bool {
		if c := cs[i].Date.Compare(cs[j].Date); c != 0 {
			return c < 0
		}
		return cs[i].ID < cs[j].ID
	})
}

func (ix *Index) claimNode(c *graph.Claim) ClaimNode {
	n := ClaimNode{
		ID:       c.ID,
		Kind:     kindOf(*c, graph.KindClaim),
		By:       ix.ref(c.By),
		Says:     c.Says,
		Date:     c.Date.String(),
		Supports: c.Supports,
		Quotes:   c.Quotes,
		Section:  c.Section,
		Sources:  c.Sources,
	}
	for _, a := range c.About {
		n.About = append(n.About, ix.ref(a))
	}
	return n
}
