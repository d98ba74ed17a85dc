package query

import (
	"fmt"
	"sort"

	"github.com/factgraph/factgraph/graph"
)

// TimelineOptions bounds Timeline. A bound is a date at any precision; an entry is kept
// when any part of it falls within the bounds, so --from 1960-06 keeps an entry dated 1960.
type TimelineOptions struct {
	From string // YYYY, YYYY-MM or YYYY-MM-DD; "" for no lower bound
	To   string
}

// Entry is one dated fact on the timeline.
type Entry struct {
	Date      string `json:"date"`      // at the precision it was written in
	Precision string `json:"precision"` // year, month or day
	What      string `json:"what"`      // published, signed, in-force, happened, asserted, since, until
	Item      Item   `json:"item"`
	// Sources are the ids of the sources that state the date.
	Sources []string `json:"sources,omitempty"`
	date    graph.Date
}

// TimelineResult is the answer to Timeline: entries in date order (a bare year before
// the months and days within it), then by item id and what. Undated counts the items and
// relations that could carry a date but have none (parties never do), and so are not on it.
type TimelineResult struct {
	From    string  `json:"from,omitempty"`
	To      string  `json:"to,omitempty"`
	Entries []Entry `json:"entries"`
	Undated int     `json:"undated"`
}

// Timeline lists every dated item in order.
func Timeline(g *graph.Graph, o TimelineOptions) (*TimelineResult, error) {
	return NewIndex(g).Timeline(o)
}

// Check reports bounds that are not dates, or that leave no room between them, before
// anything is read.
func (o TimelineOptions) Check() error {
	_, _, err := o.bounds()
	return err
}

func (o TimelineOptions) bounds() (from, to graph.Date, err error) {
	if o.From != "" {
		if from, err = graph.ParseDate(o.From); err != nil {
			return from, to, fmt.Errorf("from: %w", err)
		}
	}
	if o.To != "" {
		if to, err = graph.ParseDate(o.To); err != nil {
			return from, to, fmt.Errorf("to: %w", err)
		}
	}
	if !from.IsZero() && !to.IsZero() && to.End().Before(from.Start()) {
		return from, to, fmt.Errorf("from %q is after to %q; swap them", o.From, o.To)
	}
	return from, to, nil
}

// Timeline is the package-level Timeline on an index already built.
func (ix *Index) Timeline(o TimelineOptions) (*TimelineResult, error) {
	from, to, err := o.bounds()
	if err != nil {
		return nil, err
	}
	res := &TimelineResult{From: o.From, To: o.To, Entries: []Entry{}}
	add := func(id string, sources []string, dates ...dated) {
		it, _ := ix.Item(id)
		some := false
		for _, dd := range dates {
			d := dd.date
			if d.IsZero() {
				continue
			}
			some = true
			if !from.IsZero() && d.End().Before(from.Start()) {
				continue
			}
			if !to.IsZero() && d.Start().After(to.End()) {
				continue
			}
			res.Entries = append(res.Entries, Entry{Date: d.String(), Precision: d.Precision.String(), What: dd.what, Item: it, Sources: sources, date: d})
		}
		if !some {
			res.Undated++
		}
	}
	g := ix.g
	for _, s := range g.Sources {
		add(s.ID, []string{s.ID}, dated{"published", s.Published})
	}
	for _, a := range g.Agreements {
		add(a.ID, a.Sources, dated{"signed", a.Signed}, dated{"in-force", a.InForce})
	}
	for _, e := range g.Events {
		add(e.ID, e.Sources, dated{"happened", e.Date})
	}
	for _, ob := range g.Obligations {
		add(ob.ID, ob.Sources, dated{"since", ob.Since}, dated{"until", ob.Until})
	}
	for _, cs := range [][]graph.Claim{g.Claims, g.Counterclaims} {
		for _, c := range cs {
			add(c.ID, c.Sources, dated{"asserted", c.Date})
		}
	}
	for _, r := range g.Relations {
		n := len(res.Entries)
		add("", r.Sources, dated{"since", r.Since}, dated{"until", r.Until})
		for k := n; k < len(res.Entries); k++ {
			res.Entries[k].Item = Item{ID: r.From + " " + r.Type + " " + r.To, Kind: graph.KindRelation, Type: r.Type, Label: ix.labelOf(r.From) + " " + r.Type + " " + ix.labelOf(r.To)}
		}
	}
	sort.SliceStable(res.Entries, func(i, j int) bool {
		a, b := res.Entries[i], res.Entries[j]
		if c := a.date.Compare(b.date); c != 0 {
			return c < 0
		}
		if a.Item.ID != b.Item.ID {
			return a.Item.ID < b.Item.ID
		}
		return whatRank(a.What) < whatRank(b.What)
	})
	return res, nil
}

// dated is one date of an item and what happened on it.
type dated struct {
	what string
	date graph.Date
}

func (ix *Index) labelOf(id string) string {
	if it, ok := ix.Item(id); ok && it.Label != "" && (it.Kind == graph.KindParty || it.Kind == graph.KindAgreement || it.Kind == graph.KindEvent) {
		return it.Label
	}
	return id
}

func whatRank(w string) int {
	for i, x := range []string{"published", "signed", "in-force", "happened", "asserted", "since", "until"} {
		if x == w {
			return i
		}
	}
	return 99
}
