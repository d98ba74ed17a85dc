package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/suggest"
)

// Pool sizes. They do not depend on the corpus size, so article i is the same in every
// corpus generated from one seed.
const (
	poolParties       = 240
	poolAgreementSets = 24 // each set is an agreement and the later one that revises it
)

// pool holds the parties and agreements articles share. Every article that uses a pool
// item writes it out in full and identically, as the validator requires.
type pool struct {
	parties    []graph.Party
	agreements []graph.Agreement // 2*poolAgreementSets: agreements[2k+1] revises agreements[2k]
	agrParties [][]int           // indexes into parties, per agreement set
}

var syllables = []string{
	"ka", "lo", "ri", "ve", "dan", "mar", "sol", "ta", "ne", "bor", "gal", "ith",
	"qu", "en", "zor", "pa", "lin", "dra", "mo", "sei", "tor", "ul", "va", "rek",
}

// word makes a capitalised made-up name of two or three syllables.
func word(r *rand.Rand) string {
	n := 2 + r.IntN(2)
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

func newPool(seed uint64) *pool {
	r := rand.New(rand.NewPCG(seed, 0x706f6f6c)) // "pool"
	p := &pool{}
	used := map[string]bool{}
	unique := func(base string) string {
		id := base
		for n := 2; used[id]; n++ {
			id = fmt.Sprintf("%s-%d", base, n)
		}
		used[id] = true
		return id
	}
	for i := 0; i < poolParties; i++ {
		w := word(r)
		var pt graph.Party
		switch k := i % 10; {
		case k < 6:
			pt = graph.Party{Name: "Republic of " + w, Kind: "state", Aliases: []string{w}}
		case k == 6:
			pt = graph.Party{Name: w + " Defence Council", Kind: "organization"}
		case k == 7:
			pt = graph.Party{Name: w + " Pact", Kind: "alliance"}
		case k == 8:
			pt = graph.Party{Name: w + " Front", Kind: "group"}
		default:
			first := word(r)
			pt = graph.Party{Name: first + " " + w, Kind: "person", Role: "Foreign Minister of " + word(r)}
		}
		pt.ID = unique(suggest.ID(pt.Name))
		pt.Description = fmt.Sprintf("A %s drawn from the shared pool.", pt.Kind)
		p.parties = append(p.parties, pt)
	}
	states := []int{}
	for i, pt := range p.parties {
		if pt.Kind == "state" {
			states = append(states, i)
		}
	}
	for k := 0; k < poolAgreementSets; k++ {
		n := 2 + r.IntN(2)
		idx := pickDistinct(r, states, n)
		p.agrParties = append(p.agrParties, idx)
		ids := make([]string, len(idx))
		for j, x := range idx {
			ids[j] = p.parties[x].ID
		}
		place := word(r)
		year := 1945 + r.IntN(40)
		first := graph.Agreement{
			Name:    "Treaty of " + place,
			Kind:    graph.AgreementKinds[r.IntN(len(graph.AgreementKinds))],
			Parties: ids,
			Signed:  randDate(r, year),
			InForce: graph.Date{Year: year + 1, Precision: graph.Year},
		}
		first.ID = unique(suggest.ID(first.Name))
		second := graph.Agreement{
			Name:        "Revised Treaty of " + place,
			Kind:        "treaty",
			Parties:     ids,
			Signed:      randDate(r, year+9),
			Revises:     first.ID,
			Description: "Replaces the " + first.Name + ".",
		}
		second.ID = unique(suggest.ID(second.Name))
		p.agreements = append(p.agreements, first, second)
	}
	return p
}

// pickDistinct picks n distinct values of from, in the order drawn.
func pickDistinct(r *rand.Rand, from []int, n int) []int {
	seen := map[int]bool{}
	var out []int
	for len(out) < n && len(out) < len(from) {
		x := from[r.IntN(len(from))]
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// randDate returns a date in year at a random precision, always on the calendar.
func randDate(r *rand.Rand, year int) graph.Date {
	switch r.IntN(3) {
	case 0:
		return graph.Date{Year: year, Precision: graph.Year}
	case 1:
		return graph.Date{Year: year, Month: 1 + r.IntN(12), Precision: graph.Month}
	}
	m := 1 + r.IntN(12)
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		days = 29
	}
	return graph.Date{Year: year, Month: m, Day: 1 + r.IntN(days), Precision: graph.Day}
}
