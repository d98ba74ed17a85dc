package store

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

// pactA states a pact between two parties and a claim about it.
func pactA() *graph.Facts {
	return &graph.Facts{
		Source: graph.Source{ID: "a", Title: "A"},
		Parties: []graph.Party{
			{ID: "north", Name: "North", Kind: "state"},
			{ID: "south", Name: "South", Kind: "state"},
		},
		Agreements: []graph.Agreement{
			{ID: "pact", Name: "The Pact", Kind: "treaty", Parties: []string{"north", "south"}},
		},
		Claims: []graph.Claim{
			{ID: "pact-is-lopsided", Kind: graph.KindClaim, By: "north", Says: "The pact is lopsided.", About: []string{"pact"}},
		},
	}
}

// pactB refers to what only a states: its counterclaim counters a's claim, its obligation
// is under a's pact, and a relation starts at a's party north. It states south itself.
func pactB(withRefs bool) *graph.Facts {
	f := &graph.Facts{
		Source: graph.Source{ID: "b", Title: "B"},
		Parties: []graph.Party{
			{ID: "south", Name: "South", Kind: "state"},
			{ID: "east", Name: "East", Kind: "state"},
		},
		Obligations: []graph.Obligation{
			{ID: "south-helps-east", Bearer: "south", Beneficiary: "east", Duty: "help", Status: "in-force"},
		},
		Counterclaims: []graph.Claim{
			{ID: "pact-is-balanced", Kind: graph.KindCounterclaim, By: "east", Says: "The pact is balanced."},
		},
	}
	if withRefs {
		f.Obligations[0].Under = "pact"
		f.Counterclaims[0].Counters = []string{"pact-is-lopsided"}
		f.Relations = []graph.Relation{{From: "north", Type: "allied-with", To: "east"}}
	}
	return f
}

func TestWritesKeepEveryReferenceResolving(t *testing.T) {
	forEachBackend(t, func(t *testing.T, addr string) {
		ctx := context.Background()
		s := openStore(t, addr)
		ingest(t, s, pactA(), pactB(true))
		before := nquadsOf(t, s, "")

		_, err := s.Remove(ctx, "a")
		var broken *BrokenRefsError
		if !errors.As(err, &broken) {
			t.Fatalf("Remove(a) while b refers to a's items: err = %v, want a BrokenRefsError", err)
		}
		wantRefs := []string{
			"b: counterclaim pact-is-balanced counters -> pact-is-lopsided",
			"b: obligation south-helps-east under -> pact",
			"b: relation north allied-with -> east",
		}
		if !reflect.DeepEqual(broken.Refs, wantRefs) || !reflect.DeepEqual(broken.Sources, []string{"a"}) || !reflect.DeepEqual(broken.Dependents, []string{"b"}) {
			t.Errorf("broken references = %+v, want refs %q from a to b", broken, wantRefs)
		}
		if msg := err.Error(); !strings.Contains(msg, "factgraph remove a b") || !strings.Contains(msg, "nothing was changed") {
			t.Errorf("message does not say what to do: %s", msg)
		}
		if got := nquadsOf(t, s, ""); got != before {
			t.Fatal("a refused remove changed the store")
		}

		// Re-ingesting a without its pact is refused the same way.
		noPact := pactA()
		noPact.Agreements = nil
		noPact.Claims[0].About = nil
		_, err = s.Ingest(ctx, []*graph.Facts{noPact})
		if !errors.As(err, &broken) || broken.Removing || !reflect.DeepEqual(broken.Refs, []string{"b: obligation south-helps-east under -> pact"}) {
			t.Errorf("re-ingest of a without the pact b's obligation is under: err = %v", err)
		}
		if got := nquadsOf(t, s, ""); got != before {
			t.Fatal("a refused re-ingest changed the store")
		}

		// Together, or once b no longer refers to a, both go through.
		if _, err := s.Ingest(ctx, []*graph.Facts{noPact, pactB(false)}); err != nil {
			t.Errorf("re-ingest of a without the pact, with b no longer under it: %v", err)
		}
		if _, err := s.Remove(ctx, "a"); err != nil {
			t.Errorf("Remove(a) once b no longer refers to it: %v", err)
		}
		ingest(t, s, pactA(), pactB(true))

		// The pact moves from a to c, a source new to the store, and back, each in one
		// call: b stays under it throughout.
		c := &graph.Facts{Source: graph.Source{ID: "c", Title: "C"}, Parties: pactA().Parties, Agreements: pactA().Agreements}
		if _, err := s.Ingest(ctx, []*graph.Facts{noPact, c}); err != nil {
			t.Errorf("the pact moved from a to a new source c: %v", err)
		}
		if _, err := s.Ingest(ctx, []*graph.Facts{pactA(), {Source: c.Source, Parties: c.Parties}}); err != nil {
			t.Errorf("the pact moved back from c to a: %v", err)
		}
		if _, err := s.Remove(ctx, "a", "b", "c"); err != nil {
			t.Errorf("Remove(a, b, c) together: %v", err)
		}
	})
}

func TestRemoveKeepsItemsAnotherSourceStates(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, "mem:")
	// b states south too, and refers to it: removing a keeps south.
	b := pactB(false)
	ingest(t, s, pactA(), b)
	if _, err := s.Remove(ctx, "a"); err != nil {
		t.Fatalf("Remove(a) while only items b states itself are referred to: %v", err)
	}
}
