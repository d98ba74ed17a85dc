package store

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/storetest"
)

// TestMeetingsSameChains checks that a path search gives the same graph whether it looks
// through each layer for meetings before expanding it (meetings) or expands every layer
// and finds them as it goes, on stores with the link index (bolt, PostgreSQL) and on one
// without.
func TestMeetingsSameChains(t *testing.T) {
	ctx := context.Background()
	for _, kind := range []string{"bolt", "mem", "postgres"} {
		t.Run(kind, func(t *testing.T) {
			var s *Store
			switch kind {
			case "bolt":
				s = newBolt(t)
			case "postgres":
				s, _ = newPostgres(t)
			default:
				s = openStore(t, "mem:")
			}
			ingest(t, s, bulkCorpus()...)
			items := storeItems(t, s)
			if len(items) < 20 {
				t.Fatalf("only %d items", len(items))
			}
			defer func(n int) { meetMin = n }(meetMin)
			load := func(min int) []*graph.Graph {
				meetMin = min
				var out []*graph.Graph
				for i, from := range items {
					to := items[(i*7+5)%len(items)]
					g, err := s.LoadBetween(ctx, from, to, BetweenOptions{})
					if err != nil {
						t.Fatal(err)
					}
					out = append(out, g)
				}
				return out
			}
			expanded, probed := load(1<<30), load(1)
			chains := 0
			for i := range expanded {
				if len(expanded[i].Parties)+len(expanded[i].Claims)+len(expanded[i].Obligations) > 2 {
					chains++
				}
				if !reflect.DeepEqual(expanded[i], probed[i]) {
					t.Fatalf("path %d differs when layers are looked through for meetings:\n%+v\nwant\n%+v", i, probed[i], expanded[i])
				}
			}
			if chains < len(items)/2 {
				t.Errorf("only %d of %d searches found a chain of more than two items", chains, len(items))
			}
		})
	}
}

// TestMeetingsFollowLinks checks meetings against links: for a set of items (a layer) and
// each item of a store in turn as the other ball, the meeting is that item when a link of
// the layer leads to it and the layer's ball does not hold it, and the items with such a
// link are those of the layer whose links lead to it; on a store with the link index and
// on one without, for the facts of the flagship sample and others, and parties linked by a
// relation alone and by a duty alone. On bolt and PostgreSQL the look goes through the
// ends as the reader holds them (scanMeetings, listMeetings), not through links.
func TestMeetingsFollowLinks(t *testing.T) {
	ctx := context.Background()
	for _, kind := range []string{"bolt", "mem", "postgres"} {
		t.Run(kind, func(t *testing.T) {
			addr := "mem:"
			switch kind {
			case "bolt":
				addr = filepath.Join(t.TempDir(), "store.db")
			case "postgres":
				addr = storetest.FreshPostgres(t, storetest.PostgresBase(t))
			}
			s := aroundStore(t, addr)
			// Parties linked by a relation alone, and by a duty alone.
			ingest(t, s, &graph.Facts{
				Source: graph.Source{ID: "meetings", Title: "Meetings", Published: graph.MustDate("2024-05-01")},
				Parties: []graph.Party{{ID: "alpha", Name: "Alpha", Kind: "state"}, {ID: "beta", Name: "Beta", Kind: "state"},
					{ID: "gamma", Name: "Gamma", Kind: "state"}, {ID: "delta", Name: "Delta", Kind: "state"}},
				Obligations: []graph.Obligation{{ID: "gamma-pays-delta", Bearer: "gamma", Beneficiary: "delta", Duty: "pay", Status: "in-force"}},
				Relations:   []graph.Relation{{From: "alpha", Type: "criticizes", To: "beta"}},
			})
			items := storeItems(t, s)
			names := map[linkKind]string{refFrom: "refFrom", refTo: "refTo", relFrom: "relFrom", relTo: "relTo", owesVia: "owesVia"}
			kinds := map[string]int{}
			for k := 0; k < 3; k++ {
				var ids []string
				here := map[string]int{}
				for i, id := range items {
					switch (i + k) % 3 {
					case 0:
						ids = append(ids, id)
						here[id] = 1
					case 1:
						if i%2 == 0 {
							here[id] = 0
						}
					}
				}
				links := newWalker(ctx, s, -1, nil)
				for _, target := range items {
					there := map[string]int{target: 0}
					w := newWalker(ctx, s, -1, nil)
					meet, linked, err := w.meetings(ids, here, there)
					w.close()
					if err != nil {
						t.Fatal(err)
					}
					var wantMeet, wantLinked []string
					for _, id := range ids {
						ls, err := links.links(id)
						if err != nil {
							t.Fatal(err)
						}
						hit := false
						for _, l := range ls {
							if _, own := here[l.to]; l.to == target && !own {
								hit = true
								kinds[names[l.kind]]++
							}
						}
						if hit {
							wantLinked = append(wantLinked, id)
						}
					}
					if wantLinked != nil {
						wantMeet = []string{target}
					}
					if !reflect.DeepEqual(meet, wantMeet) || !reflect.DeepEqual(linked, wantLinked) {
						t.Fatalf("round %d, %s: meetings %v from %v, want %v from %v", k, target, meet, linked, wantMeet, wantLinked)
					}
				}
				links.close()
			}
			for _, k := range names {
				if kinds[k] == 0 {
					t.Errorf("no meeting through a link of kind %s: the corpus does not try it", k)
				}
			}
		})
	}
}
