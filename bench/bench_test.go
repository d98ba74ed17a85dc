package bench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/factgraph/factgraph/export"
	_ "github.com/factgraph/factgraph/export/all"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/ingest"
	"github.com/factgraph/factgraph/internal/synth"
	"github.com/factgraph/factgraph/query"
	"github.com/factgraph/factgraph/store"
	"github.com/factgraph/factgraph/store/storetest"
)

const seed = 1

// sizes are the corpus sizes to measure: 1k always, 10k on request (it takes minutes).
func sizes() []int {
	if os.Getenv("FACTGRAPH_BENCH_10K") != "" {
		return []int{1000, 10000}
	}
	return []int{1000}
}

func sizeName(n int) string { return fmt.Sprintf("%dk", n/1000) }

var tmpRoot string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "factgraph-bench-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	tmpRoot = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// fixture is a written corpus and a bolt store holding it, built once per size.
type fixture struct {
	files []string
	store string // bolt path
	graph *graph.Graph
	err   error
}

var (
	fixturesMu sync.Mutex
	fixtures   = map[int]*fixture{}
)

func getFixture(b *testing.B, n int) *fixture {
	b.Helper()
	fixturesMu.Lock()
	defer fixturesMu.Unlock()
	if f, ok := fixtures[n]; ok {
		if f.err != nil {
			b.Fatal(f.err)
		}
		return f
	}
	f := &fixture{}
	fixtures[n] = f
	f.err = f.build(n)
	if f.err != nil {
		b.Fatal(f.err)
	}
	return f
}

func (f *fixture) build(n int) error {
	ctx := context.Background()
	dir := filepath.Join(tmpRoot, sizeName(n))
	c, err := synth.Write(ctx, synth.Options{Dir: filepath.Join(dir, "corpus"), Articles: n, Seed: seed})
	if err != nil {
		return err
	}
	f.files = c.Files
	f.store = filepath.Join(dir, "factgraph.db")
	if err := ingestFiles(ctx, f.store, f.files); err != nil {
		return err
	}
	s, err := store.Open(ctx, f.store, &store.OpenOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer s.Close()
	f.graph, err = s.Load(ctx, store.LoadOptions{})
	return err
}

// ingestFiles does what "factgraph ingest" does: validate against the store, then store.
func ingestFiles(ctx context.Context, addr string, paths []string) error {
	s, err := store.Open(ctx, addr, nil)
	if err != nil {
		return err
	}
	files, err := ingest.Load(ctx, paths, s)
	if err != nil {
		s.Close()
		return err
	}
	facts := ingest.AllFacts(files)
	if _, err := s.Ingest(ctx, facts); err != nil {
		s.Close()
		return err
	}
	return s.Close()
}

// BenchmarkValidate reads and checks the corpus without a store.
func BenchmarkValidate(b *testing.B) {
	for _, n := range sizes() {
		b.Run(sizeName(n), func(b *testing.B) {
			f := getFixture(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := ingest.Load(context.Background(), f.files, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkIngest ingests the whole corpus into a new bolt store, as "factgraph ingest"
// does (a bulk load), and at 1k into a store that is not new (through Cayley's deltas); on
// PostgreSQL too (1k only) when FACTGRAPH_TEST_POSTGRES is set.
func BenchmarkIngest(b *testing.B) {
	for _, n := range sizes() {
		b.Run(sizeName(n)+"/bolt", func(b *testing.B) {
			f := getFixture(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				path := filepath.Join(b.TempDir(), "factgraph.db")
				if err := ingestFiles(context.Background(), path, f.files); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	// A store that holds one article already is written through Cayley's deltas, not
	// loaded in bulk as a new store is.
	b.Run("1k/bolt-not-new", func(b *testing.B) {
		f := getFixture(b, 1000)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			path := filepath.Join(b.TempDir(), "factgraph.db")
			if err := ingestFiles(context.Background(), path, f.files[:1]); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if err := ingestFiles(context.Background(), path, f.files); err != nil {
				b.Fatal(err)
			}
		}
	})
	base := os.Getenv(storetest.EnvPostgres)
	if base == "" {
		return
	}
	b.Run("1k/postgres", func(b *testing.B) {
		f := getFixture(b, 1000)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			addr := storetest.FreshPostgres(b, base)
			b.StartTimer()
			if err := ingestFiles(context.Background(), addr, f.files); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkReingestOne changes one article of a full store and ingests it again: the cost
// should follow the article, not the store.
func BenchmarkReingestOne(b *testing.B) {
	ctx := context.Background()
	for _, n := range sizes() {
		b.Run(sizeName(n), func(b *testing.B) {
			f := getFixture(b, n)
			dir := b.TempDir()
			store := filepath.Join(dir, "factgraph.db")
			if err := copyFile(store, f.store); err != nil {
				b.Fatal(err)
			}
			// Two versions of one article, ingested in turn, so every ingest changes it.
			a := synth.NewGenerator(seed).Article(n / 2)
			var versions []string
			for v := 0; v < 2; v++ {
				a.Facts.Claims[0].Says = fmt.Sprintf("Version %d of what the first claim says.", v)
				path := filepath.Join(dir, fmt.Sprintf("v%d", v), a.Name+".yaml")
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					b.Fatal(err)
				}
				var buf bytes.Buffer
				if err := a.WriteYAML(&buf); err != nil {
					b.Fatal(err)
				}
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					b.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(filepath.Dir(path), a.Facts.Source.Text), []byte(a.Text), 0o644); err != nil {
					b.Fatal(err)
				}
				versions = append(versions, path)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := ingestFiles(ctx, store, versions[i%2:i%2+1]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLoad opens the bolt store and reads it into the merged graph every export and
// query works on.
func BenchmarkLoad(b *testing.B) {
	ctx := context.Background()
	for _, n := range sizes() {
		b.Run(sizeName(n), func(b *testing.B) {
			f := getFixture(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				s, err := store.Open(ctx, f.store, &store.OpenOptions{ReadOnly: true})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := s.Load(ctx, store.LoadOptions{}); err != nil {
					b.Fatal(err)
				}
				s.Close()
			}
		})
	}
}

// BenchmarkExport writes the full view in every registered format from the loaded graph.
func BenchmarkExport(b *testing.B) {
	ctx := context.Background()
	for _, n := range sizes() {
		for _, format := range export.Formats() {
			b.Run(sizeName(n)+"/"+format.Name, func(b *testing.B) {
				f := getFixture(b, n)
				var s *store.Store
				if format.FromStore() {
					var err error
					if s, err = store.Open(ctx, f.store, &store.OpenOptions{ReadOnly: true}); err != nil {
						b.Fatal(err)
					}
					defer s.Close()
				}
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					if err := writeFormat(ctx, b, format, f.graph, s); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func writeFormat(ctx context.Context, b *testing.B, format export.Format, g *graph.Graph, s *store.Store) error {
	if format.FromStore() {
		return format.WriteStore(ctx, io.Discard, s, "")
	}
	v, err := export.BuildView(g, export.ViewOptions{})
	if err != nil {
		return err
	}
	if format.Dir {
		return format.WriteDir(b.TempDir(), v)
	}
	return format.Write(io.Discard, v)
}

// BenchmarkQuery runs each query on the loaded graph; BenchmarkLoad is what a command adds
// to it when it reads the store first.
func BenchmarkQuery(b *testing.B) {
	for _, n := range sizes() {
		a := synth.NewGenerator(seed).Article(n / 2)
		p0, p1 := a.Facts.Parties[0].ID, a.Facts.Parties[1].ID
		far := synth.NewGenerator(seed).Article(n - 1).Facts.Parties[8].ID // a local party
		queries := []struct {
			name string
			run  func(g *graph.Graph) error
		}{
			{"obligations-bearer", func(g *graph.Graph) error {
				_, err := query.Obligations(g, query.ObligationsOptions{Bearer: p0})
				return err
			}},
			{"obligations-between", func(g *graph.Graph) error {
				_, err := query.Obligations(g, query.ObligationsOptions{Between: [2]string{p0, p1}})
				return err
			}},
			{"claims-about", func(g *graph.Graph) error {
				_, err := query.Claims(g, query.ClaimsOptions{About: a.Facts.Agreements[0].ID})
				return err
			}},
			{"timeline", func(g *graph.Graph) error {
				_, err := query.Timeline(g, query.TimelineOptions{From: "2000", To: "2010"})
				return err
			}},
			{"neighbors-depth2", func(g *graph.Graph) error {
				_, err := query.Neighbors(g, p0, query.NeighborsOptions{Depth: 2})
				return err
			}},
			{"path", func(g *graph.Graph) error {
				_, err := query.Path(g, a.Facts.Parties[8].ID, far, query.PathOptions{})
				return err
			}},
			{"stats", func(g *graph.Graph) error {
				_, err := query.Stats(g, query.StatsOptions{})
				return err
			}},
		}
		for _, q := range queries {
			b.Run(sizeName(n)+"/"+q.name, func(b *testing.B) {
				f := getFixture(b, n)
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					if err := q.run(f.graph); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkGizmo runs a Gizmo query on the open store, without loading the graph.
func BenchmarkGizmo(b *testing.B) {
	ctx := context.Background()
	for _, n := range sizes() {
		b.Run(sizeName(n)+"/obligations-of-party", func(b *testing.B) {
			f := getFixture(b, n)
			p := synth.NewGenerator(seed).Article(n / 2).Facts.Parties[0].ID
			s, err := store.Open(ctx, f.store, &store.OpenOptions{ReadOnly: true})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			code := fmt.Sprintf(`g.V("<%s>").In("<fg:bearer>").Out("<fg:duty>").All()`, p)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				res, err := s.Gizmo(ctx, code, 0)
				if err != nil {
					b.Fatal(err)
				}
				if len(res) == 0 {
					b.Fatalf("gizmo query %s found nothing", code)
				}
			}
		})
	}
}

func copyFile(dst, src string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644)
}
