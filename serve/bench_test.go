package serve_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/factgraph/factgraph/export/html"
	"github.com/factgraph/factgraph/internal/browsertest"
	"github.com/factgraph/factgraph/internal/heap"
	"github.com/factgraph/factgraph/internal/synth"
	"github.com/factgraph/factgraph/serve"
	"github.com/factgraph/factgraph/store"
)

// BenchmarkServe times the answers a page asks for on a synthetic store (cmd/synth, seed 1)
// whose hub, the shared party the most articles state, has links in every article: the
// view around it (its first page of links, as the page asks at start and when a node is
// expanded), the item whole, a search, and the page itself. The store is built for the run
// with 500 articles unless FACTGRAPH_BENCH_STORE names one of FACTGRAPH_BENCH_ARTICLES
// articles. nodes/op is the size of the answer.
//
//	go test -run '^$' -bench Serve -benchtime 10x ./serve/
//	FACTGRAPH_BENCH_STORE=/tmp/10k.db FACTGRAPH_BENCH_ARTICLES=10000 go test -run '^$' -bench Serve ./serve/
func BenchmarkServe(b *testing.B) {
	defer heap.Query()()
	s, n := benchStore(b)
	hub := hubParty(n, 1)
	srv, err := serve.New(context.Background(), s, serve.Options{})
	if err != nil {
		b.Fatal(err)
	}
	h := srv.Handler()
	ask := func(b *testing.B, path string) []byte {
		req := httptest.NewRequest(http.MethodGet, "http://127.0.0.1:8080"+path, nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatalf("%s: %d %s", path, rec.Code, rec.Body.Bytes())
		}
		return rec.Body.Bytes()
	}
	size := strconv.Itoa(n)
	for _, tt := range []struct{ name, path string }{
		{"focus-hub-full", "/api/graph?focus=" + hub.ID},
		{"focus-hub-parties", "/api/graph?view=parties&focus=" + hub.ID},
		{"item-hub", "/api/item?id=" + hub.ID},
		{"search", "/api/search?q=" + url.QueryEscape(hub.Name[:4])},
		{"page", "/"},
	} {
		b.Run(size+"/"+tt.name, func(b *testing.B) {
			var body []byte
			b.ReportAllocs()
			for b.Loop() {
				body = ask(b, tt.path)
			}
			if strings.HasPrefix(tt.name, "focus") {
				v := decode[html.View](b, body)
				b.ReportMetric(float64(len(v.Nodes)), "nodes/op")
			}
			b.ReportMetric(float64(len(body)), "bytes/op")
		})
	}
}

// benchStore is the store the benchmarks read, and how many articles it holds: a synthetic
// store of 500 articles built for the run, or FACTGRAPH_BENCH_STORE of
// FACTGRAPH_BENCH_ARTICLES articles (cmd/synth, seed 1).
func benchStore(b *testing.B) (*store.Store, int) {
	path, n := os.Getenv("FACTGRAPH_BENCH_STORE"), 0
	fmt.Sscan(os.Getenv("FACTGRAPH_BENCH_ARTICLES"), &n)
	if path == "" {
		n = 500
		dir := b.TempDir()
		c, err := synth.Write(context.Background(), synth.Options{Dir: filepath.Join(dir, "corpus"), Articles: n, Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		return boltStore(b, c.Files...), n
	}
	if n < 1 {
		b.Fatal("give the number of articles of FACTGRAPH_BENCH_STORE in FACTGRAPH_BENCH_ARTICLES")
	}
	return openStore(b, path), n
}

// BenchmarkServedFirstPage opens the page that serve --focus HUB sends, in Chromium, again
// and again, on the store BenchmarkServe reads, and reports how long after the start of its
// navigation the page had drawn the first page of the hub's links and took input
// (ms-to-interactive, by the page's own clock), as a user waits for it.
//
//	FACTGRAPH_BENCH_STORE=/tmp/10k.db FACTGRAPH_BENCH_ARTICLES=10000 go test -run '^$' -bench ServedFirstPage -benchtime 5x ./serve/
func BenchmarkServedFirstPage(b *testing.B) {
	s, n := benchStore(b)
	hub := hubParty(n, 1)
	ts := server(b, s, serve.Options{Focus: hub.ID})
	tab := browsertest.New(b)
	var total, nodes float64
	for b.Loop() {
		tab.Do(b, chromedp.Navigate("about:blank"))
		tab.Open(b, ts.URL+"/")
		total += browsertest.Eval[float64](b, tab, `window.factgraph.readyAt`)
		nodes += browsertest.Eval[float64](b, tab, `factgraph.graph.order`)
	}
	b.ReportMetric(total/float64(b.N), "ms-to-interactive")
	b.ReportMetric(nodes/float64(b.N), "nodes/op")
	b.ReportMetric(0, "ns/op")
}
