package pgstore

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/lib/pq"
)

// loadInPlace loads sources into the store's own tables in one transaction: their
// indexes and foreign keys are dropped for the load and made again, with their own
// definitions, from the filled tables.
func loadInPlace(ctx context.Context, conn *sql.Conn, sources []Source) (unique []int, err error) {
	err = inTx(ctx, conn, func() error {
		if _, err := conn.ExecContext(ctx, `SELECT set_config('factgraph.writing', 'on', true)`); err != nil {
			return err
		}
		var restore []string
		for _, table := range []string{"quads", "factgraph_link_lines", "factgraph_names", "factgraph_items"} {
			more, err := dropIndexes(ctx, conn, table)
			if err != nil {
				return fmt.Errorf("drop the indexes of %s for the load: %w", table, err)
			}
			restore = append(restore, more...)
		}
		l := &bulkLoad{byHash: map[refs.ValueHash]int32{}, quads: "quads", nodesTable: "nodes",
			linksTable: "factgraph_link_lines", namesTable: "factgraph_names", itemsTable: "factgraph_items"}
		if unique, err = l.copyQuads(ctx, conn, sources); err != nil {
			return err
		}
		if err := l.copyNodes(ctx, conn); err != nil {
			return err
		}
		if err := l.copyIndexes(ctx, conn); err != nil {
			return fmt.Errorf("write factgraph's indexes: %w", err)
		}
		if err := l.copyItemTable(ctx, conn); err != nil {
			return fmt.Errorf("write factgraph's item table: %w", err)
		}
		for _, stmt := range restore {
			if _, err := conn.ExecContext(ctx, stmt); err != nil {
				return fmt.Errorf("make the indexes again: %s: %w", stmt, err)
			}
		}
		if err := beforeCommit(); err != nil {
			return err
		}
		_, err := conn.ExecContext(ctx, `UPDATE factgraph_state SET fresh = true, written = true, version = `+indexVersion+`;
			DROP TABLE IF EXISTS factgraph_links;
			ANALYZE nodes; ANALYZE quads; ANALYZE factgraph_link_lines; ANALYZE factgraph_names; ANALYZE factgraph_items`)
		return err
	})
	return unique, err
}

// dropIndexes drops the indexes and foreign keys of table but its primary key, in tx, and
// returns the statements that make them again as they were.
func dropIndexes(ctx context.Context, tx *sql.Conn, table string) (restore []string, err error) {
	type def struct{ name, def string }
	read := func(query string) ([]def, error) {
		rows, err := tx.QueryContext(ctx, query)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []def
		for rows.Next() {
			var d def
			if err := rows.Scan(&d.name, &d.def); err != nil {
				return nil, err
			}
			out = append(out, d)
		}
		return out, rows.Err()
	}
	fks, err := read(`SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
		WHERE conrelid = '` + table + `'::regclass AND contype = 'f' ORDER BY conname`)
	if err != nil {
		return nil, err
	}
	idx, err := read(`SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
		WHERE x.indrelid = '` + table + `'::regclass AND NOT x.indisprimary ORDER BY i.relname`)
	if err != nil {
		return nil, err
	}
	for _, fk := range fks {
		if _, err := tx.ExecContext(ctx, `ALTER TABLE `+table+` DROP CONSTRAINT `+pq.QuoteIdentifier(fk.name)); err != nil {
			return nil, err
		}
	}
	for _, ix := range idx {
		if _, err := tx.ExecContext(ctx, `DROP INDEX `+pq.QuoteIdentifier(ix.name)); err != nil {
			return nil, err
		}
		restore = append(restore, ix.def)
	}
	for _, fk := range fks {
		restore = append(restore, `ALTER TABLE `+table+` ADD CONSTRAINT `+pq.QuoteIdentifier(fk.name)+` `+fk.def)
	}
	return restore, nil
}
