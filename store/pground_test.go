package store

import (
	"cmp"
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/model"
	"github.com/factgraph/factgraph/store/pgstore"
)

// TestPostgresReadsInFewRequests bounds the round trips of the targeted reads on
// PostgreSQL: reading dozens of items for their labels, or the names of what dozens of
// obligations name, is a few requests to the server, not one an item.
func TestPostgresReadsInFewRequests(t *testing.T) {
	ctx := context.Background()
	s, g, obligations := postgresCorpus(t)
	var labels []string
	for _, c := range g.Claims {
		labels = append(labels, c.ID)
	}
	labels = append(labels, obligations...)
	if len(labels) < 40 || len(obligations) < 20 {
		t.Fatalf("the corpus has %d claims and obligations, %d obligations; the test wants more", len(labels), len(obligations))
	}
	count := func(what string, n int, read func() (*graph.Graph, error)) {
		t.Helper()
		before := pgstore.Statements()
		if _, err := read(); err != nil {
			t.Fatal(err)
		}
		if got := pgstore.Statements() - before; got > 12 {
			t.Errorf("%s of %d items took %d statements; a server wants a few requests for all", what, n, got)
		}
	}
	count("LoadSketch with Labels", len(labels), func() (*graph.Graph, error) {
		return s.LoadSketch(ctx, nil, SketchOptions{Labels: labels})
	})
	count("LoadAround with Names", len(obligations), func() (*graph.Graph, error) {
		return s.LoadAround(ctx, obligations, AroundOptions{Names: true})
	})
	// The parties near a mistyped name, read for their names and aliases: the same
	// graph as item by item.
	var named []string
	for _, p := range g.Parties {
		named = append(named, p.ID)
	}
	if len(named) < 20 {
		t.Fatalf("the corpus has %d parties; the test wants more", len(named))
	}
	var got *graph.Graph
	count("LoadAround of Named with Aliases", len(named), func() (_ *graph.Graph, err error) {
		got, err = s.LoadAround(ctx, nil, AroundOptions{Named: named, Aliases: true, MaxItems: -1})
		return got, err
	})
	var want []graph.Party
	for _, id := range named {
		one, err := s.LoadAround(ctx, nil, AroundOptions{Named: []string{id}, Aliases: true, MaxItems: -1})
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, one.Parties...)
	}
	aliased := 0
	for _, p := range got.Parties {
		if len(p.Aliases) > 0 {
			aliased++
		}
	}
	if aliased == 0 || len(got.Parties) != len(named) {
		t.Errorf("read %d parties, %d with aliases, of %d; the test wants them all, some with aliases", len(got.Parties), aliased, len(named))
	}
	if !reflect.DeepEqual(got.Parties, want) {
		t.Errorf("the parties read together differ from those read one by one:\n%+v\nwant\n%+v", got.Parties, want)
	}
}

// TestKindsOfItemsReadWholeAskNothing checks that a walk asks the server nothing for the
// kinds of items it has read whole: their quads say them. LoadAround reads a party's
// obligations whole, then the items they name; it once asked the link index for the kinds
// of all of them, the obligations too (1,588 look-ups for a hub of 10,000 articles).
func TestKindsOfItemsReadWholeAskNothing(t *testing.T) {
	ctx := context.Background()
	s, _, ids := postgresCorpus(t)
	w := newWalker(ctx, s, -1, nil)
	defer w.close()
	if err := w.prefetchItems(ids); err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if _, err := w.item(id); err != nil {
			t.Fatal(err)
		}
	}
	before := pgstore.Statements()
	if err := w.prefetchKinds(ids); err != nil {
		t.Fatal(err)
	}
	if got := pgstore.Statements() - before; got != 0 {
		t.Errorf("the kinds of %d obligations read whole took %d statements, want none", len(ids), got)
	}
	for _, id := range ids {
		if k := w.kinds[id]; k != graph.KindObligation {
			t.Errorf("kind of %s after prefetchKinds: %q, want %q", id, k, graph.KindObligation)
		}
	}
}

// postgresCorpus is a new PostgreSQL store of bulkCorpus, its graph and the ids of its
// obligations.
func postgresCorpus(t *testing.T) (*Store, *graph.Graph, []string) {
	t.Helper()
	s, _ := newPostgres(t)
	ingest(t, s, bulkCorpus()...)
	g, err := s.Load(context.Background(), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var obligations []string
	for _, o := range g.Obligations {
		obligations = append(obligations, o.ID)
	}
	return s, g, obligations
}

// TestPostgresNameInFewRequests bounds the round trips of resolving a name on PostgreSQL,
// which every query form given a name instead of an id makes before it reads what it was
// asked: looking the name up is one request for the kinds of the name as written and
// folded, one for the sources of those ids and one to the name index; reading the one
// candidate for its name is one for its kind, type and name and one for the source of its
// id. Each was twice as many, one for each id or field. An item's id is one request.
func TestPostgresNameInFewRequests(t *testing.T) {
	ctx := context.Background()
	s, g, _ := postgresCorpus(t)
	var party graph.Party
	for _, p := range g.Parties {
		if graph.FoldName(p.Name) != p.ID {
			party = p
			break
		}
	}
	if party.ID == "" {
		t.Fatal("the corpus has no party whose name is not its id; the test wants one")
	}
	before := pgstore.Statements()
	ids, err := s.NameMatches(ctx, party.Name)
	if err != nil {
		t.Fatal(err)
	}
	if got := pgstore.Statements() - before; got > 3 {
		t.Errorf("NameMatches(%q) took %d statements, want at most 3", party.Name, got)
	}
	if !slices.Contains(ids, party.ID) {
		t.Errorf("NameMatches(%q) = %v, want %s among them", party.Name, ids, party.ID)
	}
	// An id is an item's or a source's: its kind says it is an item's, and no source is
	// asked for.
	before = pgstore.Statements()
	if ids, err := s.NameMatches(ctx, party.ID); err != nil || !slices.Equal(ids, []string{party.ID}) {
		t.Errorf("NameMatches(%q) = %v, %v; want the id alone", party.ID, ids, err)
	}
	if got := pgstore.Statements() - before; got > 1 {
		t.Errorf("NameMatches(%q) of an item's id took %d statements, want 1", party.ID, got)
	}
	before = pgstore.Statements()
	got, err := s.LoadAround(ctx, nil, AroundOptions{Named: []string{party.ID}, MaxItems: -1})
	if err != nil {
		t.Fatal(err)
	}
	if n := pgstore.Statements() - before; n > 2 {
		t.Errorf("reading %s for its name took %d statements, want at most 2", party.ID, n)
	}
	if len(got.Parties) != 1 || got.Parties[0].Name != party.Name || got.Parties[0].Kind != party.Kind {
		t.Errorf("read for its name: %+v, want %s named %q of kind %q", got.Parties, party.ID, party.Name, party.Kind)
	}
}

// TestPostgresPathEndsInOneRequest checks that a path search reads its two ends, and the
// sources of their ids, in one request for their quads and one for their values, where it
// made two or three for each: a path between two items that are not linked (one end is
// missing) is only those reads.
func TestPostgresPathEndsInOneRequest(t *testing.T) {
	ctx := context.Background()
	s, g, _ := postgresCorpus(t)
	from := g.Parties[0].ID
	before := pgstore.Statements()
	got, err := s.LoadBetween(ctx, from, "no-such-item", BetweenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if n := pgstore.Statements() - before; n > 2 {
		t.Errorf("a path from %s to an item the store does not hold took %d statements, want at most 2", from, n)
	}
	if len(got.Parties) != 1 || got.Parties[0].ID != from {
		t.Errorf("the graph of a path to nothing holds %v, want %s alone", got.Parties, from)
	}
}

// TestPostgresPathReadsRelationsAhead checks that a path search reads the relations on
// its chains with the chains' items (readReached's more), not in a request of their own
// after them: fewer statements, the same graph.
func TestPostgresPathReadsRelationsAhead(t *testing.T) {
	s, g, _ := postgresCorpus(t)
	if len(g.Relations) == 0 {
		t.Fatal("the corpus holds no relation")
	}
	r := g.Relations[0]
	got, n := loadBetweenCounted(t, s, r.From, r.To)
	defer func() { relationsAhead = true }()
	relationsAhead = false
	want, m := loadBetweenCounted(t, s, r.From, r.To)
	if n >= m {
		t.Errorf("path %s to %s: %d statements with the relations read ahead, %d without", r.From, r.To, n, m)
	}
	if len(got.Relations) == 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("path %s to %s: the graph read with the relations ahead differs from the one read without, or holds no relation:\n%+v\nwant\n%+v", r.From, r.To, got, want)
	}
}

// TestPostgresPathLayersInPairs checks that a path search on a server reads the links of
// the two sides' small layers a pair at a time (layersAhead): fewer statements than a
// layer at a time, never more, and the same graph.
func TestPostgresPathLayersInPairs(t *testing.T) {
	s, _, _ := postgresCorpus(t)
	pairs := [][2]string{{"a0-person-1", "a11-person-1"}, {"a0-person-0", "a5-person-1"}, {"a3-counter", "a9-person-1"}}
	var paired, single int64
	ahead := aheadMax
	defer func() { aheadMax = ahead }()
	for _, p := range pairs {
		aheadMax = ahead
		g, n := loadBetweenCounted(t, s, p[0], p[1])
		aheadMax = -1 // a layer at a time
		want, m := loadBetweenCounted(t, s, p[0], p[1])
		if n > m {
			t.Errorf("path %s to %s: %d statements with the layers in pairs, %d a layer at a time", p[0], p[1], n, m)
		}
		if len(g.Claims) == 0 || !reflect.DeepEqual(g, want) {
			t.Errorf("path %s to %s: the graph read with the layers in pairs differs from the one read a layer at a time, or holds no claim:\n%+v\nwant\n%+v", p[0], p[1], g, want)
		}
		paired += n
		single += m
	}
	if paired >= single {
		t.Errorf("the paths took %d statements with the layers in pairs, %d a layer at a time; want fewer", paired, single)
	}
	t.Logf("%d statements with the layers in pairs, %d a layer at a time", paired, single)
}

// TestPostgresReachedInTwoRequests checks that readReached reads on a server, with the
// relations that link the items (what the end of a path search reads), in two requests
// besides the items' kinds and the values of the quads: the relations' reads after it ask
// the server nothing, and the graph is the one read without them ahead.
func TestPostgresReachedInTwoRequests(t *testing.T) {
	ctx := context.Background()
	s, g, obligations := postgresCorpus(t)
	ids := append([]string{g.Parties[0].ID, g.Parties[len(g.Parties)-1].ID, g.Agreements[0].ID, g.Claims[0].ID, g.Counterclaims[0].ID}, obligations[:3]...)
	var rels []relKey
	var iris []quad.IRI
	for _, r := range g.Relations[:3] {
		rels = append(rels, relKey{r.From, quad.IRI(r.Type), r.To})
		iris = append(iris, model.RelationIRI(r.From, r.Type, r.To))
	}
	read := func(ahead bool) *graph.Graph {
		t.Helper()
		w := newWalker(ctx, s, -1, nil)
		defer w.close()
		var more []quad.IRI
		if ahead {
			more = iris
		}
		before := pgstore.Statements()
		if err := w.readReached(ids, more...); err != nil {
			t.Fatal(err)
		}
		if n := pgstore.Statements() - before; ahead && n > 4 {
			t.Errorf("readReached of %d items and %d relations took %d statements, want at most 4", len(ids), len(rels), n)
		}
		before = pgstore.Statements()
		if err := w.prefetchRelations(rels); err != nil {
			t.Fatal(err)
		}
		for _, r := range rels {
			if err := w.relation(r.from, r.typ, r.to); err != nil {
				t.Fatal(err)
			}
		}
		if n := pgstore.Statements() - before; ahead && n != 0 {
			t.Errorf("the relations read with the items took %d statements more, want none", n)
		}
		got, err := w.graph()
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	got, want := read(true), read(false)
	if len(got.Relations) != len(rels) || len(got.Claims) == 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("read ahead:\n%+v\nwant\n%+v", got, want)
	}
}

// TestPostgresPathReadsDutyPartiesAhead checks that a path search on a server reads the
// kinds of the parties at the other end of the duties of a layer's items with the other
// kinds it reads for the layer (dutyPartiesAhead), not in a request for each party: fewer
// statements, never more, and the same graph.
func TestPostgresPathReadsDutyPartiesAhead(t *testing.T) {
	s, g, _ := postgresCorpus(t)
	defer func() { dutyPartiesAhead = true }()
	var ahead, alone int64
	for _, to := range []string{"a9-person-1", "a0-person-0", "a11-person-1"} {
		for _, p := range g.Parties {
			dutyPartiesAhead = true
			got, n := loadBetweenCounted(t, s, p.ID, to)
			dutyPartiesAhead = false
			want, m := loadBetweenCounted(t, s, p.ID, to)
			if n > m {
				t.Errorf("path %s to %s: %d statements with the duties' parties read ahead, %d without", p.ID, to, n, m)
			}
			if len(got.Parties) == 0 || !reflect.DeepEqual(got, want) {
				t.Errorf("path %s to %s: the graph read with the duties' parties ahead differs from the one read without, or holds no party:\n%+v\nwant\n%+v", p.ID, to, got, want)
			}
			ahead += n
			alone += m
		}
	}
	if ahead >= alone {
		t.Errorf("the paths took %d statements with the duties' parties read ahead, %d without; want fewer", ahead, alone)
	}
	t.Logf("%d statements with the duties' parties read ahead, %d without", ahead, alone)
}

// loadBetweenCounted returns s.LoadBetween's graph of a path from from to to, and the
// statements it took.
func loadBetweenCounted(t *testing.T, s *Store, from, to string) (*graph.Graph, int64) {
	t.Helper()
	before := pgstore.Statements()
	g, err := s.LoadBetween(context.Background(), from, to, BetweenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return g, pgstore.Statements() - before
}

// TestPostgresLinksToMeetings checks the walk back of a path search on a server from
// where its balls met (prefetchLinksTo, linksTo): for a layer of items and the items
// walked back to, each item's links to those items are the links that links gives it to
// them, each kind of link; the walk looks up the kinds of no other item than those and
// the layer's own (which the rows read for the layer hold), and takes two statements at
// most (the duties of the layer not read yet, the kinds), not one for each duty.
func TestPostgresLinksToMeetings(t *testing.T) {
	ctx := context.Background()
	s, _, _ := postgresCorpus(t)
	items := storeItems(t, s)
	kinds := map[linkKind]int{}
	for k := 0; k < 5; k++ {
		var layer []string
		to := map[string]bool{}
		for i, id := range items {
			if i%5 == k {
				layer = append(layer, id)
			} else if i%3 == k%3 {
				to[id] = true
			}
		}
		all := newWalker(ctx, s, -1, nil)
		w := newWalker(ctx, s, -1, nil)
		if _, err := w.linkIndex(); err != nil {
			t.Fatal(err)
		}
		if err := w.preload(layer); err != nil { // as the look for meetings left them
			t.Fatal(err)
		}
		before := pgstore.Statements()
		if err := w.prefetchLinksTo(layer, to); err != nil {
			t.Fatal(err)
		}
		walked := map[string][]link{}
		for _, id := range layer {
			ls, err := w.linksTo(id, to)
			if err != nil {
				t.Fatal(err)
			}
			walked[id] = ls
		}
		if n := pgstore.Statements() - before; n > 2 {
			t.Errorf("round %d: the walk back took %d statements, want 2 at most", k, n)
		}
		found := 0
		for _, id := range layer {
			got := walked[id]
			ls, err := all.links(id)
			if err != nil {
				t.Fatal(err)
			}
			var want []link
			for _, l := range ls {
				if to[l.to] {
					want = append(want, l)
					kinds[l.kind]++
				}
			}
			sortLinks(got)
			sortLinks(want)
			if got = slices.Compact(got); (len(got) > 0 || len(want) > 0) && !reflect.DeepEqual(got, want) {
				t.Errorf("links of %s to the items walked back to: %+v, want %+v", id, got, want)
			}
			found += len(want)
		}
		if found == 0 {
			t.Fatalf("round %d: no item of the layer links to an item walked back to", k)
		}
		inLayer := map[string]bool{}
		for _, id := range layer {
			inLayer[id] = true
		}
		for id := range w.kinds {
			if !to[id] && !inLayer[id] {
				t.Errorf("round %d: the walk back looked up the kind of %s, neither walked back to nor of the layer", k, id)
			}
		}
		w.close()
		all.close()
	}
	for _, kind := range []linkKind{refFrom, refTo, relFrom, relTo, owesVia} {
		if kinds[kind] == 0 {
			t.Errorf("no link of kind %d to an item walked back to; the test wants every kind: %v", kind, kinds)
		}
	}
}

// sortLinks sorts links by where they lead, then by what makes them.
func sortLinks(ls []link) {
	slices.SortFunc(ls, func(a, b link) int {
		return cmp.Or(strings.Compare(a.to, b.to), strings.Compare(a.rel, b.rel), strings.Compare(a.via, b.via), cmp.Compare(a.kind, b.kind))
	})
}
