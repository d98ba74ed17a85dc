package store

import (
	"context"
	"reflect"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

func TestLookup(t *testing.T) {
	forEachBackend(t, func(t *testing.T, addr string) {
		s := openStore(t, addr)
		ingest(t, s, treatyFacts(), natoFacts())
		tests := []struct {
			id   string
			want graph.ItemInfo
			ok   bool
		}{
			{"united-states", graph.ItemInfo{ID: "united-states", Kind: graph.KindParty, Type: "state", Name: "United States", Sources: []string{"japan-us-security-treaty-article", "nato-spending"}}, true},
			{"japan-us-security-treaty-1960", graph.ItemInfo{ID: "japan-us-security-treaty-1960", Kind: graph.KindAgreement, Type: "treaty", Name: "Japan-US Security Treaty (1960 revision)", Sources: []string{"japan-us-security-treaty-article"}}, true},
			{"treaty-signed-1951", graph.ItemInfo{ID: "treaty-signed-1951", Kind: graph.KindEvent, Name: "The original treaty is signed", Sources: []string{"japan-us-security-treaty-article"}}, true},
			{"japan-defend-us", graph.ItemInfo{ID: "japan-defend-us", Kind: graph.KindObligation, Sources: []string{"japan-us-security-treaty-article"}}, true},
			{"japan-contributes-otherwise", graph.ItemInfo{ID: "japan-contributes-otherwise", Kind: graph.KindCounterclaim, Sources: []string{"japan-us-security-treaty-article"}}, true},
			{"nobody", graph.ItemInfo{}, false},
		}
		for _, tt := range tests {
			t.Run(tt.id, func(t *testing.T) {
				got, ok, err := s.Lookup(context.Background(), tt.id)
				if err != nil || ok != tt.ok || !reflect.DeepEqual(got, tt.want) {
					t.Errorf("Lookup(%q) = %+v, %v, %v; want %+v, %v", tt.id, got, ok, err, tt.want, tt.ok)
				}
				if has, err := s.Has(context.Background(), tt.id); err != nil || has != tt.ok {
					t.Errorf("Has(%q) = %v, %v; want %v", tt.id, has, err, tt.ok)
				}
			})
		}
		// All at once, in batches of two, an id asked twice: what Lookup gives each.
		defer func(n int) { lookupBatch = n }(lookupBatch)
		lookupBatch = 2
		var ids []string
		want := map[string]graph.ItemInfo{}
		for _, tt := range tests {
			ids = append(ids, tt.id)
			if tt.ok {
				want[tt.id] = tt.want
			}
		}
		got, err := s.LookupMany(context.Background(), append(ids, ids[0]))
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("LookupMany(%q) = %+v, %v; want %+v", ids, got, err, want)
		}
	})
}

// A new store answers lookups without reading itself, having found once that it is empty;
// a write through the same store must make it read again.
func TestLookupBeforeAndAfterTheFirstWrite(t *testing.T) {
	forEachBackend(t, func(t *testing.T, addr string) {
		ctx := context.Background()
		s := openStore(t, addr)
		if info, ok, err := s.Lookup(ctx, "united-states"); ok || err != nil {
			t.Fatalf("Lookup(united-states) in a new store = %+v, %v, %v; want nothing", info, ok, err)
		}
		ingest(t, s, treatyFacts())
		if info, ok, err := s.Lookup(ctx, "united-states"); !ok || err != nil || info.Name != "United States" {
			t.Errorf("Lookup(united-states) after the first write = %+v, %v, %v; want the party", info, ok, err)
		}
		if _, err := s.Remove(ctx, treatyFacts().Source.ID); err != nil {
			t.Fatal(err)
		}
		if info, ok, err := s.Lookup(ctx, "united-states"); ok || err != nil {
			t.Errorf("Lookup(united-states) after removing its only source = %+v, %v, %v; want nothing", info, ok, err)
		}
	})
}
