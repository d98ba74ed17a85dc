package store

import (
	"context"
	"reflect"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// TestParallelReads checks that walks give the same graphs whether their lookups in the
// link index, their reads of items ahead and of the labels of a listing, and the decoding
// of what they read run on one goroutine or two.
func TestParallelReads(t *testing.T) {
	ctx := context.Background()
	s := newBolt(t)
	ingest(t, s, bulkCorpus()...)
	items := storeItems(t, s)
	if len(items) < 20 {
		t.Fatalf("only %d items", len(items))
	}
	defer func(n, m, d int) { parallelMin, readAheadMin, decodeParallelMin = n, m, d }(parallelMin, readAheadMin, decodeParallelMin)
	load := func(min int) []*graph.Graph {
		parallelMin, readAheadMin, decodeParallelMin = min, min, min
		var out []*graph.Graph
		for i, from := range items {
			if i%3 != 0 {
				continue
			}
			to := items[(i*7+5)%len(items)]
			g, err := s.LoadBetween(ctx, from, to, BetweenOptions{})
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, g)
			if g, err = s.LoadSketch(ctx, []string{from}, SketchOptions{Whole: items[i/2 : i/2+3], Labels: items}); err != nil {
				t.Fatal(err)
			}
			out = append(out, g)
			if g, err = s.LoadAround(ctx, []string{from, to, items[i/2]}, AroundOptions{Depth: 1, Names: true}); err != nil {
				t.Fatal(err)
			}
			out = append(out, g)
		}
		return out
	}
	serial, parallel := load(1<<30), load(2)
	if !reflect.DeepEqual(serial, parallel) {
		for i := range serial {
			if !reflect.DeepEqual(serial[i], parallel[i]) {
				t.Fatalf("graph %d differs with reads on two goroutines:\n%+v\nwant\n%+v", i, parallel[i], serial[i])
			}
		}
	}
}
