package query

import (
	"fmt"
	"sort"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/suggest"
)

// ObligationsOptions filters Obligations. Parties may be given by id, name or alias.
type ObligationsOptions struct {
	Between [2]string // both set: the obligations either party owes the other
	Bearer  string    // who owes the duty
	Status  string    // one of graph.ObligationStatuses
	// TextOnly says the answer is only written as text (WriteText), which shows the ids
	// of the parties and agreements an obligation names but not their names: read from a
	// store, those are left out of the answer, but for the parties asked about.
	TextOnly bool
}

// Ref names an item in a result: its id and, when it has one, its name.
type Ref struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
}

// ObligationRow is one obligation in display terms.
type ObligationRow struct {
	ID          string   `json:"id"`
	Bearer      Ref      `json:"bearer"`
	Beneficiary Ref      `json:"beneficiary"`
	Duty        string   `json:"duty"`
	Under       *Ref     `json:"under,omitempty"`
	Status      string   `json:"status"`
	Condition   string   `json:"condition,omitempty"`
	Since       string   `json:"since,omitempty"`
	Until       string   `json:"until,omitempty"`
	Quotes      []string `json:"quotes,omitempty"`
	Section     string   `json:"section,omitempty"`
	Sources     []string `json:"sources,omitempty"`
}

// Balance counts the duties one side owes the other, by status.
type Balance struct {
	Bearer      Ref `json:"bearer"`
	Beneficiary Ref `json:"beneficiary"`
	InForce     int `json:"in_force"`
	Absent      int `json:"absent"`
	Demanded    int `json:"demanded"`
	Disputed    int `json:"disputed"`
	Total       int `json:"total"`
}

func (b *Balance) add(status string) {
	switch status {
	case "in-force":
		b.InForce++
	case "absent":
		b.Absent++
	case "demanded":
		b.Demanded++
	case "disputed":
		b.Disputed++
	}
	b.Total++
}

// ObligationsResult is the answer to Obligations. With Between set, Balance holds two
// rows, first the obligations the first party owes the second, then the reverse, and
// Obligations lists the first direction before the second.
type ObligationsResult struct {
	Between     []Ref           `json:"between,omitempty"`
	Obligations []ObligationRow `json:"obligations"`
	Balance     []Balance       `json:"balance,omitempty"`
}

// Obligations answers "who owes whom what": every obligation matching o, ordered by
// bearer, beneficiary, status (in the order of graph.ObligationStatuses) and id.
func Obligations(g *graph.Graph, o ObligationsOptions) (*ObligationsResult, error) {
	return NewIndex(g).Obligations(o)
}

// Check reports a status that is not one of graph.ObligationStatuses, before anything is
// read.
func (o ObligationsOptions) Check() error {
	if o.Status == "" || contains(graph.ObligationStatuses, o.Status) {
		return nil
	}
	if near, ok := suggest.Closest(o.Status, graph.ObligationStatuses); ok {
		return fmt.Errorf("unknown obligation status %q; did you mean %q?", o.Status, near)
	}
	return fmt.Errorf("unknown obligation status %q; want one of %q", o.Status, graph.ObligationStatuses)
}

// Obligations is the package-level Obligations on an index already built.
func (ix *Index) Obligations(o ObligationsOptions) (*ObligationsResult, error) {
	if err := o.Check(); err != nil {
		return nil, err
	}
	var bearer, a, b string
	if o.Bearer != "" {
		it, err := ix.Resolve(o.Bearer, graph.KindParty)
		if err != nil {
			return nil, fmt.Errorf("bearer: %w", err)
		}
		bearer = it.ID
	}
	between := o.Between[0] != "" || o.Between[1] != ""
	if between {
		if o.Between[0] == "" || o.Between[1] == "" {
			return nil, fmt.Errorf("between needs two parties, got one")
		}
		ia, err := ix.Resolve(o.Between[0], graph.KindParty)
		if err != nil {
			return nil, err
		}
		ib, err := ix.Resolve(o.Between[1], graph.KindParty)
		if err != nil {
			return nil, err
		}
		if ia.ID == ib.ID {
			return nil, fmt.Errorf("between needs two different parties, got %q twice", ia.ID)
		}
		a, b = ia.ID, ib.ID
	}
	res := &ObligationsResult{Obligations: []ObligationRow{}}
	for _, ob := range ix.g.Obligations {
		st := statusOf(ob)
		if o.Status != "" && st != o.Status {
			continue
		}
		if bearer != "" && ob.Bearer != bearer {
			continue
		}
		if between && !(ob.Bearer == a && ob.Beneficiary == b) && !(ob.Bearer == b && ob.Beneficiary == a) {
			continue
		}
		res.Obligations = append(res.Obligations, ix.obligationRow(ob))
	}
	rank := func(r ObligationRow) int {
		if between && r.Bearer.ID == a {
			return 0
		}
		return 1
	}
	sort.SliceStable(res.Obligations, func(i, j int) bool {
		x, y := res.Obligations[i], res.Obligations[j]
		if rx, ry := rank(x), rank(y); rx != ry {
			return rx < ry
		}
		if x.Bearer.ID != y.Bearer.ID {
			return x.Bearer.ID < y.Bearer.ID
		}
		if x.Beneficiary.ID != y.Beneficiary.ID {
			return x.Beneficiary.ID < y.Beneficiary.ID
		}
		if sx, sy := statusRank(x.Status), statusRank(y.Status); sx != sy {
			return sx < sy
		}
		return x.ID < y.ID
	})
	if between {
		ra, rb := ix.ref(a), ix.ref(b)
		res.Between = []Ref{ra, rb}
		res.Balance = []Balance{{Bearer: ra, Beneficiary: rb}, {Bearer: rb, Beneficiary: ra}}
		for _, r := range res.Obligations {
			res.Balance[rank(r)].add(r.Status)
		}
	}
	return res, nil
}

func (ix *Index) obligationRow(ob graph.Obligation) ObligationRow {
	r := ObligationRow{
		ID:          ob.ID,
		Bearer:      ix.ref(ob.Bearer),
		Beneficiary: ix.ref(ob.Beneficiary),
		Duty:        ob.Duty,
		Status:      statusOf(ob),
		Condition:   ob.Condition,
		Since:       ob.Since.String(),
		Until:       ob.Until.String(),
		Quotes:      ob.Quotes,
		Section:     ob.Section,
		Sources:     ob.Sources,
	}
	if ob.Under != "" {
		u := ix.ref(ob.Under)
		r.Under = &u
	}
	return r
}

// ref names id with its label when the item is known and has a name.
func (ix *Index) ref(id string) Ref {
	r := Ref{ID: id}
	if i, ok := ix.byID[id]; ok {
		switch ix.items[i].Kind {
		case graph.KindParty, graph.KindAgreement, graph.KindEvent, graph.KindSource:
			r.Name = ix.items[i].Label
		}
	}
	return r
}

func statusRank(s string) int {
	for i, x := range graph.ObligationStatuses {
		if x == s {
			return i
		}
	}
	return len(graph.ObligationStatuses)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
