package schema_test

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store"
)

// TestSamplesInStore ingests both samples into one store and checks what they share: the
// parties both state are one party listing both sources, and so is the relation both
// state. Ingesting the flagship again leaves the store as it was.
func TestSamplesInStore(t *testing.T) {
	ctx := context.Background()
	files, err := load(t, samples(t)...)
	if err != nil {
		t.Fatal(err)
	}
	var facts []*graph.Facts
	var sources []string
	for _, f := range files {
		facts = append(facts, f.Facts)
		sources = append(sources, f.Facts.Source.ID)
	}
	slices.Sort(sources)
	st, err := store.Open(ctx, "mem:", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Ingest(ctx, facts); err != nil {
		t.Fatal(err)
	}
	before, err := st.Load(ctx, store.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"united-states", "nato", "nato-allies", "donald-trump"} {
		i := slices.IndexFunc(before.Parties, func(p graph.Party) bool { return p.ID == id })
		if i < 0 {
			t.Errorf("party %q is missing from the store", id)
			continue
		}
		if got := before.Parties[i].Sources; !reflect.DeepEqual(got, sources) {
			t.Errorf("party %q has sources %q; want %q", id, got, sources)
		}
	}
	i := slices.IndexFunc(before.Relations, func(r graph.Relation) bool {
		return r.From == "donald-trump" && r.Type == "made-demands-of" && r.To == "nato-allies"
	})
	if i < 0 {
		t.Fatalf("relation donald-trump made-demands-of nato-allies is missing from the store")
	}
	if got := before.Relations[i].Sources; !reflect.DeepEqual(got, sources) {
		t.Errorf("relation donald-trump made-demands-of nato-allies has sources %q; want %q", got, sources)
	}

	flagship, err := load(t, "../samples/japan-us-security-treaty/facts.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Ingest(ctx, []*graph.Facts{flagship[0].Facts}); err != nil {
		t.Fatal(err)
	}
	after, err := st.Load(ctx, store.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, after) {
		t.Errorf("ingesting the flagship sample again changed the store")
	}
}
