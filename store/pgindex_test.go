package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/store/model"
	"github.com/factgraph/factgraph/store/storetest"
)

// pgQuery returns the rows of query q at addr, each as its columns joined by " | ", sorted.
func pgQuery(t *testing.T, addr, q string) []string {
	t.Helper()
	db, err := sql.Open("postgres", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		line := ""
		for i, v := range vals {
			if i > 0 {
				line += " | "
			}
			line += v.String
		}
		out = append(out, line)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// pgIndexRows are the rows of factgraph's name and link tables at addr.
func pgIndexRows(t *testing.T, addr string) []string {
	t.Helper()
	// A row's lines are its entries; a row whose kind is not its first kind entry's, or
	// whose lines are not sorted and each once, is listed as wrong.
	out := append(pgQuery(t, addr, `SELECT 'link', item, split_part(l, E'\t', 1), split_part(l, E'\t', 2), split_part(l, E'\t', 3), source
		FROM factgraph_link_lines CROSS JOIN LATERAL unnest(string_to_array(lines, E'\n')) AS l`),
		pgQuery(t, addr, `SELECT 'wrong row', item, source FROM factgraph_link_lines
			WHERE kind <> coalesce((SELECT split_part(l, E'\t', 2) FROM unnest(string_to_array(lines, E'\n')) AS l
					WHERE l LIKE E'=\t%' ORDER BY l LIMIT 1), '')
				OR lines IS DISTINCT FROM (SELECT string_agg(DISTINCT l, E'\n' ORDER BY l) FROM unnest(string_to_array(lines, E'\n')) AS l)`)...)
	out = append(out, pgQuery(t, addr, `SELECT 'name', name, subject, source, pred, said FROM factgraph_names`)...)
	slices.Sort(out)
	return out
}

// pgIndexRowsByScan are the rows those tables should hold: those of every live quad,
// found by reading the whole store.
func pgIndexRowsByScan(t *testing.T, s *Store) []string {
	t.Helper()
	set := map[string]bool{}
	if err := s.allQuads(context.Background(), func(q quad.Quad) error {
		for _, at := range model.LinkEnds(q) {
			r := model.LinkRowOf(q, at)
			set[fmt.Sprintf("link | %s | %c | %s | %s | %s", r.Item, r.At, r.Mid, r.Other, r.Source)] = true
		}
		if name, subj, ok := model.NameQuad(q); ok {
			set[fmt.Sprintf("name | %s | %s | %s | %s | %s", graph.FoldName(name), string(subj), string(q.Label.(quad.IRI)[len(model.SourcePrefix):]), string(q.Predicate.(quad.IRI)), name)] = true
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return sortedKeys(set)
}

// pgItemsByQuads makes the rows the item table should hold from Cayley's tables, on the
// server: a row for each IRI and source that labels quads of which it is the subject, the
// quads in the order of their numbers, each value written as items.go says.
const pgItemsByQuads = `WITH v AS (
	SELECT hash, CASE
		WHEN iri THEN 'I' || e.s
		WHEN bnode THEN 'B' || e.s
		WHEN language IS NOT NULL THEN 'L' || replace(replace(replace(language, '\', '\\'), E'\t', '\t'), E'\n', '\n') || E'\t' || e.s
		WHEN datatype IS NOT NULL THEN 'T' || replace(replace(replace(datatype, '\', '\\'), E'\t', '\t'), E'\n', '\n') || E'\t' || e.s
		WHEN value_string IS NOT NULL THEN 'S' || e.s
		ELSE 'H' || encode(hash, 'hex') END AS text
	FROM nodes CROSS JOIN LATERAL (SELECT replace(replace(replace(value_string, '\', '\\'), E'\t', '\t'), E'\n', '\n') AS s) AS e)
SELECT s.value_string, substr(l.value_string, length('source/') + 1),
	string_agg(q.horizon || E'\t' || p.text || E'\t' || o.text, E'\n' ORDER BY q.horizon)
FROM quads q JOIN nodes s ON s.hash = q.subject_hash JOIN nodes l ON l.hash = q.label_hash
	JOIN v p ON p.hash = q.predicate_hash JOIN v o ON o.hash = q.object_hash
WHERE s.iri AND l.iri AND l.value_string LIKE 'source/%'
GROUP BY 1, 2`

func pgIndexFresh(t *testing.T, addr string) bool {
	t.Helper()
	rows := pgQuery(t, addr, `SELECT fresh AND version = 3 FROM factgraph_state`)
	return len(rows) == 1 && rows[0] == "true"
}

// checkPostgresIndexes checks that factgraph's tables hold exactly the rows of the live
// quads, that walks find the same links through them as through Cayley's tables, and that
// names are found through them as a look at every named quad finds them.
func checkPostgresIndexes(t *testing.T, s *Store, addr string) {
	t.Helper()
	got, want := pgIndexRows(t, addr), pgIndexRowsByScan(t, s)
	if len(want) < 100 {
		t.Fatalf("only %d index rows in the store", len(want))
	}
	if !slices.Equal(got, want) {
		t.Fatalf("factgraph's tables differ from the rows of the live quads:\n%s", lineDiff(strings.Join(got, "\n"), strings.Join(want, "\n")))
	}
	gotItems, wantItems := pgQuery(t, addr, `SELECT item, source, quads FROM factgraph_items`), pgQuery(t, addr, pgItemsByQuads)
	if len(wantItems) < 10 {
		t.Fatalf("only %d rows of items in the store", len(wantItems))
	}
	if !slices.Equal(gotItems, wantItems) {
		t.Fatalf("the item table differs from the live quads:\n%s", lineDiff(strings.Join(gotItems, "\n"), strings.Join(wantItems, "\n")))
	}
	linked := 0
	for _, id := range storeItems(t, s) {
		viaIndex, viaQuads := walkLinks(t, s, id, true), walkLinks(t, s, id, false)
		if !slices.Equal(viaIndex, viaQuads) {
			t.Errorf("links of %q through the link table:\n%v\nthrough Cayley's tables:\n%v", id, viaIndex, viaQuads)
		}
		if len(viaQuads) > 0 {
			linked++
		}
	}
	if linked < 10 {
		t.Fatalf("only %d items have links", linked)
	}
	named := map[string]map[string]bool{} // folded name → ids a live quad names so
	var names []string
	if err := s.allQuads(context.Background(), func(q quad.Quad) error {
		if name, subj, ok := model.NameQuad(q); ok {
			k := graph.FoldName(name)
			if named[k] == nil {
				named[k] = map[string]bool{}
				names = append(names, name)
			}
			named[k][string(subj[len(model.SourcePrefix)*boolInt(q.Predicate == model.Title):])] = true
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		got, err := s.NameMatches(context.Background(), name)
		if err != nil {
			t.Fatalf("NameMatches(%q): %v", name, err)
		}
		key := graph.FoldName(name)
		if len(got) == 1 && got[0] == name {
			continue // an id that is also a name: the id wins
		}
		want := sortedKeys(named[key])
		for _, id := range want {
			if !slices.Contains(got, id) {
				t.Errorf("NameMatches(%q) = %v, misses %q (live quads name %v so)", name, got, id, want)
			}
		}
		for _, id := range got {
			if !named[key][id] && id != key {
				t.Errorf("NameMatches(%q) = %v: %q is not named so (live quads name %v so)", name, got, id, want)
			}
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// walkWithoutIndexes checks that a walk on s, a store of what, reads the quads, not
// factgraph's tables.
func walkWithoutIndexes(t *testing.T, s *Store, what string) {
	t.Helper()
	w := newWalker(context.Background(), s, -1, nil)
	_, err := w.links("japan")
	used := w.br != nil && w.br.HasLinks()
	w.close()
	if err != nil || used {
		t.Fatalf("a walk on %s: index used %v, %v; want the quads read", what, used, err)
	}
}

// TestPostgresIndexes follows factgraph's tables in a PostgreSQL store through a bulk
// load, writes through deltas, removals, and a write they did not see.
func TestPostgresIndexes(t *testing.T) {
	ctx := context.Background()
	s, addr := newPostgres(t)
	ingest(t, s, bulkCorpus()...)
	if !pgIndexFresh(t, addr) {
		t.Fatal("the indexes do not cover a store just loaded in bulk")
	}
	checkPostgresIndexes(t, s, addr)

	t.Run("writes through deltas", func(t *testing.T) {
		changed := syntheticFacts(3)
		changed.Obligations[0].Bearer, changed.Obligations[0].Beneficiary = changed.Obligations[0].Beneficiary, changed.Obligations[0].Bearer
		changed.Relations = changed.Relations[1:]
		changed.Claims = changed.Claims[:len(changed.Claims)-1]
		changed.Parties[0].Aliases = []string{"Nippon", "  JAPAN alias "}
		ingest(t, s, changed, syntheticFacts(41))
		if _, err := s.Remove(ctx, "article-5", "nato-spending"); err != nil {
			t.Fatal(err)
		}
		if !pgIndexFresh(t, addr) {
			t.Fatal("the indexes do not cover the store after writes through deltas")
		}
		checkPostgresIndexes(t, s, addr)
	})

	t.Run("a write they did not see", func(t *testing.T) {
		// Cayley's own write, as another program would make it.
		err := s.qs.ApplyDeltas([]cgraph.Delta{
			{Action: cgraph.Add, Quad: quad.Make(model.ItemIRI("stranger"), model.Kind, quad.String(graph.KindParty), model.SourceIRI("article-1"))},
			{Action: cgraph.Add, Quad: quad.Make(model.ItemIRI("stranger"), model.Name, quad.String("Stranger"), model.SourceIRI("article-1"))},
			{Action: cgraph.Add, Quad: quad.Make(model.ItemIRI("stranger"), quad.IRI("allied-with"), model.ItemIRI("japan"), model.SourceIRI("article-1"))},
		}, cgraph.IgnoreOpts{})
		if err != nil {
			t.Fatal(err)
		}
		if pgIndexFresh(t, addr) {
			t.Fatal("the indexes claim to cover a write they did not see")
		}
		w := newWalker(ctx, s, -1, nil)
		ls, err := w.links("stranger")
		used := w.br != nil && w.br.HasLinks()
		w.close()
		if err != nil || used || len(ls) != 1 || ls[0].to != "japan" {
			t.Errorf("a walk on a store with stale indexes: index used %v, links of an item the index did not see %+v, %v; want one to japan", used, ls, err)
		}
		if _, err := s.NameMatches(ctx, "stranger "); !errors.Is(err, ErrNoNameIndex) {
			t.Errorf("NameMatches on stale indexes: %v, want ErrNoNameIndex (read the whole store)", err)
		}
		// The next write builds them again.
		ingest(t, s, syntheticFacts(42))
		if !pgIndexFresh(t, addr) {
			t.Fatal("the indexes were not built again by the next write")
		}
		checkPostgresIndexes(t, s, addr)
		if got, err := s.NameMatches(ctx, "STRANGER"); err != nil || !slices.Equal(got, []string{"stranger"}) {
			t.Errorf("NameMatches after the indexes were built again = %v, %v; want [stranger]", got, err)
		}
	})

	t.Run("a store of the first layout", func(t *testing.T) {
		ingest(t, s, syntheticFacts(44))
		// The link index as version 1 kept it: a row for each entry.
		db, err := sql.Open("postgres", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec(`CREATE TABLE factgraph_links (item TEXT COLLATE "C" NOT NULL, at TEXT COLLATE "C" NOT NULL,
				mid TEXT COLLATE "C" NOT NULL, other TEXT COLLATE "C" NOT NULL, source TEXT COLLATE "C" NOT NULL);
			INSERT INTO factgraph_links SELECT item, split_part(l, E'\t', 1), split_part(l, E'\t', 2), split_part(l, E'\t', 3), source
				FROM factgraph_link_lines CROSS JOIN LATERAL unnest(string_to_array(lines, E'\n')) AS l;
			CREATE UNIQUE INDEX factgraph_links_key ON factgraph_links (item, at, mid, other, source);
			DROP TABLE factgraph_link_lines;
			UPDATE factgraph_state SET version = 1`); err != nil {
			t.Fatal(err)
		}
		old := openStore(t, addr)
		walkWithoutIndexes(t, old, "a store of the first layout")
		// An ingest that changes nothing builds them again.
		if r := ingest(t, old, syntheticFacts(44)); len(r.Sources) != 1 || r.Sources[0].Change != ChangeUnchanged {
			t.Fatalf("ingesting the same source again: %+v, want it unchanged", r.Sources)
		}
		if !pgIndexFresh(t, addr) {
			t.Fatal("the indexes were not built again by an ingest that changed nothing")
		}
		checkPostgresIndexes(t, old, addr)
		if rows := pgQuery(t, addr, `SELECT 'left', to_regclass('factgraph_links')::text, version FROM factgraph_state`); !slices.Equal(rows, []string{"left |  | 3"}) {
			t.Errorf("after the first write: %q; want the first layout's table gone and version 3", rows)
		}
	})

	t.Run("a store of the second layout", func(t *testing.T) {
		// Version 2 had no item table.
		storetest.ExecPostgres(t, addr, `DROP TABLE factgraph_items; UPDATE factgraph_state SET version = 2`)
		old := openStore(t, addr)
		walkWithoutIndexes(t, old, "a store of the second layout")
		if rows := pgQuery(t, addr, `SELECT count(*) FROM factgraph_items`); !slices.Equal(rows, []string{"0"}) {
			t.Fatalf("the item table of a store of the second layout, once opened: %q rows; want it made, empty", rows)
		}
		if r := ingest(t, old, syntheticFacts(44)); len(r.Sources) != 1 || r.Sources[0].Change != ChangeUnchanged {
			t.Fatalf("ingesting the same source again: %+v, want it unchanged", r.Sources)
		}
		if !pgIndexFresh(t, addr) {
			t.Fatal("the indexes were not built again by an ingest that changed nothing")
		}
		checkPostgresIndexes(t, old, addr)
	})
}
