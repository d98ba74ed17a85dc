package serve_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/ingest"
	"github.com/factgraph/factgraph/internal/fixture"
	"github.com/factgraph/factgraph/internal/synth"
	"github.com/factgraph/factgraph/serve"
	"github.com/factgraph/factgraph/store"
)

// flagshipStore ingests the flagship sample into a bolt store of its own, and returns it
// open for reading, as factgraph serve opens it.
func flagshipStore(t testing.TB) *store.Store {
	t.Helper()
	return boltStore(t, fixture.FlagshipPath(t))
}

func boltStore(t testing.TB, paths ...string) *store.Store {
	t.Helper()
	return ingestedStore(t, filepath.Join(t.TempDir(), "factgraph.db"), paths...)
}

// ingestedStore ingests the facts files paths into the new store at addr, and returns it
// open for reading.
func ingestedStore(t testing.TB, addr string, paths ...string) *store.Store {
	t.Helper()
	ctx := context.Background()
	files, err := ingest.Load(ctx, paths, nil)
	if err != nil {
		t.Fatal(err)
	}
	w, err := store.Open(ctx, addr, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Ingest(ctx, ingest.AllFacts(files)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return openStore(t, addr)
}

func openStore(t testing.TB, path string) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), path, &store.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// memStore holds the facts in memory.
func memStore(t testing.TB, facts ...*graph.Facts) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), "mem:", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Ingest(context.Background(), facts); err != nil {
		t.Fatal(err)
	}
	return s
}

// server serves s on a test server and returns its address.
func server(t testing.TB, s *store.Store, opts serve.Options) *httptest.Server {
	t.Helper()
	_, ts := serveStore(t, s, opts)
	return ts
}

// serveStore serves s on a test server, and returns the server with its address.
func serveStore(t testing.TB, s *store.Store, opts serve.Options) (*serve.Server, *httptest.Server) {
	t.Helper()
	srv, err := serve.New(context.Background(), s, opts)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return srv, ts
}

// get asks the server for path and returns the status and the body.
func get(t testing.TB, ts *httptest.Server, path string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, ts.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.URL.Opaque = path // as written: no cleaning, no escaping
	client := *ts.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b
}

func decode[T any](t testing.TB, b []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("answer does not parse: %v\n%s", err, b)
	}
	return v
}

// memFlagship is the flagship sample in a memory store, as serve FILE... makes it.
func memFlagship(t testing.TB) *store.Store {
	t.Helper()
	files, err := ingest.Load(context.Background(), []string{fixture.FlagshipPath(t)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return memStore(t, ingest.AllFacts(files)...)
}

// hubParty is the shared party that the most of the first n articles of the synthetic
// corpus of seed state, ties by id: the party a large store links most.
func hubParty(n int, seed uint64) graph.Party {
	gen := synth.NewGenerator(seed)
	count := map[string]int{}
	parties := map[string]graph.Party{}
	for i := 0; i < n; i++ {
		for _, p := range gen.Article(i).Facts.Parties[:synth.SharedParties] {
			count[p.ID]++
			parties[p.ID] = p
		}
	}
	best := ""
	for id, c := range count {
		if best == "" || c > count[best] || c == count[best] && id < best {
			best = id
		}
	}
	return parties[best]
}
