package synth

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

func render(t *testing.T, a *Article) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := a.WriteYAML(&b); err != nil {
		t.Fatal(err)
	}
	b.WriteString(a.Text)
	return b.Bytes()
}

func TestDeterministic(t *testing.T) {
	tests := []struct {
		name      string
		seedA     uint64
		seedB     uint64
		wantEqual bool
	}{
		{"same seed", 7, 7, true},
		{"other seed", 7, 8, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := NewGenerator(tt.seedA), NewGenerator(tt.seedB)
			for i := 0; i < 5; i++ {
				got := bytes.Equal(render(t, a.Article(i)), render(t, b.Article(i)))
				if got != tt.wantEqual {
					t.Errorf("article %d: equal = %v, want %v", i, got, tt.wantEqual)
				}
			}
		})
	}
}

// Writing a corpus twice gives the same bytes, and a small corpus is the start of a big one.
func TestWriteDeterministic(t *testing.T) {
	ctx := context.Background()
	dirs := []string{t.TempDir(), t.TempDir(), t.TempDir()}
	sizes := []int{4, 4, 9}
	for i, dir := range dirs {
		if _, err := Write(ctx, Options{Dir: dir, Articles: sizes[i], Seed: 3}); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"a00000.yaml", "a00000.txt", "a00003.yaml", "a00003.txt"} {
		var files [][]byte
		for _, dir := range dirs {
			b, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, b)
		}
		if !bytes.Equal(files[0], files[1]) || !bytes.Equal(files[0], files[2]) {
			t.Errorf("%s differs between runs with the same seed", name)
		}
	}
}

func TestWriteRejectsEmptyCorpus(t *testing.T) {
	if _, err := Write(context.Background(), Options{Dir: t.TempDir(), Articles: 0}); err == nil {
		t.Error("Write with 0 articles: no error")
	}
}

var idRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// fold does what the reader does before looking for a quote in the text.
func fold(s string) string {
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`).Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// TestCorpusInvariants checks, without the reader, the rules of the format the generator
// is meant to keep: ids well formed and unique, pool items identical in every article,
// references defined in the same file and of the right kind, quotes in the text.
func TestCorpusInvariants(t *testing.T) {
	g := NewGenerator(11)
	const n = 300
	corpusIDs := map[string]string{} // non-shared id -> article
	pooled := map[string]any{}
	partyOf := map[string]bool{}
	for i := 0; i < n; i++ {
		a := g.Article(i)
		f := a.Facts
		kind := map[string]string{}
		define := func(id, k string) {
			t.Helper()
			if !idRE.MatchString(id) || len(id) > 64 {
				t.Errorf("%s: bad id %q", a.Name, id)
			}
			if _, dup := kind[id]; dup {
				t.Errorf("%s: id %q defined twice", a.Name, id)
			}
			kind[id] = k
			if k != graph.KindParty && k != graph.KindAgreement {
				if other, dup := corpusIDs[id]; dup {
					t.Errorf("%s: id %q also defined in %s", a.Name, id, other)
				}
				corpusIDs[id] = a.Name
				if !strings.HasPrefix(id, a.Name+"-") {
					t.Errorf("%s: id %q lacks the article prefix", a.Name, id)
				}
			}
		}
		share := func(id string, v any) {
			t.Helper()
			if strings.HasPrefix(id, a.Name+"-") {
				return
			}
			if prev, ok := pooled[id]; ok && !reflect.DeepEqual(prev, v) {
				t.Errorf("%s: pool item %q differs from an earlier article's", a.Name, id)
			}
			pooled[id] = v
		}
		for _, p := range f.Parties {
			define(p.ID, graph.KindParty)
			share(p.ID, p)
			partyOf[p.ID] = true
		}
		for _, ag := range f.Agreements {
			define(ag.ID, graph.KindAgreement)
			share(ag.ID, ag)
		}
		for _, e := range f.Events {
			define(e.ID, graph.KindEvent)
		}
		for _, o := range f.Obligations {
			define(o.ID, graph.KindObligation)
		}
		for _, c := range f.Claims {
			define(c.ID, graph.KindClaim)
		}
		for _, c := range f.Counterclaims {
			define(c.ID, graph.KindCounterclaim)
		}
		ref := func(id string, want ...string) {
			t.Helper()
			k, ok := kind[id]
			if !ok {
				t.Errorf("%s: reference to undefined %q", a.Name, id)
				return
			}
			if len(want) > 0 && !contains(want, k) {
				t.Errorf("%s: %q is a %s, want one of %v", a.Name, id, k, want)
			}
		}
		for _, p := range f.Parties {
			for _, m := range p.MemberOf {
				ref(m, graph.KindParty)
			}
		}
		for _, ag := range f.Agreements {
			for _, p := range ag.Parties {
				ref(p, graph.KindParty)
			}
			if ag.Revises != "" {
				ref(ag.Revises, graph.KindAgreement)
			}
		}
		for _, e := range f.Events {
			for _, x := range e.Involves {
				ref(x)
			}
		}
		for _, o := range f.Obligations {
			ref(o.Bearer, graph.KindParty)
			ref(o.Beneficiary, graph.KindParty)
			ref(o.Under, graph.KindAgreement)
		}
		for _, c := range append(append([]graph.Claim(nil), f.Claims...), f.Counterclaims...) {
			ref(c.By, graph.KindParty)
			for _, x := range c.About {
				ref(x)
			}
			for _, x := range append(append([]string(nil), c.Counters...), c.Supports...) {
				ref(x, graph.KindClaim, graph.KindCounterclaim)
			}
		}
		rels := map[string]bool{}
		for _, r := range f.Relations {
			ref(r.From)
			ref(r.To)
			key := r.From + " " + r.Type + " " + r.To
			if rels[key] {
				t.Errorf("%s: relation %q twice", a.Name, key)
			}
			rels[key] = true
		}
		counts := []struct {
			what      string
			got, want int
		}{
			{"parties", len(f.Parties), SharedParties + LocalParties},
			{"agreements", len(f.Agreements), Agreements},
			{"events", len(f.Events), Events},
			{"obligations", len(f.Obligations), Obligations},
			{"claims", len(f.Claims), Claims},
			{"counterclaims", len(f.Counterclaims), Counterclaims},
			{"relations", len(f.Relations), Relations},
		}
		for _, c := range counts {
			if c.got != c.want {
				t.Errorf("%s: %d %s, want %d", a.Name, c.got, c.what, c.want)
			}
		}
		text := fold(a.Text)
		var quotes []string
		for _, e := range evidences(f) {
			quotes = append(quotes, e.Quotes...)
		}
		if len(quotes) < 30 {
			t.Errorf("%s: only %d quotes", a.Name, len(quotes))
		}
		for _, q := range quotes {
			if !strings.Contains(text, fold(q)) {
				t.Errorf("%s: quote %q not in the text", a.Name, q)
			}
		}
	}
	if len(partyOf) < poolParties/2 {
		t.Errorf("%d articles used only %d parties", n, len(partyOf))
	}
}

func evidences(f *graph.Facts) []graph.Evidence {
	var out []graph.Evidence
	for _, x := range f.Parties {
		out = append(out, x.Evidence)
	}
	for _, x := range f.Agreements {
		out = append(out, x.Evidence)
	}
	for _, x := range f.Events {
		out = append(out, x.Evidence)
	}
	for _, x := range f.Obligations {
		out = append(out, x.Evidence)
	}
	for _, x := range f.Claims {
		out = append(out, x.Evidence)
	}
	for _, x := range f.Counterclaims {
		out = append(out, x.Evidence)
	}
	for _, x := range f.Relations {
		out = append(out, x.Evidence)
	}
	return out
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// TestConnected checks that the articles merge into one graph: every article shares a
// party with the next.
func TestConnected(t *testing.T) {
	g := NewGenerator(1)
	prev := g.Article(0)
	for i := 1; i < 50; i++ {
		cur := g.Article(i)
		ids := map[string]bool{}
		for _, p := range prev.Facts.Parties {
			ids[p.ID] = true
		}
		shared := false
		for _, p := range cur.Facts.Parties {
			shared = shared || ids[p.ID]
		}
		if !shared {
			t.Errorf("%s shares no party with %s", cur.Name, prev.Name)
		}
		prev = cur
	}
}
