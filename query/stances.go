package query

import (
	"sort"

	"github.com/factgraph/factgraph/graph"
)

// StanceParty is a party that asserts something, with how many claims and counterclaims
// it asserts.
type StanceParty struct {
	Ref
	Assertions int `json:"assertions"`
}

// Stance is one cell of the stances matrix that is not empty: how many of the assertions of
// party Of the assertions of party By counter, and how many they support.
type Stance struct {
	By       Ref `json:"by"`
	Of       Ref `json:"of"`
	Counters int `json:"counters"`
	Supports int `json:"supports"`
}

// StancesResult is the answer to Stances: the parties that assert something, by id, and
// the non-empty cells of the party by party matrix, most counters first, then most
// supports, then by the ids of By and Of.
type StancesResult struct {
	Parties []StanceParty `json:"parties"`
	Stances []Stance      `json:"stances"`
}

// Stances counts, for every two parties A and B (A may be B), how many of A's assertions
// B's counterclaims counter and how many B's assertions support. An assertion answered by
// several of B's assertions counts once; an assertion that names itself, or names an
// assertion the graph does not hold, counts for nothing. The export's stances view draws
// the same counts as weighted edges.
func Stances(g *graph.Graph) *StancesResult { return NewIndex(g).Stances() }

// Stances is the package-level Stances on an index already built.
func (ix *Index) Stances() *StancesResult {
	author := ix.authors()
	type pair struct{ by, of string }
	counters := map[pair]map[string]bool{}
	supports := map[pair]map[string]bool{}
	add := func(m map[pair]map[string]bool, c graph.Claim, ids []string) {
		for _, id := range ids {
			of, ok := author[id]
			if !ok || id == c.ID || c.By == "" || of == "" {
				continue
			}
			k := pair{c.By, of}
			if m[k] == nil {
				m[k] = map[string]bool{}
			}
			m[k][id] = true
		}
	}
	asserts := map[string]int{}
	for _, list := range [][]graph.Claim{ix.g.Claims, ix.g.Counterclaims} {
		for _, c := range list {
			if c.By != "" {
				asserts[c.By]++
			}
			add(counters, c, c.Counters)
			add(supports, c, c.Supports)
		}
	}
	res := &StancesResult{Parties: []StanceParty{}, Stances: []Stance{}}
	for id, n := range asserts {
		res.Parties = append(res.Parties, StanceParty{Ref: ix.ref(id), Assertions: n})
	}
	sort.Slice(res.Parties, func(i, j int) bool { return res.Parties[i].ID < res.Parties[j].ID })
	cells := map[pair]bool{}
	for k := range counters {
		cells[k] = true
	}
	for k := range supports {
		cells[k] = true
	}
	for k := range cells {
		res.Stances = append(res.Stances, Stance{
			By: ix.ref(k.by), Of: ix.ref(k.of), Counters: len(counters[k]), Supports: len(supports[k]),
		})
	}
	sort.Slice(res.Stances, func(i, j int) bool {
		a, b := res.Stances[i], res.Stances[j]
		if a.Counters != b.Counters {
			return a.Counters > b.Counters
		}
		if a.Supports != b.Supports {
			return a.Supports > b.Supports
		}
		if a.By.ID != b.By.ID {
			return a.By.ID < b.By.ID
		}
		return a.Of.ID < b.Of.ID
	})
	return res
}

// authors maps each claim and counterclaim to the party that asserts it.
func (ix *Index) authors() map[string]string {
	author := make(map[string]string, len(ix.g.Claims)+len(ix.g.Counterclaims))
	for _, list := range [][]graph.Claim{ix.g.Claims, ix.g.Counterclaims} {
		for _, c := range list {
			author[c.ID] = c.By
		}
	}
	return author
}
