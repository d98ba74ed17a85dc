package pgstore

import (
	"context"
	"database/sql"
)

// factgraph's own tables beside Cayley's nodes and quads: the name and link indexes
// (model/index.go says what they list), the item table (items.go) and their state. Every
// write of factgraph changes them in the transaction that changes the quads (write.go,
// bulk.go), so they list exactly the live quads. A write into the quads by anything else
// (Cayley's own tools, another program) fires the trigger factgraph_quads_written, which
// marks the indexes stale in that write's transaction: readers then do without them, and
// factgraph's next write, or an ingest that changes nothing (DB.Apply), builds them again
// from the quads. The state also says whether the store was ever written (written), which
// decides whether a write may be a bulk load (bulk.go); unlike the quads' horizon
// sequence, it goes back with a transaction that fails.
//
// Text columns compare bytes (COLLATE "C"), so that a run of entries comes in the order of
// the keys of a bolt store's indexes, and answers are the same on both.
const schemaSQL = `
CREATE TABLE IF NOT EXISTS factgraph_names (
	name TEXT COLLATE "C" NOT NULL,
	subject TEXT COLLATE "C" NOT NULL,
	source TEXT COLLATE "C" NOT NULL,
	pred TEXT COLLATE "C" NOT NULL,
	said TEXT COLLATE "C" NOT NULL
);
CREATE INDEX IF NOT EXISTS factgraph_names_name_subject ON factgraph_names (name, subject);
` + linkLinesSQL + `;
` + itemsSQL + `;
CREATE INDEX IF NOT EXISTS factgraph_quads_label ON quads (label_hash);
CREATE TABLE IF NOT EXISTS factgraph_state (
	version INT NOT NULL,
	fresh BOOLEAN NOT NULL,
	written BOOLEAN NOT NULL
);
INSERT INTO factgraph_state (version, fresh, written)
	SELECT ` + indexVersion + `, NOT EXISTS (SELECT 1 FROM quads), EXISTS (SELECT 1 FROM quads) OR (SELECT is_called FROM quads_horizon_seq)
	WHERE NOT EXISTS (SELECT 1 FROM factgraph_state);
CREATE OR REPLACE FUNCTION factgraph_quads_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF coalesce(current_setting('factgraph.writing', true), '') <> 'on' THEN
		UPDATE factgraph_state SET fresh = false, written = true WHERE fresh OR NOT written;
	END IF;
	RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS factgraph_quads_written ON quads;
CREATE TRIGGER factgraph_quads_written AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON quads
	FOR EACH STATEMENT EXECUTE FUNCTION factgraph_quads_written();
`

// linkLinesSQL makes the link index: a row for each item and source that lists entries
// under it, with the kind that source gives the item ("" for none) and the entries as
// lines (linklines.go). At 10,000 articles that is 420,000 rows in 132 MB of table and
// indexes, where a row for each entry was 2,621,575 rows in 408 MB; a bulk load copies and
// indexes them in about 1 s of the server's work instead of 7 s, and writes 118 MB less
// log. The index on kind finds an item's first kind in one descent: a party has a row for
// each of the thousands of sources that state it.
const linkLinesSQL = `CREATE TABLE IF NOT EXISTS factgraph_link_lines (
	item TEXT COLLATE "C" NOT NULL,
	source TEXT COLLATE "C" NOT NULL,
	kind TEXT COLLATE "C" NOT NULL,
	lines TEXT COLLATE "C" NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS factgraph_link_lines_key ON factgraph_link_lines (item, source);
CREATE INDEX IF NOT EXISTS factgraph_link_lines_kind ON factgraph_link_lines (item, kind)`

// itemsSQL makes the item table: a row for each item and source, the source's quads of the
// item with their values (items.go).
const itemsSQL = `CREATE TABLE IF NOT EXISTS factgraph_items (
	item TEXT COLLATE "C" NOT NULL,
	source TEXT COLLATE "C" NOT NULL,
	quads TEXT COLLATE "C" NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS factgraph_items_key ON factgraph_items (item, source)`

// indexVersion is the version of the layout of factgraph's tables: indexes of another
// version are built again by the next write. Version 1 kept the link index as a row for
// each entry, in factgraph_links, which that write drops; version 2 had no item table.
const indexVersion = "3"

// upgradeSQL brings the indexes of a store written by an earlier version to this one:
//   - the name index also holds the subjects, so that the items of a name that a thousand
//     sources state are read from the index alone. The earlier index stays: dropping it
//     would wait for every reader of the table to finish, and hold off new ones meanwhile.
//   - the link index as lines (linkLinesSQL) and the item table (itemsSQL), which the next
//     write fills (indexVersion).
//   - the quads by label. Cayley's quads refer to their labels' nodes with a foreign key
//     but none of its indexes starts with the label, so every node a write deletes (a
//     value no quad names any more) had PostgreSQL read the whole quads table to check
//     that no label names it: 0.47 s a value at 10,000 articles, 35 s to remove one
//     article. The index costs 26 MB and 2.6 s of a bulk load at that size.
const upgradeSQL = `CREATE INDEX IF NOT EXISTS factgraph_names_name_subject ON factgraph_names (name, subject);
CREATE INDEX IF NOT EXISTS factgraph_quads_label ON quads (label_hash);
` + linkLinesSQL + `;
` + itemsSQL

// ensureSchema creates factgraph's tables in a store whose Cayley tables exist, unless
// they exist already, and brings their indexes up to date, in tx, which holds the schema
// lock.
func ensureSchema(ctx context.Context, tx *sql.Tx) error {
	var quads, state, names, labels, lines, items sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT to_regclass('quads')::text, to_regclass('factgraph_state')::text,
		to_regclass('factgraph_names_name_subject')::text, to_regclass('factgraph_quads_label')::text,
		to_regclass('factgraph_link_lines_kind')::text, to_regclass('factgraph_items_key')::text`).Scan(&quads, &state, &names, &labels, &lines, &items); err != nil {
		return err
	}
	if !quads.Valid {
		return nil
	}
	if state.Valid {
		if names.Valid && labels.Valid && lines.Valid && items.Valid {
			return nil
		}
		_, err := tx.ExecContext(ctx, upgradeSQL)
		return err
	}
	if _, err := tx.ExecContext(ctx, schemaSQL); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, newStoreIndexesSQL)
	return err
}

// newStoreIndexesSQL sets Cayley's indexes of the quads of a store that holds no quad yet,
// when factgraph first makes its tables there: it drops the one by object, subject and
// predicate, makes the unique index of the labelled quads cover every quad in place of the
// one by subject, predicate and object, and fills the others (below).
//
// The index by object, subject and predicate serves no look-up the others do not:
// Cayley's by the object (and the check of the objects' foreign key when a write deletes a
// value) go through the index by object, predicate and subject, and by the object and the
// subject through the index that leads with the subject, which reads the subject's quads.
// At 10,000 articles it is 507 MB, its build took 10 to 13 s of one of the bulk load's two
// building connections and the load 8 s more on average (docs/postgres-ingest.md), and every later
// write kept it up to date.
//
// Cayley's unique index of the labelled quads (subject, predicate, object, label) holds only
// the quads with a label, and every quad factgraph writes has one: it is the index by
// subject, predicate and object with the label added, yet the planner could not use it for
// a look-up that does not say the label is there, which Cayley's and PostgreSQL's own (the
// check of the subjects' foreign key) do not. Made over every quad, it serves them, and the
// index by subject, predicate and object goes: 280 MB at 10,000 articles, 7 to 15 s of a
// building connection. It keeps the same quads apart as before (quads without a label are
// never equal in it, as NULL equals nothing, and Cayley's unique index of those stays), so
// a write of a quad the store holds fails as before.
//
// A store that holds quads keeps its indexes: dropping one waits for every reader of the
// table and holds off new ones meanwhile. One that holds none gets them at its first write
// too (BulkLoad), such as a store an earlier build made.
//
// The index by predicate, object and subject gives way to one by the predicate alone. An
// index that leads with the predicate is needed by the foreign key of the predicates
// (TestQuadKeysIndexed) and by Gizmo's walks from a predicate alone, which read all of its
// quads either way; a look-up by the predicate and the object goes through the index by
// object and predicate, and one by the predicate and the subject through the one that
// leads with the subject. With a few dozen predicates, PostgreSQL keeps each once a page
// of the index (deduplication): at 10,000 articles 27 MB instead of 281, built in 9 s
// instead of 15 to 21, and a bulk load 7.2 s quicker on average (docs/postgres-ingest.md).
//
// Cayley builds its indexes of three hashes half-filled (fill factor 50), for writes that
// land anywhere in them; a new store's by object is filled as PostgreSQL fills an index
// by default (90%), and a bulk load builds it so (it copies the definitions). At 10,000
// articles it is 281 MB instead of 508, and the queries and the writes of one article
// took as long as before (docs/postgres-ingest.md).
const newStoreIndexesSQL = `DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM quads) THEN
		DROP INDEX IF EXISTS osp_index;
		IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('spol_unique') AND indpred IS NOT NULL) THEN
			DROP INDEX IF EXISTS spo_index;
			DROP INDEX spol_unique;
			CREATE UNIQUE INDEX spol_unique ON quads (subject_hash, predicate_hash, object_hash, label_hash);
		END IF;
		DROP INDEX IF EXISTS pos_index;
		CREATE INDEX IF NOT EXISTS factgraph_quads_predicate ON quads (predicate_hash);
		ALTER INDEX IF EXISTS ops_index RESET (fillfactor);
	END IF;
END
$$`

// beginWrite starts a write transaction of factgraph: the trigger leaves the indexes fresh
// for it, and it holds the schema lock shared, so that a bulk load (which holds it alone)
// never runs beside it. fresh says whether the indexes cover the store.
func beginWrite(ctx context.Context, db *sql.DB) (tx *sql.Tx, fresh bool, err error) {
	tx, err = db.BeginTx(ctx, nil)
	if err != nil {
		return nil, false, err
	}
	var version sql.NullInt64
	_, err = tx.ExecContext(ctx, `SELECT set_config('factgraph.writing', 'on', true), pg_advisory_xact_lock_shared($1)`, schemaLock)
	if err == nil {
		err = tx.QueryRowContext(ctx, `SELECT version, fresh FROM factgraph_state LIMIT 1`).Scan(&version, &fresh)
	}
	if err != nil {
		tx.Rollback()
		return nil, false, err
	}
	return tx, fresh && version.Valid && version.Int64 == indexVersionInt, nil
}

const indexVersionInt = 3
