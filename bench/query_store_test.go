package bench

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/heap"
	"github.com/factgraph/factgraph/internal/synth"
	"github.com/factgraph/factgraph/query"
	"github.com/factgraph/factgraph/store"
)

var (
	storeFlag    = flag.String("store", "", "a bolt store of the seed-1 synthetic corpus for BenchmarkQueryStore (default: $FACTGRAPH_BENCH_STORE, else a 1k store built for the run)")
	articlesFlag = flag.Int("articles", 0, "the number of articles of -store (default: $FACTGRAPH_BENCH_ARTICLES)")
)

// BenchmarkQueryStore times every targeted query form as "factgraph query" runs it on a
// store that is already open: the query (query.ObligationsIn, ClaimsIn, NeighborsIn, PathIn)
// and writing its text to io.Discard, with the collector set as the command sets it
// (internal/heap). Opening the store is not timed. Each form is asked
// about a hub (the shared-pool party that the most articles state), a rare party (one
// article's commentator), a rarely stated pool party and the most stated agreement, by id
// and by name. whole-reads/op counts the whole-store reads the query fell back to; lines/op
// is the size of the answer.
//
//	go test -run '^$' -bench QueryStore -benchtime 1x ./bench/
//	go test -run '^$' -bench QueryStore -benchtime 5x ./bench/ -args -store /tmp/10k.db -articles 10000
func BenchmarkQueryStore(b *testing.B) {
	ctx := context.Background()
	// The collector as the query commands set it.
	defer heap.Targeted()()
	path, n := *storeFlag, *articlesFlag
	if path == "" {
		path = os.Getenv("FACTGRAPH_BENCH_STORE")
	}
	if n == 0 {
		fmt.Sscan(os.Getenv("FACTGRAPH_BENCH_ARTICLES"), &n)
	}
	if path == "" {
		n = 1000
		path = getFixture(b, n).store
	}
	if n < 2 {
		b.Fatalf("give the number of articles of the store %q with -articles or FACTGRAPH_BENCH_ARTICLES", path)
	}
	f := newForms(n)
	run := func(name string, q func(r query.Reader) (interface{ WriteText(io.Writer, int) error }, error)) {
		b.Run(sizeName(n)+"/"+name, func(b *testing.B) {
			s, err := store.Open(ctx, path, &store.OpenOptions{ReadOnly: true})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			r := &countingStore{Store: s}
			var lines lineCounter
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				res, err := q(r)
				if err != nil {
					b.Fatal(err)
				}
				if err := res.WriteText(&lines, query.DefaultWidth); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(r.loads)/float64(b.N), "whole-reads/op")
			b.ReportMetric(float64(lines)/float64(b.N), "lines/op")
		})
	}
	type printable = interface{ WriteText(io.Writer, int) error }
	// Obligations and claims for a table, as the commands ask without --json.
	obl := func(name string, o query.ObligationsOptions) {
		o.TextOnly = true
		run(name, func(r query.Reader) (printable, error) { return query.ObligationsIn(ctx, r, o) })
	}
	clm := func(name string, o query.ClaimsOptions) {
		o.TextOnly = true
		run(name, func(r query.Reader) (printable, error) { return query.ClaimsIn(ctx, r, o) })
	}
	nbr := func(name, ref string, o query.NeighborsOptions) {
		run(name, func(r query.Reader) (printable, error) { return query.NeighborsIn(ctx, r, ref, o) })
	}
	pth := func(name, from, to string) {
		run(name, func(r query.Reader) (printable, error) { return query.PathIn(ctx, r, from, to, query.PathOptions{}) })
	}
	obl("obligations-bearer-hub", query.ObligationsOptions{Bearer: f.hub.ID})
	obl("obligations-bearer-hub-name", query.ObligationsOptions{Bearer: f.hub.Name})
	obl("obligations-bearer-rare-pool", query.ObligationsOptions{Bearer: f.rarePool.ID})
	obl("obligations-between-hub", query.ObligationsOptions{Between: [2]string{f.hub.ID, f.hub2.ID}})
	alias := f.hub.Name
	if len(f.hub.Aliases) > 0 {
		alias = f.hub.Aliases[0]
	}
	obl("obligations-between-hub-alias", query.ObligationsOptions{Between: [2]string{alias, f.hub2.ID}})
	// Claims as the command lists them (--limit 100), and all of them (--limit 0).
	const threads = 100
	clm("claims-by-rare", query.ClaimsOptions{By: f.rare.ID, Limit: threads})
	clm("claims-by-rare-name", query.ClaimsOptions{By: f.rare.Name, Limit: threads})
	clm("claims-by-hub", query.ClaimsOptions{By: f.hub.ID, Limit: threads})
	clm("claims-about-hub", query.ClaimsOptions{About: f.hub.ID, Limit: threads})
	clm("claims-about-agreement", query.ClaimsOptions{About: f.agreement.ID, Limit: threads})
	clm("claims-about-agreement-name", query.ClaimsOptions{About: f.agreement.Name, Limit: threads})
	clm("claims-by-hub-all", query.ClaimsOptions{By: f.hub.ID})
	clm("claims-about-agreement-all", query.ClaimsOptions{About: f.agreement.ID})
	// Neighbours as the command lists them (--limit 1000), and all of them (--limit 0).
	const limit = 1000
	for _, d := range []int{1, 2} {
		nbr(fmt.Sprintf("neighbors-hub-depth%d", d), f.hub.ID, query.NeighborsOptions{Depth: d, Limit: limit})
		nbr(fmt.Sprintf("neighbors-rare-pool-depth%d", d), f.rarePool.ID, query.NeighborsOptions{Depth: d, Limit: limit})
		nbr(fmt.Sprintf("neighbors-rare-depth%d", d), f.rare.ID, query.NeighborsOptions{Depth: d, Limit: limit})
		nbr(fmt.Sprintf("neighbors-agreement-depth%d", d), f.agreement.ID, query.NeighborsOptions{Depth: d, Limit: limit})
	}
	nbr("neighbors-hub-depth1-all", f.hub.ID, query.NeighborsOptions{})
	nbr("neighbors-rare-pool-depth2-all", f.rarePool.ID, query.NeighborsOptions{Depth: 2})
	nbr("neighbors-hub-name-depth1", f.hub.Name, query.NeighborsOptions{Limit: limit})
	nbr("neighbors-rare-name-depth1", f.rare.Name, query.NeighborsOptions{Limit: limit})
	pth("path-hub-rare", f.hub.ID, f.rare.ID)
	pth("path-rare-far", f.rare.ID, f.far.ID)
	pth("path-rare-pool-agreement", f.rarePool.ID, f.agreement.ID)
	pth("path-rare-name-far", f.rare.Name, f.far.ID)
}

// forms are the items BenchmarkQueryStore asks about, found from the corpus generator.
type forms struct {
	hub, hub2, rarePool, rare, far graph.Party
	agreement                      graph.Agreement
}

func newForms(n int) forms {
	gen := synth.NewGenerator(seed)
	parties := map[string]graph.Party{}
	agreements := map[string]graph.Agreement{}
	pc, ac := map[string]int{}, map[string]int{}
	for i := 0; i < n; i++ {
		a := gen.Article(i).Facts
		for _, p := range a.Parties[:synth.SharedParties] {
			parties[p.ID] = p
			pc[p.ID]++
		}
		for _, x := range a.Agreements {
			agreements[x.ID] = x
			ac[x.ID]++
		}
	}
	// Most stated first, ties by id.
	rank := func(c map[string]int) []string {
		ids := make([]string, 0, len(c))
		for id := range c {
			ids = append(ids, id)
		}
		sort.Slice(ids, func(i, j int) bool {
			if c[ids[i]] != c[ids[j]] {
				return c[ids[i]] > c[ids[j]]
			}
			return ids[i] < ids[j]
		})
		return ids
	}
	pr, ar := rank(pc), rank(ac)
	var f forms
	f.hub, f.hub2 = parties[pr[0]], parties[pr[1]]
	f.rarePool = parties[pr[len(pr)-1]]
	f.agreement = agreements[ar[0]]
	f.rare = gen.Article(n / 2).Facts.Parties[synth.SharedParties+2]
	f.far = gen.Article(n - 1).Facts.Parties[synth.SharedParties+2]
	return f
}

// lineCounter counts the lines written to it.
type lineCounter int

func (c *lineCounter) Write(p []byte) (int, error) {
	for _, b := range p {
		if b == '\n' {
			*c++
		}
	}
	return len(p), nil
}
