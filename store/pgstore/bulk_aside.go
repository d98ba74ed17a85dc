package pgstore

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/lib/pq"
)

// A bulk load beside the store: the rows are copied into tables of their own
// (factgraph_load_quads beside quads, and so on), committed, their indexes are built from
// several connections at once (a server builds one index on about one core; two builds
// side by side took 23.1 s where the same four one after the other took 34.3 s, each with
// PostgreSQL's own parallel workers), the primary keys and foreign keys are added, and
// then one short transaction drops the store's empty tables and renames the loaded ones,
// their indexes and keys to the names Cayley gave the originals. A reader sees the empty
// store until that transaction commits and the whole load after; a load that fails drops
// its tables, and one that was killed leaves them to be dropped by the next. Only a store
// whose tables carry nothing that a copy made with CREATE TABLE ... LIKE would lose
// (grants, views, rules, publications, policies, comments, triggers but factgraph's, ...) is
// loaded this way; any other is loaded within one transaction (loadInPlace).

// BeforeSwap, when set, runs when a load beside the store has built everything and is
// about to put it in place, for tests of what readers see meanwhile; its error stops the
// load.
var BeforeSwap func() error

// loadPrefix begins the names of the tables, indexes and keys of a load beside the store.
const loadPrefix = "factgraph_load_"

// maxIdentifier is the length of the longest name PostgreSQL keeps whole: an index whose
// name with loadPrefix would be cut is not loaded beside the store.
const maxIdentifier = 63

// loadTables are the tables a bulk load fills, each table before the ones it refers to
// (its foreign keys are added after theirs).
var loadTables = []string{"nodes", "quads", "factgraph_link_lines", "factgraph_names", "factgraph_items"}

// Builders is the number of connections that build the indexes of a load beside the store
// at once, beside the load's own.
var Builders = 2

// asideTable is a table of the store and what its copy needs to become it.
type asideTable struct {
	name, load string
	indexes    []asideIndex
	// fks add the table's foreign keys to its copy, referring to the copies of the tables
	// they refer to.
	fks []string
	// triggers make the table's triggers again, once the copy has its name.
	triggers []string
	// sequences are the sequences that columns of the table own, with the column.
	sequences [][2]string
}

// asideIndex is an index of a table and the statement that builds it on the table's copy
// under the name of the load.
type asideIndex struct {
	name, load string
	primary    bool
	create     string
	columns    int
}

// loadAside loads sources into tables beside the store's, their indexes built by b, and
// puts them in their place.
func loadAside(ctx context.Context, conn *sql.Conn, b *builders, plan []*asideTable, sources []Source) (unique []int, err error) {
	defer func() {
		if err != nil {
			b.cancel()
		}
		if serr := b.stop(); err == nil && serr != nil {
			err = serr
		}
		if err != nil {
			dropLoadTables(context.Background(), conn)
		}
	}()
	if err := dropLoadTables(ctx, conn); err != nil {
		return nil, fmt.Errorf("drop the tables an earlier load left: %w", err)
	}
	if err := createLoadTables(ctx, conn, plan); err != nil {
		return nil, fmt.Errorf("make the tables of the load: %w", err)
	}
	tables := map[string]*asideTable{}
	groups := map[string]*sync.WaitGroup{}
	for _, t := range plan {
		tables[t.name] = t
		groups[t.name] = &sync.WaitGroup{}
	}
	// Each table is copied in a transaction of its own, so that the builders see it once
	// it commits and build its indexes while the next is copied.
	build := func(names ...string) {
		for _, name := range names {
			for _, ix := range tables[name].indexes {
				b.add(groups[name], ix.create)
			}
		}
	}
	l := &bulkLoad{byHash: map[refs.ValueHash]int32{}, quads: tables["quads"].load, nodesTable: tables["nodes"].load,
		linksTable: tables["factgraph_link_lines"].load, namesTable: tables["factgraph_names"].load,
		itemsTable: tables["factgraph_items"].load, freeze: true}
	// Each table's statistics are gathered in the transaction that copies it, before the
	// builders take it.
	for _, step := range []struct {
		copy   func() error
		tables []string
	}{
		{func() (err error) { unique, err = l.copyQuads(ctx, conn, sources); return err }, []string{"quads"}},
		{func() error { return l.copyNodes(ctx, conn) }, []string{"nodes"}},
		{func() error {
			if err := l.copyIndexes(ctx, conn); err != nil {
				return fmt.Errorf("write factgraph's indexes: %w", err)
			}
			return nil
		}, []string{"factgraph_link_lines", "factgraph_names"}},
		{func() error {
			if err := l.copyItemTable(ctx, conn); err != nil {
				return fmt.Errorf("write factgraph's item table: %w", err)
			}
			return nil
		}, []string{"factgraph_items"}},
	} {
		err := inTx(ctx, conn, func() error {
			if err := step.copy(); err != nil {
				return err
			}
			for _, name := range step.tables {
				if _, err := conn.ExecContext(ctx, `ANALYZE `+pq.QuoteIdentifier(tables[name].load)); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		build(step.tables...)
	}
	// Each table's keys once its indexes and those of the tables it refers to are built
	// (plan lists those first).
	for _, t := range plan {
		if err := b.wait(groups[t.name]); err != nil {
			return nil, fmt.Errorf("build the indexes of %s: %w", t.name, err)
		}
		for _, stmt := range finishStatements(t) {
			if _, err := conn.ExecContext(ctx, stmt); err != nil {
				return nil, fmt.Errorf("%s: %w", stmt, err)
			}
		}
	}
	if BeforeSwap != nil {
		if err := BeforeSwap(); err != nil {
			return nil, err
		}
	}
	err = inTx(ctx, conn, func() error {
		for _, stmt := range swapStatements(plan) {
			if _, err := conn.ExecContext(ctx, stmt); err != nil {
				return fmt.Errorf("put the loaded tables in place: %s: %w", stmt, err)
			}
		}
		if _, err := conn.ExecContext(ctx, `UPDATE factgraph_state SET fresh = true, written = true, version = `+indexVersion+`;
			DROP TABLE IF EXISTS factgraph_links`); err != nil {
			return err
		}
		return beforeCommit()
	})
	if err != nil {
		return nil, err
	}
	return unique, nil
}

// planAside reads how the store's tables are made and returns the plan of a load beside
// them, or nil when something is attached to them that the copies would lose.
func planAside(ctx context.Context, conn *sql.Conn) ([]*asideTable, error) {
	var ok bool
	if err := conn.QueryRowContext(ctx, asideCheckSQL, pq.Array(loadTables)).Scan(&ok); err != nil {
		return nil, fmt.Errorf("read how the store's tables are made: %w", err)
	}
	if !ok {
		return nil, nil
	}
	var plan []*asideTable
	for _, name := range loadTables {
		t := &asideTable{name: name, load: loadPrefix + name}
		rows, err := conn.QueryContext(ctx, `SELECT i.relname, x.indisprimary, x.indnkeyatts, pg_get_indexdef(i.oid),
				format('CREATE %sINDEX %I ON %I.%I ', CASE WHEN x.indisunique THEN 'UNIQUE ' END, i.relname, n.nspname, c.relname)
			FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
			JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE x.indrelid = $1::regclass ORDER BY i.relname`, name)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var ix asideIndex
			var def, prefix string
			if err := rows.Scan(&ix.name, &ix.primary, &ix.columns, &def, &prefix); err != nil {
				rows.Close()
				return nil, err
			}
			rest, found := strings.CutPrefix(def, prefix)
			if !found || !strings.HasPrefix(rest, "USING ") {
				rows.Close()
				return nil, nil
			}
			ix.load = loadPrefix + ix.name
			if len(ix.load) > maxIdentifier {
				rows.Close()
				return nil, nil
			}
			unique := ""
			if strings.HasPrefix(prefix, "CREATE UNIQUE ") {
				unique = "UNIQUE "
			}
			ix.create = "CREATE " + unique + "INDEX " + pq.QuoteIdentifier(ix.load) + " ON " + pq.QuoteIdentifier(t.load) + " " + rest
			t.indexes = append(t.indexes, ix)
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
		// The builders take the indexes of more columns first: they take longest to sort,
		// and the short ones fill in at the end.
		slices.SortStableFunc(t.indexes, func(a, b asideIndex) int { return cmp.Compare(b.columns, a.columns) })
		fks, err := readPairs(ctx, conn, `SELECT c.conname, pg_get_constraintdef(c.oid), c.confrelid::regclass::text
			FROM pg_constraint c WHERE c.conrelid = $1::regclass AND c.contype = 'f' ORDER BY c.conname`, name)
		if err != nil {
			return nil, err
		}
		for _, fk := range fks {
			ref := "REFERENCES " + fk[2] + "("
			if strings.Count(fk[1], ref) != 1 {
				return nil, nil
			}
			def := strings.Replace(fk[1], ref, "REFERENCES "+pq.QuoteIdentifier(loadPrefix+fk[2])+"(", 1)
			t.fks = append(t.fks, "ALTER TABLE "+pq.QuoteIdentifier(t.load)+" ADD CONSTRAINT "+pq.QuoteIdentifier(fk[0])+" "+def)
		}
		triggers, err := readPairs(ctx, conn, `SELECT tgname, pg_get_triggerdef(oid), '' FROM pg_trigger
			WHERE tgrelid = $1::regclass AND NOT tgisinternal ORDER BY tgname`, name)
		if err != nil {
			return nil, err
		}
		for _, tg := range triggers {
			t.triggers = append(t.triggers, tg[1])
		}
		seqs, err := readPairs(ctx, conn, `SELECT s.oid::regclass::text, a.attname, '' FROM pg_depend d
			JOIN pg_class s ON s.oid = d.objid AND d.classid = 'pg_class'::regclass AND s.relkind = 'S'
			JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
			WHERE d.refobjid = $1::regclass AND d.deptype = 'a' ORDER BY 1`, name)
		if err != nil {
			return nil, err
		}
		for _, s := range seqs {
			t.sequences = append(t.sequences, [2]string{s[0], s[1]})
		}
		plan = append(plan, t)
	}
	return plan, nil
}

// readPairs runs query with arg and returns its rows of three text columns.
func readPairs(ctx context.Context, conn *sql.Conn, query string, arg any) ([][3]string, error) {
	rows, err := conn.QueryContext(ctx, query, arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][3]string
	for rows.Next() {
		var r [3]string
		if err := rows.Scan(&r[0], &r[1], &r[2]); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// asideCheckSQL says whether the tables named by $1 carry only what a copy made with
// CREATE TABLE ... (LIKE ... INCLUDING ALL EXCLUDING INDEXES), its indexes, primary and
// foreign keys built again, and factgraph's trigger, reproduce: tables of the current
// user, without grants, options, row security, comments, inheritance or partitions, column
// settings, views or rules, publications, constraints but keys and NOT NULL, foreign keys
// from or to other tables, and triggers but factgraph's; and in the schema where CREATE
// TABLE puts a table, so that the copies are made beside them.
const asideCheckSQL = `WITH t AS (SELECT c.oid FROM pg_class c WHERE c.oid = ANY (SELECT to_regclass(n) FROM unnest($1::text[]) AS n))
SELECT (SELECT count(*) FROM t) = cardinality($1::text[])
	AND NOT EXISTS (SELECT 1 FROM pg_class c JOIN t USING (oid) WHERE c.relacl IS NOT NULL OR c.reloptions IS NOT NULL
		OR c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = current_user) OR c.relrowsecurity
		OR c.relkind <> 'r' OR c.relispartition OR c.relhassubclass OR c.relpersistence <> 'p')
	AND NOT EXISTS (SELECT 1 FROM pg_class c JOIN t USING (oid) WHERE c.relnamespace <> current_schema()::regnamespace)
	AND NOT EXISTS (SELECT 1 FROM pg_inherits i JOIN t ON i.inhrelid = t.oid)
	AND NOT EXISTS (SELECT 1 FROM pg_attribute a JOIN t ON a.attrelid = t.oid WHERE a.attnum > 0 AND NOT a.attisdropped
		AND (a.attacl IS NOT NULL OR a.attoptions IS NOT NULL OR a.attidentity <> '' OR coalesce(a.attstattarget::int, -1) <> -1))
	AND NOT EXISTS (SELECT 1 FROM pg_depend d JOIN t ON d.refobjid = t.oid WHERE d.classid = 'pg_rewrite'::regclass)
	AND NOT EXISTS (SELECT 1 FROM pg_description d JOIN t ON d.objoid = t.oid WHERE d.classoid = 'pg_class'::regclass)
	AND NOT EXISTS (SELECT 1 FROM pg_publication_rel p JOIN t ON p.prrelid = t.oid)
	AND NOT EXISTS (SELECT 1 FROM pg_policy p JOIN t ON p.polrelid = t.oid)
	AND NOT EXISTS (SELECT 1 FROM pg_constraint c JOIN t ON c.conrelid = t.oid WHERE c.contype NOT IN ('f', 'p', 'n'))
	AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.contype = 'f'
		AND (c.conrelid IN (SELECT oid FROM t)) <> (c.confrelid IN (SELECT oid FROM t)))
	AND NOT EXISTS (SELECT 1 FROM pg_trigger g JOIN t ON g.tgrelid = t.oid WHERE NOT g.tgisinternal
		AND g.tgname <> 'factgraph_quads_written')`

// dropLoadTables drops the tables of a load beside the store, if any are left.
func dropLoadTables(ctx context.Context, conn *sql.Conn) error {
	names := make([]string, len(loadTables))
	for i, t := range loadTables {
		names[i] = pq.QuoteIdentifier(loadPrefix + t)
	}
	_, err := conn.ExecContext(ctx, `DROP TABLE IF EXISTS `+strings.Join(names, ", "))
	return err
}

// createLoadTables makes the tables of a load beside the store, empty, without indexes.
func createLoadTables(ctx context.Context, conn *sql.Conn, plan []*asideTable) error {
	var b strings.Builder
	for _, t := range plan {
		fmt.Fprintf(&b, "CREATE TABLE %s (LIKE %s INCLUDING ALL EXCLUDING INDEXES);\n", pq.QuoteIdentifier(t.load), pq.QuoteIdentifier(t.name))
	}
	_, err := conn.ExecContext(ctx, b.String())
	return err
}

// swapStatements are the statements of the transaction that puts the loaded tables in
// the place of the store's: the sequences change owners, the store's tables are dropped,
// the loaded ones, their indexes and primary keys take their names, and the triggers are
// made again.
func swapStatements(plan []*asideTable) []string {
	var out []string
	for _, t := range plan {
		for _, s := range t.sequences {
			out = append(out, "ALTER SEQUENCE "+s[0]+" OWNED BY "+pq.QuoteIdentifier(t.load)+"."+pq.QuoteIdentifier(s[1]))
		}
	}
	names := make([]string, len(plan))
	for i, t := range plan {
		names[i] = pq.QuoteIdentifier(t.name)
	}
	out = append(out, "DROP TABLE "+strings.Join(names, ", "))
	for _, t := range plan {
		out = append(out, "ALTER TABLE "+pq.QuoteIdentifier(t.load)+" RENAME TO "+pq.QuoteIdentifier(t.name))
		for _, ix := range t.indexes {
			if ix.primary {
				out = append(out, "ALTER TABLE "+pq.QuoteIdentifier(t.name)+" RENAME CONSTRAINT "+pq.QuoteIdentifier(ix.load)+" TO "+pq.QuoteIdentifier(ix.name))
			} else {
				out = append(out, "ALTER INDEX "+pq.QuoteIdentifier(ix.load)+" RENAME TO "+pq.QuoteIdentifier(ix.name))
			}
		}
	}
	for _, t := range plan {
		out = append(out, t.triggers...)
	}
	return out
}

// finishStatements make a loaded table's primary key from its index and add its foreign
// keys, once its indexes and those of the tables it refers to are built.
func finishStatements(t *asideTable) []string {
	var out []string
	for _, ix := range t.indexes {
		if ix.primary {
			out = append(out, "ALTER TABLE "+pq.QuoteIdentifier(t.load)+" ADD CONSTRAINT "+pq.QuoteIdentifier(ix.load)+" PRIMARY KEY USING INDEX "+pq.QuoteIdentifier(ix.load))
		}
	}
	return append(out, t.fks...)
}

// builders run statements on connections of their own, a job (statements in order) at a
// time each; the first error stops the rest.
type builders struct {
	ctx    context.Context
	cancel context.CancelFunc
	jobs   chan job
	wg     sync.WaitGroup
	mu     sync.Mutex
	err    error
}

// job is statements to run in order, and the group that waits for them.
type job struct {
	stmts []string
	done  *sync.WaitGroup
}

// startBuilders opens n connections of pool and starts a builder on each.
func startBuilders(ctx context.Context, pool *sql.DB, n int) (*builders, error) {
	b := &builders{jobs: make(chan job, 64)}
	b.ctx, b.cancel = context.WithCancel(ctx)
	conns := make([]*sql.Conn, 0, n)
	for range n {
		c, err := pool.Conn(b.ctx)
		if err == nil {
			_, err = c.ExecContext(b.ctx, `SET maintenance_work_mem = '256MB'; SET max_parallel_maintenance_workers = 0`)
		}
		if err != nil {
			if c != nil {
				c.Close()
			}
			for _, c := range conns {
				c.Close()
			}
			b.cancel()
			return nil, err
		}
		conns = append(conns, c)
	}
	for _, c := range conns {
		b.wg.Add(1)
		go b.run(c)
	}
	return b, nil
}

func (b *builders) run(c *sql.Conn) {
	defer b.wg.Done()
	defer c.Close()
	defer c.ExecContext(context.Background(), `RESET maintenance_work_mem; RESET max_parallel_maintenance_workers`)
	for j := range b.jobs {
		for _, stmt := range j.stmts {
			if b.ctx.Err() != nil {
				break
			}
			if _, err := c.ExecContext(b.ctx, stmt); err != nil {
				b.fail(fmt.Errorf("%s: %w", stmt, err))
			}
		}
		j.done.Done()
	}
}

// fail keeps err if it is the first, and stops the jobs after it.
func (b *builders) fail(err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err == nil {
		b.err = err
		b.cancel()
	}
}

// firstErr is the first error of any job, or the end of the context.
func (b *builders) firstErr() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err == nil {
		return b.ctx.Err()
	}
	return b.err
}

// add queues a job of statements in order and returns the group that waits for it, or
// adds it to group g if not nil.
func (b *builders) add(g *sync.WaitGroup, stmts ...string) *sync.WaitGroup {
	if g == nil {
		g = &sync.WaitGroup{}
	}
	g.Add(1)
	b.jobs <- job{stmts, g}
	return g
}

// wait waits for group g and returns the first error of any job.
func (b *builders) wait(g *sync.WaitGroup) error {
	g.Wait()
	return b.firstErr()
}

// stop lets the builders end once their jobs are done, waits for them, and returns the
// first error of any job.
func (b *builders) stop() error {
	close(b.jobs)
	b.wg.Wait()
	err := b.firstErr()
	b.cancel()
	return err
}
