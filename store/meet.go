package store

import (
	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/store/model"
)

// meetMin is the fewest items of a layer of a path search that it looks through for
// meetings before it expands them (a variable for tests). A layer without one is then
// expanded as any other: on bolt the look cost a scan of its link entries without
// decoding them; on PostgreSQL it read the rows the expansion reads first, without making
// entries of them; elsewhere it read the entries the expansion reads first.
var meetMin = 256

// meetings returns, for the items ids (the last layer of one ball of a path search), the
// items their links lead to that the other ball holds (there) and this one does not
// (here), each once in the order found, and the ids that have such a link (from). Those
// are the meetings that expanding the layer would find (the links it follows, by
// links' rules), without the rest of the expansion: the kinds of every item the links
// lead to, which an item of a ball needs no look-up for, and the links kept for each
// item. When two balls meet, that layer is the last and the largest of the search: a path
// across 10,000 articles met in a layer of 8,171 items and 58,753 link entries, for 145
// meetings.
func (w *walker) meetings(ids []string, here, there map[string]int) (meet, from []string, err error) {
	br, err := w.linkIndex()
	if err != nil {
		return nil, nil, err
	}
	if _, ok := br.(endScanner); ok {
		return w.scanMeetings(ids, here, there)
	}
	if l, ok := br.(endLister); ok {
		return w.listMeetings(l, ids, here, there)
	}
	if err := w.prefetchEnds(ids); err != nil {
		return nil, nil, err
	}
	hits := make([][]string, len(ids))
	for i, id := range ids {
		ends, exists, err := w.linkEnds(id)
		if err != nil {
			return nil, nil, err
		}
		if !exists {
			continue
		}
		try := func(to string) {
			if _, ok := there[to]; !ok {
				return
			}
			if _, ok := here[to]; ok {
				return // the item itself, or another of this ball
			}
			hits[i] = append(hits[i], to)
		}
		for _, e := range ends {
			follows, owes := followed(e.Out, quad.IRI(e.Pred))
			if !follows {
				continue
			}
			try(e.Other)
			if owes != "" {
				o, err := w.firstRef(e.Other, owes)
				if err != nil {
					return nil, nil, err
				}
				if o != "" {
					try(o)
				}
			}
		}
	}
	meet, from = gatherMeetings(ids, hits)
	return meet, from, nil
}

// gatherMeetings returns the meetings hits holds, each once in the order of ids and of
// each item's hits, and the ids that have any: hits[i] are the meetings that the links of
// ids[i] lead to.
func gatherMeetings(ids []string, hits [][]string) (meet, from []string) {
	found := map[string]bool{}
	for i, tos := range hits {
		if len(tos) == 0 {
			continue
		}
		from = append(from, ids[i])
		for _, to := range tos {
			if !found[to] {
				found[to] = true
				meet = append(meet, to)
			}
		}
	}
	return meet, from
}

// followed says whether links follows an end of a link with the predicate p (out: the item
// whose links they are is its subject) to the other end: a reference either way, or a
// relation either way. For a reference to the item by a duty as its bearer or beneficiary,
// owes is the duty's field that names the party it owes to or is owed by, which links
// follows too ("" otherwise).
func followed(out bool, p quad.IRI) (follows bool, owes quad.IRI) {
	switch {
	case out && model.IsRef(p), model.IsRelationType(p):
		return true, ""
	case model.IsRef(p):
		return true, owedThrough(out, p)
	}
	return false, ""
}

// owedThrough returns, for an end that names a duty the item bears or is owed (a
// reference to the item by the duty's bearer or beneficiary field), the duty's field that
// names the party at its other end; "" for any other end.
func owedThrough(out bool, p quad.IRI) quad.IRI {
	if out {
		return ""
	}
	switch p {
	case model.Bearer:
		return model.Beneficiary
	case model.Beneficiary:
		return model.Bearer
	}
	return ""
}

// endScanner is a reader that hands over the ends of an item's links as bytes, without
// decoding them (boltstore.Reader).
type endScanner interface {
	EachLinkEnd(item quad.IRI, fn func(out bool, pred, other []byte))
}

// scanMeetings is meetings on a reader that scans the ends of links as bytes, on two
// goroutines when the items are many: an end is looked up in there, and becomes a string
// only when it is a meeting. The 58,753 ends of a path's last layer were otherwise
// decoded, each with its strings found in the walk's, for 145 meetings.
func (w *walker) scanMeetings(ids []string, here, there map[string]int) (meet, from []string, err error) {
	hits := make([][]string, len(ids)) // the meetings each item's links lead to, in order
	err = w.split(len(ids), parallelMin, func(r indexReader, lo, hi int) error {
		sc := r.(endScanner)
		preds := map[string]quad.IRI{} // each predicate once
		for i := lo; i < hi; i++ {
			id := ids[i]
			try := func(to []byte) {
				if _, ok := there[string(to)]; !ok {
					return
				}
				if _, ok := here[string(to)]; ok {
					return // the item itself, or another of this ball
				}
				hits[i] = append(hits[i], string(to))
			}
			sc.EachLinkEnd(model.ItemIRI(id), func(out bool, pb, other []byte) {
				p, ok := preds[string(pb)]
				if !ok {
					p = quad.IRI(pb)
					preds[string(p)] = p
				}
				follows, owes := followed(out, p)
				if !follows {
					return
				}
				try(other)
				if owes != "" {
					if o := r.FirstLinked(model.ItemIRI(string(other)), owes); o != "" {
						try([]byte(o))
					}
				}
			})
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	meet, from = gatherMeetings(ids, hits)
	return meet, from, w.ctx.Err()
}

// endLister is a reader that reads what the link index lists under many items in one
// request (preloader) and hands over the ends of their links as it read them, without
// making them into entries (pgstore.Reader).
type endLister interface {
	EachEnd(item quad.IRI, fn func(out bool, pred, other string))
}

// listMeetings is meetings on a reader that lists the ends of links as it read them: the
// ends of the layer's items in one request, then those of the duties that they bear or
// are owed in another, for the party at their other end. No item's ends are made into
// entries, sorted and each once, which the links of the items that meet read later and
// the expansion of a layer without meetings reads as it would have.
func (w *walker) listMeetings(l endLister, ids []string, here, there map[string]int) (meet, from []string, err error) {
	if err := w.preload(ids); err != nil {
		return nil, nil, err
	}
	hits := make([][]string, len(ids)) // the meetings each item's links lead to
	try := func(i int, to string) {
		if _, ok := there[to]; !ok {
			return
		}
		if _, ok := here[to]; ok {
			return // the item itself, or another of this ball
		}
		hits[i] = append(hits[i], to)
	}
	// A duty the item bears or is owed leads to the party at its other end too.
	type owed struct {
		i    int
		duty string
		owes quad.IRI
	}
	var later []owed
	for i, id := range ids {
		l.EachEnd(model.ItemIRI(id), func(out bool, pred, other string) {
			// Most ends lead out of the other ball, and to no duty: those are passed over
			// with one look-up.
			_, in := there[other]
			if !in && owedThrough(out, quad.IRI(pred)) == "" {
				return
			}
			follows, owes := followed(out, quad.IRI(pred))
			if !follows {
				return
			}
			if in {
				try(i, other)
			}
			if owes != "" {
				later = append(later, owed{i, other, owes})
			}
		})
	}
	if err := w.readErr(); err != nil {
		return nil, nil, err
	}
	duties := make([]string, len(later))
	for k, o := range later {
		duties[k] = o.duty
	}
	if err := w.preload(duties); err != nil {
		return nil, nil, err
	}
	for _, o := range later {
		to, err := w.firstRef(o.duty, o.owes)
		if err != nil {
			return nil, nil, err
		}
		if to != "" {
			try(o.i, to)
		}
	}
	meet, from = gatherMeetings(ids, hits)
	return meet, from, w.readErr()
}
