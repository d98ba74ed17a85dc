package bench

import (
	"context"
	"os"
	"strconv"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/synth"
	"github.com/factgraph/factgraph/query"
	"github.com/factgraph/factgraph/store"
)

// countingStore counts the whole-store reads a targeted query falls back to.
type countingStore struct {
	*store.Store
	loads int
}

func (c *countingStore) Load(ctx context.Context, o store.LoadOptions) (*graph.Graph, error) {
	c.loads++
	return c.Store.Load(ctx, o)
}

// BenchmarkQueryTargeted runs the filtered queries as the command runs them: on the open
// bolt store, reading only what each needs through the store's indexes (query.ObligationsIn,
// ClaimsIn, NeighborsIn, PathIn). Opening the store is not timed. whole-reads/op counts the
// queries that fell back to reading the whole store (0 for every form here).
//
// FACTGRAPH_BENCH_STORE names a bolt store of the seed-1 corpus to use instead of building
// one, with FACTGRAPH_BENCH_ARTICLES its number of articles (compare.sh leaves one in its
// work folder as fg.db):
//
//	go test -run '^$' -bench QueryTargeted -benchtime 1x ./bench/
//	FACTGRAPH_BENCH_STORE=/tmp/cmp10k/fg.db FACTGRAPH_BENCH_ARTICLES=10000 \
//	    go test -run '^$' -bench QueryTargeted -benchtime 1x ./bench/
func BenchmarkQueryTargeted(b *testing.B) {
	ctx := context.Background()
	type benchStore struct {
		n    int
		path func(b *testing.B) string
	}
	var stores []benchStore
	if p := os.Getenv("FACTGRAPH_BENCH_STORE"); p != "" {
		n, err := strconv.Atoi(os.Getenv("FACTGRAPH_BENCH_ARTICLES"))
		if err != nil || n < 2 {
			b.Fatalf("FACTGRAPH_BENCH_ARTICLES=%q: give the number of articles of %q", os.Getenv("FACTGRAPH_BENCH_ARTICLES"), p)
		}
		stores = append(stores, benchStore{n, func(*testing.B) string { return p }})
	} else {
		for _, n := range sizes() {
			stores = append(stores, benchStore{n, func(b *testing.B) string { return getFixture(b, n).store }})
		}
	}
	for _, st := range stores {
		n := st.n
		gen := synth.NewGenerator(seed)
		a := gen.Article(n / 2).Facts
		pool0, pool1 := a.Parties[0].ID, a.Parties[1].ID // shared by hundreds of articles at 10k
		author := a.Parties[synth.SharedParties].ID      // local to the article
		pundit := a.Parties[synth.SharedParties+2].ID
		far := gen.Article(n - 1).Facts.Parties[synth.SharedParties+2].ID
		queries := []struct {
			name string
			run  func(r query.Reader) error
		}{
			{"obligations-bearer", func(r query.Reader) error {
				_, err := query.ObligationsIn(ctx, r, query.ObligationsOptions{Bearer: pool0})
				return err
			}},
			{"obligations-between", func(r query.Reader) error {
				_, err := query.ObligationsIn(ctx, r, query.ObligationsOptions{Between: [2]string{pool0, pool1}})
				return err
			}},
			{"claims-by", func(r query.Reader) error {
				_, err := query.ClaimsIn(ctx, r, query.ClaimsOptions{By: pundit})
				return err
			}},
			{"claims-about-obligation", func(r query.Reader) error {
				_, err := query.ClaimsIn(ctx, r, query.ClaimsOptions{About: a.Obligations[0].ID})
				return err
			}},
			{"claims-about-agreement", func(r query.Reader) error {
				_, err := query.ClaimsIn(ctx, r, query.ClaimsOptions{About: a.Agreements[0].ID})
				return err
			}},
			{"neighbors-local", func(r query.Reader) error {
				_, err := query.NeighborsIn(ctx, r, author, query.NeighborsOptions{})
				return err
			}},
			{"neighbors-local-depth2", func(r query.Reader) error {
				_, err := query.NeighborsIn(ctx, r, author, query.NeighborsOptions{Depth: 2})
				return err
			}},
			{"neighbors-shared", func(r query.Reader) error {
				_, err := query.NeighborsIn(ctx, r, pool0, query.NeighborsOptions{})
				return err
			}},
			{"neighbors-shared-allied-with", func(r query.Reader) error {
				_, err := query.NeighborsIn(ctx, r, pool0, query.NeighborsOptions{Type: "allied-with"})
				return err
			}},
			{"path", func(r query.Reader) error {
				_, err := query.PathIn(ctx, r, pundit, far, query.PathOptions{})
				return err
			}},
			{"path-all", func(r query.Reader) error {
				_, err := query.PathIn(ctx, r, author, pundit, query.PathOptions{All: true})
				return err
			}},
		}
		for _, q := range queries {
			b.Run(sizeName(n)+"/"+q.name, func(b *testing.B) {
				s, err := store.Open(ctx, st.path(b), &store.OpenOptions{ReadOnly: true})
				if err != nil {
					b.Fatal(err)
				}
				defer s.Close()
				r := &countingStore{Store: s}
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					if err := q.run(r); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(r.loads)/float64(b.N), "whole-reads/op")
			})
		}
	}
}
