package query

import (
	"fmt"
	"sort"

	"github.com/factgraph/factgraph/graph"
)

// ContestedOptions says how many parties make an assertion contested.
type ContestedOptions struct {
	// Min is the number of different parties whose counterclaims must rebut an assertion
	// for it to be listed as contested; 0 means 2.
	Min int
}

// Rebuttal is one party's answer to an assertion: the counterclaims it rebuts it with.
type Rebuttal struct {
	By            Ref      `json:"by"`
	Counterclaims []string `json:"counterclaims"`
}

// Assertion is a claim or counterclaim, with the parties that rebut it.
type Assertion struct {
	ID        string     `json:"id"`
	Kind      string     `json:"kind"` // claim or counterclaim
	By        Ref        `json:"by"`
	Says      string     `json:"says"`
	Date      string     `json:"date,omitempty"`
	Rebuttals []Rebuttal `json:"rebuttals,omitempty"` // by party id
}

// ContestedResult is the answer to Contested. Unrebutted lists the assertions no
// counterclaim rebuts: claims first, then counterclaims, each by author id, then id.
// Contested lists those that counterclaims of at least MinParties different parties
// rebut: the most parties first, then the most counterclaims, then by id.
type ContestedResult struct {
	MinParties int         `json:"min_parties"`
	Unrebutted []Assertion `json:"unrebutted"`
	Contested  []Assertion `json:"contested"`
}

// Contested sorts out what nobody rebuts from what several parties rebut. A party that
// rebuts its own assertion (a concession and its answer) counts as one of them; a
// counterclaim that names itself rebuts nothing.
func Contested(g *graph.Graph, o ContestedOptions) (*ContestedResult, error) {
	return NewIndex(g).Contested(o)
}

// Contested is the package-level Contested on an index already built.
func (ix *Index) Contested(o ContestedOptions) (*ContestedResult, error) {
	least := o.Min
	switch {
	case least < 0:
		return nil, fmt.Errorf("min %d is negative; give 1 or more parties (0 means 2)", least)
	case least == 0:
		least = 2
	}
	// rebuttals: assertion id -> rebutting party -> counterclaim ids
	rebuttals := map[string]map[string][]string{}
	for _, c := range ix.g.Counterclaims {
		for _, t := range uniq(c.Counters) {
			if t == c.ID {
				continue
			}
			if rebuttals[t] == nil {
				rebuttals[t] = map[string][]string{}
			}
			rebuttals[t][c.By] = append(rebuttals[t][c.By], c.ID)
		}
	}
	res := &ContestedResult{MinParties: least, Unrebutted: []Assertion{}, Contested: []Assertion{}}
	for _, list := range [][]graph.Claim{ix.g.Claims, ix.g.Counterclaims} {
		for _, c := range list {
			a := Assertion{ID: c.ID, Kind: kindOf(c, graph.KindClaim), By: ix.ref(c.By), Says: c.Says, Date: c.Date.String()}
			rs := rebuttals[c.ID]
			if len(rs) == 0 {
				res.Unrebutted = append(res.Unrebutted, a)
				continue
			}
			if len(rs) < least {
				continue
			}
			for by, ids := range rs {
				ids = append([]string(nil), ids...)
				sort.Strings(ids)
				a.Rebuttals = append(a.Rebuttals, Rebuttal{By: ix.ref(by), Counterclaims: ids})
			}
			sort.Slice(a.Rebuttals, func(i, j int) bool { return a.Rebuttals[i].By.ID < a.Rebuttals[j].By.ID })
			res.Contested = append(res.Contested, a)
		}
	}
	sort.Slice(res.Unrebutted, func(i, j int) bool {
		a, b := res.Unrebutted[i], res.Unrebutted[j]
		if a.Kind != b.Kind {
			return a.Kind == graph.KindClaim
		}
		if a.By.ID != b.By.ID {
			return a.By.ID < b.By.ID
		}
		return a.ID < b.ID
	})
	sort.Slice(res.Contested, func(i, j int) bool {
		a, b := res.Contested[i], res.Contested[j]
		if len(a.Rebuttals) != len(b.Rebuttals) {
			return len(a.Rebuttals) > len(b.Rebuttals)
		}
		if na, nb := countRebuttals(a), countRebuttals(b); na != nb {
			return na > nb
		}
		return a.ID < b.ID
	})
	return res, nil
}

func countRebuttals(a Assertion) int {
	n := 0
	for _, r := range a.Rebuttals {
		n += len(r.Counterclaims)
	}
	return n
}

// uniq returns ids without repeats, in their order.
func uniq(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := ids[:0:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
