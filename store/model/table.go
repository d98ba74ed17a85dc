package model

import (
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"github.com/factgraph/factgraph/graph"
)

// Table holds every quad of a store once, its values interned: reading a whole store
// resolves each distinct value once, however many quads hold it.
type Table struct {
	Values []quad.Value // values[0] is nil, the label of an unlabelled quad
	Quads  [][4]uint32  // subject, predicate, object and label, as indices into values
}

// Groups are the quads of a table by source: the quads of source ids[k] are
// t.Quads[order[start[k]:start[k+1]]], in table order. Quads under a label that is not a
// source's IRI are left out.
type Groups struct {
	t     *Table
	IDs   []string
	order []int32
	start []int
}

// GroupBySource groups the quads of t by source. It keeps the table compact (four value
// indices a quad) rather than a quad.Quad each, four times the size: each source is
// decoded from it (Decode).
func GroupBySource(t *Table) *Groups {
	// source[i] is, for value i as a label, 0 when not seen yet, -1 when it is not a
	// source's IRI, and k+1 when it is the label of ids[k].
	source := make([]int32, len(t.Values))
	g := &Groups{t: t}
	var count []int
	for _, q := range t.Quads {
		k := source[q[3]]
		if k == 0 {
			k = -1
			if l, ok := t.Values[q[3]].(quad.IRI); ok && strings.HasPrefix(string(l), SourcePrefix) {
				g.IDs = append(g.IDs, strings.TrimPrefix(string(l), SourcePrefix))
				count = append(count, 0)
				k = int32(len(g.IDs))
			}
			source[q[3]] = k
		}
		if k > 0 {
			count[k-1]++
		}
	}
	g.start = make([]int, len(g.IDs)+1)
	for k, n := range count {
		g.start[k+1] = g.start[k] + n
	}
	g.order = make([]int32, g.start[len(g.IDs)])
	next := append([]int(nil), g.start[:len(g.IDs)]...)
	for i, q := range t.Quads {
		if k := source[q[3]]; k > 0 {
			g.order[next[k-1]] = int32(i)
			next[k-1]++
		}
	}
	return g
}

// Decode decodes the quads of source IDs[k] (model.Decode), straight from the table, and
// returns how many there are: making them quads first took a whole-store read of 10,000
// articles 0.8 s of CPU, and grouping them by subject text 0.5 s more.
func (g *Groups) Decode(k int) (*graph.Facts, int, error) {
	id := g.IDs[k]
	idx := g.order[g.start[k]:g.start[k+1]]
	d := &decoder{label: string(SourceIRI(id))}
	var gr grouper[uint32]
	gr.start(len(idx))
	for i, n := range idx {
		q := g.t.Quads[n]
		s, ok1 := g.t.Values[q[0]].(quad.IRI)
		_, ok2 := g.t.Values[q[1]].(quad.IRI)
		if !ok1 || !ok2 {
			d.fail("quad %s does not belong to source %q", g.quad(n).String(), id)
			gr.skip(i)
			continue
		}
		gr.add(i, q[0], string(s))
	}
	d.nodes = gr.nodes(func(i int) predValue {
		q := g.t.Quads[idx[i]]
		return predValue{g.t.Values[q[1]].(quad.IRI), g.t.Values[q[2]]}
	})
	f, err := d.facts(id)
	return f, len(idx), err
}

func (g *Groups) quad(n int32) quad.Quad {
	q := g.t.Quads[n]
	return quad.Quad{Subject: g.t.Values[q[0]], Predicate: g.t.Values[q[1]], Object: g.t.Values[q[2]], Label: g.t.Values[q[3]]}
}

// UnmarshalValue decodes a value as Cayley's pquads writes it: pquads.UnmarshalValue,
// which panics on a value of no known kind, with an error instead.
func UnmarshalValue(b []byte) (v quad.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, fmt.Errorf("value of no known kind: %v", r)
		}
	}()
	return pquads.UnmarshalValue(b)
}
