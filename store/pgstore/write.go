package pgstore

import (
	"context"
	"database/sql"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	graphlog "github.com/cayleygraph/cayley/graph/log"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/cayley/graph/sql/postgres"
	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/store/model"
	"github.com/lib/pq"
)

// Apply writes deltas into the store in one transaction with the changes they make to
// factgraph's indexes: the quads as Cayley's ApplyDeltas writes them (graph/sql's
// quadstore.go, with its PostgreSQL statements), which opens a transaction of its own
// that nothing else can join. Indexes that do not cover the store (a write they did not
// see, or the layout of another version) are built again instead; with no deltas, that
// is all Apply does, and nothing when they cover it.
func (db *DB) Apply(ctx context.Context, deltas []cgraph.Delta) error {
	conn, err := db.sqlDB()
	if err != nil {
		return err
	}
	tx, fresh, err := beginWrite(ctx, conn)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if fresh && len(deltas) == 0 {
		return nil
	}
	if err := applyQuads(tx, deltas); err != nil {
		return err
	}
	if fresh {
		err = updateIndexes(ctx, tx, deltas)
	} else {
		err = rebuildIndexes(ctx, tx)
	}
	if err != nil {
		return fmt.Errorf("write factgraph's indexes: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE factgraph_state SET written = true WHERE NOT written`); err != nil {
		return err
	}
	if err := beforeCommit(); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	// Cayley's quad store caches the number of quads it last counted; an empty write
	// through it forgets the count.
	return db.qs.ApplyDeltas(nil, cgraph.IgnoreOpts{})
}

// applyQuads is the body of Cayley's ApplyDeltas for PostgreSQL (graph/sql/quadstore.go),
// in tx.
func applyQuads(tx *sql.Tx, in []cgraph.Delta) error {
	deltas := graphlog.SplitDeltas(in)
	if err := postgres.RunTxPostgres(tx, deltas.IncNode, deltas.QuadAdd, cgraph.IgnoreOpts{}); err != nil {
		return err
	}
	var deleteQuad, deleteTriple *sql.Stmt
	for _, d := range deltas.QuadDel {
		dirs := make([]any, 0, len(quad.Directions))
		for _, h := range d.Quad.Dirs() {
			dirs = append(dirs, csql.NodeHash{ValueHash: h}.SQLValue())
		}
		if deleteQuad == nil {
			var err error
			if deleteQuad, err = tx.Prepare(`DELETE FROM quads WHERE subject_hash=$1 and predicate_hash=$2 and object_hash=$3 and label_hash=$4;`); err != nil {
				return err
			}
			defer deleteQuad.Close()
			if deleteTriple, err = tx.Prepare(`DELETE FROM quads WHERE subject_hash=$1 and predicate_hash=$2 and object_hash=$3 and label_hash is null;`); err != nil {
				return err
			}
			defer deleteTriple.Close()
		}
		stmt := deleteQuad
		if i := len(dirs) - 1; dirs[i] == nil {
			stmt, dirs = deleteTriple, dirs[:i]
		}
		res, err := stmt.Exec(dirs...)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n != 1 {
			return &cgraph.DeltaError{Err: cgraph.ErrQuadNotExist}
		}
	}
	if len(deltas.DecNode) == 0 {
		return nil
	}
	update, err := tx.Prepare(`UPDATE nodes SET refs = refs + $1 WHERE hash = $2;`)
	if err != nil {
		return err
	}
	defer update.Close()
	var dropped [][]byte
	for _, n := range deltas.DecNode {
		if n.RefInc == 0 {
			continue
		}
		h := csql.NodeHash{ValueHash: n.Hash}.SQLValue()
		if _, err := update.Exec(n.RefInc, h); err != nil {
			return err
		}
		if b, ok := h.([]byte); ok && n.RefInc < 0 {
			dropped = append(dropped, b)
		}
	}
	// Only the values this write took references from can have lost their last one.
	// Cayley's statement looks at every node for one with no reference left: it reads the
	// whole nodes table, 88 to 157 ms at 10,000 articles where this one takes 3 ms.
	_, err = tx.Exec(`DELETE FROM nodes WHERE hash = ANY($1) AND refs <= 0`, pq.Array(dropped))
	return err
}

// updateIndexes adds the index entries of the quads deltas add and deletes those of the
// quads they remove, in tx.
func updateIndexes(ctx context.Context, tx *sql.Tx, deltas []cgraph.Delta) error {
	var addNames, delNames []nameEntry
	var addLinks, delLinks []model.LinkRow
	for _, d := range deltas {
		q := d.Quad
		var rows []model.LinkRow
		for _, at := range model.LinkEnds(q) {
			rows = append(rows, model.LinkRowOf(q, at))
		}
		name, subj, isName := model.NameQuad(q)
		if d.Action == cgraph.Add {
			addLinks = append(addLinks, rows...)
			if isName {
				addNames = append(addNames, nameRow(name, subj, q))
			}
		} else {
			delLinks = append(delLinks, rows...)
			if isName {
				delNames = append(delNames, nameRow(name, subj, q))
			}
		}
	}
	if len(delNames) > 0 {
		stmt, err := tx.PrepareContext(ctx, `DELETE FROM factgraph_names WHERE name=$1 AND subject=$2 AND source=$3 AND pred=$4 AND said=$5`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, r := range delNames {
			if _, err := stmt.Exec(r[0], r[1], r[2], r[3], r[4]); err != nil {
				return err
			}
		}
	}
	if err := copyNames(ctx, tx, "factgraph_names", addNames); err != nil {
		return err
	}
	if err := updateLines(ctx, tx, addLinks, delLinks); err != nil {
		return err
	}
	return updateItems(ctx, tx, deltas)
}

// nameEntry is a row of the name index: the folded name, the subject it names, the
// source that states it, and the predicate and name of the quad that does.
type nameEntry [5]string

// nameRow is the row of the name index for the quad q, which gives subj the name name.
func nameRow(name string, subj quad.IRI, q quad.Quad) nameEntry {
	p, _ := q.Predicate.(quad.IRI)
	return nameEntry{model.FoldedName(name), string(subj), sourceID(q.Label), string(p), name}
}

func sourceID(label quad.Value) string {
	l, _ := label.(quad.IRI)
	return string(l)[len(model.SourcePrefix):]
}

// rebuildIndexes builds factgraph's indexes again from every quad of the store, in tx,
// and marks them fresh. The link index of version 1 goes (indexVersion).
func rebuildIndexes(ctx context.Context, tx *sql.Tx) error {
	var numbers []int64
	t, err := readTable(ctx, tx, &numbers)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM factgraph_names; DELETE FROM factgraph_link_lines; DELETE FROM factgraph_items;
		DROP TABLE IF EXISTS factgraph_links`); err != nil {
		return err
	}
	var names []nameEntry
	var links []model.LinkRow
	seen := map[model.LinkRow]bool{}
	seenName := map[nameEntry]bool{}
	for _, ids := range t.Quads {
		q := quad.Quad{Subject: t.Values[ids[0]], Predicate: t.Values[ids[1]], Object: t.Values[ids[2]], Label: t.Values[ids[3]]}
		for _, at := range model.LinkEnds(q) {
			if r := model.LinkRowOf(q, at); !seen[r] {
				seen[r] = true
				links = append(links, r)
			}
		}
		if name, subj, ok := model.NameQuad(q); ok {
			if r := nameRow(name, subj, q); !seenName[r] {
				seenName[r] = true
				names = append(names, r)
			}
		}
	}
	if err := copyNames(ctx, tx, "factgraph_names", names); err != nil {
		return err
	}
	keys, lines := groupLines(links)
	if err := copyLines(ctx, tx, keys, lines); err != nil {
		return err
	}
	itemKeys, itemRows := tableItems(t, numbers)
	if err := copyItems(ctx, tx, itemKeys, itemRows); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE factgraph_state SET fresh = true, version = `+indexVersion)
	return err
}

var cgraphIgnore = cgraph.IgnoreOpts{}

// FailBeforeCommit, when set, makes every write fail with its error just before it
// commits, for tests of what a failed write leaves.
var FailBeforeCommit func() error

func beforeCommit() error {
	if FailBeforeCommit != nil {
		return FailBeforeCommit()
	}
	return nil
}
