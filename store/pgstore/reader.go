package pgstore

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"

	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/store/model"
	"github.com/lib/pq"
)

// Reader answers the targeted reads of a walk (the store's walk*.go, around.go,
// sketch.go) in one read-only snapshot of the database: an item's quads from Cayley's
// tables through their indexes, with its values joined in the same query, and names,
// links, kinds and dates from factgraph's tables when they cover the store. Each read is
// one round trip; Preload reads the links of many items, and PreloadItems the quads of
// many subjects, in one. Its methods that return no error keep the first error they meet
// for Err, and answer nothing after it. Close ends the snapshot.
type Reader struct {
	ctx   context.Context
	tx    *sql.Tx
	links bool
	err   error
	stmts map[string]*sql.Stmt
	// cached are the entries of the link index read ahead (Preload), by item.
	cached map[string]*itemEntries
	// items are the quads of subjects read ahead (PreloadItems), by subject.
	items map[quad.IRI][]quad.Quad
	// firsts are the first objects of subjects and predicates read ahead (PreloadFirst);
	// nil for none.
	firsts map[[2]quad.Value]quad.Value
	// kinds are the kinds of items read ahead (PreloadKinds), "" for none.
	kinds map[string]string
	strs  map[string]string
}

// itemEntries are what the link index lists under an item: the ends of its links, each
// once, in key order; its kind and date as the first source gives them.
type itemEntries struct {
	ends       []model.LinkEnd
	kind, date string
}

// Begin opens a Reader.
func (db *DB) Begin(ctx context.Context) (*Reader, error) {
	conn, err := db.sqlDB()
	if err != nil {
		return nil, err
	}
	tx, err := conn.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("read store %q: %w", Redact(db.addr), err)
	}
	rd := &Reader{ctx: ctx, tx: tx, stmts: map[string]*sql.Stmt{}, cached: map[string]*itemEntries{},
		items: map[quad.IRI][]quad.Quad{}, firsts: map[[2]quad.Value]quad.Value{}, kinds: map[string]string{},
		strs: map[string]string{}}
	var set [4]string
	var version sql.NullInt64
	var fresh sql.NullBool
	if !db.hasState.Load() {
		// A store written before factgraph kept indexes in it has no state: the first
		// Reader looks, and the next ones of the process read the state right away.
		var state sql.NullString
		err = tx.QueryRowContext(ctx, `SELECT `+plannerSettings+`to_regclass('factgraph_state')::text`).Scan(&set[0], &set[1], &set[2], &set[3], &state)
		if err == nil && state.Valid {
			db.hasState.Store(true)
			err = tx.QueryRowContext(ctx, `SELECT version, fresh FROM (SELECT 1) AS one LEFT JOIN factgraph_state ON true LIMIT 1`).Scan(&version, &fresh)
		}
	} else {
		err = tx.QueryRowContext(ctx, `SELECT `+plannerSettings+`version, fresh FROM (SELECT 1) AS one LEFT JOIN factgraph_state ON true LIMIT 1`).Scan(&set[0], &set[1], &set[2], &set[3], &version, &fresh)
	}
	rd.links = err == nil && fresh.Bool && version.Int64 == indexVersionInt
	if err != nil {
		tx.Rollback()
		return nil, fmt.Errorf("read store %q: %w", Redact(db.addr), err)
	}
	return rd, nil
}

// plannerSettings are the columns of a query that set how PostgreSQL plans the Reader's
// queries, for its transaction. Every one of them reads a few runs of keys through an
// index and looks their values up by hash, but the planner cannot count the keys of an
// array parameter and guesses thousands of rows: it would hash a scan of the whole nodes
// table (150 ms at 10,000 articles for a query that finds no row), start parallel workers
// and compile the query (JIT) for longer than it runs.
const plannerSettings = `set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true),
	set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true), `

// Close ends the Reader's snapshot.
func (rd *Reader) Close() {
	if rd.tx != nil {
		for _, st := range rd.stmts {
			st.Close()
		}
		rd.tx.Rollback()
		rd.tx = nil
	}
}

// Err is the first error a read met.
func (rd *Reader) Err() error { return rd.err }

func (rd *Reader) fail(err error) {
	if rd.err == nil && err != nil {
		rd.err = fmt.Errorf("read store: %w", err)
	}
}

// query runs the query q, prepared once per Reader.
func (rd *Reader) query(q string, args ...any) (*sql.Rows, error) {
	if rd.err != nil {
		return nil, rd.err
	}
	statements.Add(1)
	st, ok := rd.stmts[q]
	if !ok {
		var err error
		if st, err = rd.tx.PrepareContext(rd.ctx, q); err != nil {
			return nil, err
		}
		rd.stmts[q] = st
	}
	return st.QueryContext(rd.ctx, args...)
}

// statements counts the statements the Readers of this process ran (Statements).
var statements atomic.Int64

// Statements returns how many statements the Readers of this process have run: a test
// bounds the round trips of a read with it.
func Statements() int64 { return statements.Load() }

// Intern returns b as a string, the same string for the same text throughout the Reader.
func (rd *Reader) intern(s string) string {
	if t, ok := rd.strs[s]; ok {
		return t
	}
	rd.strs[s] = s
	return s
}

// HasLinks says whether factgraph's indexes cover the store, so that the link methods
// (ItemLinks, Incoming, Kind, FirstLinked) and Names answer.
func (rd *Reader) HasLinks() bool { return rd.links }

// HasIndex says whether Cayley's tables have an index whose columns start with dirs: its
// quads are indexed by subject, predicate and object (spo), object, predicate and subject
// (ops), predicate, object and subject (pos) and object, subject and predicate (osp).
func (rd *Reader) HasIndex(dirs ...quad.Direction) (bool, error) {
	var b strings.Builder
	for _, d := range dirs {
		b.WriteByte(d.Prefix())
	}
	for _, ind := range []string{"spo", "ops", "pos", "osp"} {
		if strings.HasPrefix(ind, b.String()) {
			return true, nil
		}
	}
	return false, nil
}

// The columns of a value in a query of quads joined with their nodes.
const valueCols = `%[1]s.value, %[1]s.value_string, %[1]s.datatype, %[1]s.language, %[1]s.iri, %[1]s.bnode,
	%[1]s.value_int, %[1]s.value_bool, %[1]s.value_float, %[1]s.value_time`

// quadsQuery is the query of the quads with a source's label whose columns where names,
// with their values and numbers, in the order of their numbers when ordered (else as the
// server finds them: it sends the first rows while it looks the others up). With
// bySubject the subjects are not joined with their values: the caller names them (where
// picks them by hash), and scanQuads takes their hashes back to the values it was given.
func quadsQuery(where string, bySubject, ordered bool) string {
	subject, join := fmt.Sprintf(valueCols, "s"), `JOIN nodes s ON s.hash = q.subject_hash `
	if bySubject {
		subject, join = `q.subject_hash`, ``
	}
	order := ``
	if ordered {
		order = ` ORDER BY q.horizon`
	}
	return `SELECT ` + subject + `, ` + fmt.Sprintf(valueCols, "p") + `, ` + fmt.Sprintf(valueCols, "o") +
		`, l.value_string, q.horizon
	FROM quads q ` + join + `JOIN nodes p ON p.hash = q.predicate_hash
		JOIN nodes o ON o.hash = q.object_hash JOIN nodes l ON l.hash = q.label_hash
	WHERE ` + where + ` AND l.iri AND l.value_string LIKE 'source/%'` + order
}

// byHash maps the hashes of values to the values, for the rows of a quadsQuery by
// subject.
type byHash map[string]quad.Value

// add adds v, and returns its hash.
func (m byHash) add(v quad.Value) []byte {
	h := hashOf(v)
	m[string(h)] = v
	return h
}

// scanQuads reads the rows of a quadsQuery, and calls fn with the quad and its number;
// bySubject are the values of the subjects by hash for a query by subject, nil for
// another.
func scanQuads(rows *sql.Rows, bySubject byHash, fn func(q quad.Quad, horizon int64)) error {
	defer rows.Close()
	type cols struct {
		data   []byte
		str    sql.NullString
		typ    sql.NullString
		lang   sql.NullString
		iri    sql.NullBool
		bnode  sql.NullBool
		vint   sql.NullInt64
		vbool  sql.NullBool
		vfloat sql.NullFloat64
		vtime  sql.NullTime
	}
	var c [3]cols
	var label string
	var horizon int64
	var subject sql.RawBytes
	dest := make([]any, 0, 31)
	for i := range c {
		if i == 0 && bySubject != nil {
			dest = append(dest, &subject)
			continue
		}
		dest = append(dest, &c[i].data, &c[i].str, &c[i].typ, &c[i].lang, &c[i].iri, &c[i].bnode, &c[i].vint, &c[i].vbool, &c[i].vfloat, &c[i].vtime)
	}
	dest = append(dest, &label, &horizon)
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		var v [3]quad.Value
		for i := range c {
			if i == 0 && bySubject != nil {
				if v[0] = bySubject[string(subject)]; v[0] == nil {
					return fmt.Errorf("a quad of a subject not asked for (hash %x)", []byte(subject))
				}
				continue
			}
			var err error
			if v[i], err = rowValue(c[i].data, c[i].str, c[i].typ, c[i].lang, c[i].iri, c[i].bnode, c[i].vint, c[i].vbool, c[i].vfloat, c[i].vtime); err != nil {
				return err
			}
		}
		fn(quad.Quad{Subject: v[0], Predicate: v[1], Object: v[2], Label: quad.IRI(label)}, horizon)
	}
	return rows.Err()
}

func hashOf(v quad.Value) []byte { return csql.HashOf(v).SQLValue().([]byte) }

// Quads returns the quads with a source's label that have the values lead in the
// directions dirs, through Cayley's indexes; ok is false when no index starts with dirs.
func (rd *Reader) Quads(dirs []quad.Direction, lead ...quad.Value) (out []quad.Quad, ok bool, err error) {
	if ok, _ := rd.HasIndex(dirs...); !ok || len(dirs) != len(lead) {
		return nil, false, nil
	}
	if len(dirs) == 1 && dirs[0] == quad.Subject {
		if iri, ok := lead[0].(quad.IRI); ok {
			if qs, ok := rd.items[iri]; ok {
				return qs, true, nil
			}
		}
	}
	var where []string
	args := make([]any, len(lead))
	var known byHash
	for i, d := range dirs {
		where = append(where, fmt.Sprintf("q.%s_hash = $%d", d, i+1))
		if d == quad.Subject {
			known = byHash{}
			args[i] = known.add(lead[i])
		} else {
			args[i] = hashOf(lead[i])
		}
	}
	rows, err := rd.query(quadsQuery(strings.Join(where, " AND "), known != nil, true), args...)
	if err != nil {
		return nil, true, fmt.Errorf("read store: %w", err)
	}
	err = scanQuads(rows, known, func(q quad.Quad, _ int64) { out = append(out, q) })
	if err != nil {
		return nil, true, fmt.Errorf("read store: %w", err)
	}
	return out, true, rd.ctx.Err()
}

// PreloadItems reads the quads of the subjects iris with one query, for Quads and
// ItemQuads to answer from.
func (rd *Reader) PreloadItems(iris []quad.IRI) error {
	hashes := make([][]byte, 0, len(iris))
	known := byHash{}
	for _, iri := range iris {
		if _, ok := rd.items[iri]; !ok {
			hashes = append(hashes, known.add(iri))
			rd.items[iri] = nil
		}
	}
	if len(hashes) == 0 {
		return nil
	}
	// Unordered, and each subject's quads put in order here: a sort of all of them would
	// keep the server from sending any row before it found the last.
	rows, err := rd.query(quadsQuery(`q.subject_hash = ANY($1)`, true, false), pq.Array(hashes))
	if err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	type numbered struct {
		q quad.Quad
		n int64
	}
	got := map[quad.IRI][]numbered{}
	err = scanQuads(rows, known, func(q quad.Quad, n int64) {
		iri := q.Subject.(quad.IRI)
		got[iri] = append(got[iri], numbered{q, n})
	})
	if err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	for iri, qs := range got {
		slices.SortFunc(qs, func(a, b numbered) int { return cmp.Compare(a.n, b.n) })
		out := make([]quad.Quad, len(qs))
		for i := range qs {
			out[i] = qs[i].q
		}
		rd.items[iri] = out
	}
	return nil
}

// PreloadFirst reads the first object of each of subjects with each of preds that has a
// source's label, with one query, for First to answer from.
func (rd *Reader) PreloadFirst(subjects []quad.IRI, preds []quad.IRI) error {
	var hs, ps [][]byte
	known := byHash{}
	for _, s := range subjects {
		if _, ok := rd.items[s]; ok {
			continue
		}
		if _, ok := known[string(hashOf(s))]; ok {
			continue // asked twice
		}
		hs = append(hs, known.add(s))
		for _, p := range preds {
			rd.firsts[[2]quad.Value{s, p}] = nil
		}
	}
	if len(hs) == 0 {
		return nil
	}
	for _, p := range preds {
		ps = append(ps, hashOf(p))
	}
	// The first quad of each pair on its own, through the subject-predicate index: a
	// party that thousands of sources name has thousands of quads of its name.
	q := `SELECT q.subject_hash, ` + fmt.Sprintf(valueCols, "p") + `, ` + fmt.Sprintf(valueCols, "o") + `, q.label, q.horizon
	FROM unnest($1::bytea[]) AS sh(h) CROSS JOIN unnest($2::bytea[]) AS ph(h)
	CROSS JOIN LATERAL (SELECT q.subject_hash, q.predicate_hash, q.object_hash, l.value_string AS label, q.horizon
		FROM quads q JOIN nodes l ON l.hash = q.label_hash
		WHERE q.subject_hash = sh.h AND q.predicate_hash = ph.h AND l.iri AND l.value_string LIKE 'source/%'
		ORDER BY q.object_hash LIMIT 1) q
	JOIN nodes p ON p.hash = q.predicate_hash JOIN nodes o ON o.hash = q.object_hash`
	rows, err := rd.query(q, pq.Array(hs), pq.Array(ps))
	if err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	err = scanQuads(rows, known, func(q quad.Quad, _ int64) { rd.firsts[[2]quad.Value{q.Subject, q.Predicate}] = q.Object })
	if err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	return nil
}

// First returns the object of a quad of subject s and predicate p with a source's label
// (the one whose object has the lowest hash, which the subject-predicate-object index
// finds first: in the order of the quads' numbers, PostgreSQL would walk the table), nil
// when there is none.
func (rd *Reader) First(s, p quad.Value) (quad.Value, bool, error) {
	if v, ok := rd.firsts[[2]quad.Value{s, p}]; ok {
		return v, true, nil
	}
	if qs, ok := rd.items[s.(quad.IRI)]; ok {
		for _, q := range qs {
			if q.Predicate == p {
				return q.Object, true, nil
			}
		}
		return nil, true, nil
	}
	q := strings.Replace(quadsQuery(`q.subject_hash = $1 AND q.predicate_hash = $2`, true, true), "ORDER BY q.horizon", "ORDER BY q.object_hash LIMIT 1", 1)
	known := byHash{}
	rows, err := rd.query(q, known.add(s), hashOf(p))
	if err != nil {
		return nil, true, fmt.Errorf("read store: %w", err)
	}
	var found quad.Value
	if err := scanQuads(rows, known, func(q quad.Quad, _ int64) { found = q.Object }); err != nil {
		return nil, true, fmt.Errorf("read store: %w", err)
	}
	return found, true, nil
}

// Objects returns the objects of the quads of subject s and predicate p that have a
// source's label, each once, in no order: the aliases of a party that a thousand sources
// state are a thousand quads of a few values, and each value's labels are looked at until
// one is a source's.
func (rd *Reader) Objects(s, p quad.Value) ([]quad.Value, error) {
	q := `SELECT ` + fmt.Sprintf(valueCols, "o") + `
	FROM (SELECT DISTINCT object_hash FROM quads WHERE subject_hash = $1 AND predicate_hash = $2) d
	JOIN nodes o ON o.hash = d.object_hash
	WHERE EXISTS (SELECT 1 FROM quads q JOIN nodes l ON l.hash = q.label_hash
		WHERE q.subject_hash = $1 AND q.predicate_hash = $2 AND q.object_hash = d.object_hash
			AND l.iri AND l.value_string LIKE 'source/%')`
	rows, err := rd.query(q, hashOf(s), hashOf(p))
	if err != nil {
		return nil, fmt.Errorf("read store: %w", err)
	}
	defer rows.Close()
	var out []quad.Value
	var (
		data              []byte
		str, typ, lang    sql.NullString
		iri, bnode, vbool sql.NullBool
		vint              sql.NullInt64
		vfloat            sql.NullFloat64
		vtime             sql.NullTime
	)
	for rows.Next() {
		if err := rows.Scan(&data, &str, &typ, &lang, &iri, &bnode, &vint, &vbool, &vfloat, &vtime); err != nil {
			return nil, fmt.Errorf("read store: %w", err)
		}
		v, err := rowValue(data, str, typ, lang, iri, bnode, vint, vbool, vfloat, vtime)
		if err != nil {
			return nil, fmt.Errorf("read store: %w", err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read store: %w", err)
	}
	return out, nil
}

// ItemQuads calls fn with the quads with a source's label whose subject is iri, and the
// source of each.
func (rd *Reader) ItemQuads(iri quad.IRI, fn func(q quad.Quad, source string)) (bool, error) {
	qs, ok, err := rd.Quads([]quad.Direction{quad.Subject}, iri)
	for _, q := range qs {
		fn(q, strings.TrimPrefix(string(q.Label.(quad.IRI)), model.SourcePrefix))
	}
	return ok, err
}

// LinkQuads returns the quads with a source's label whose subject (out) or object (in) is
// v and whose predicate is a reference field or a relation type.
func (rd *Reader) LinkQuads(v quad.Value) (out, in []quad.Quad, ok bool, err error) {
	keep := func(q quad.Quad) bool {
		p, _ := q.Predicate.(quad.IRI)
		return model.IsRef(p) || model.IsRelationType(p)
	}
	for _, d := range []quad.Direction{quad.Subject, quad.Object} {
		qs, _, err := rd.Quads([]quad.Direction{d}, v)
		if err != nil {
			return nil, nil, true, err
		}
		for _, q := range qs {
			if !keep(q) {
				continue
			}
			if d == quad.Subject {
				out = append(out, q)
			} else {
				in = append(in, q)
			}
		}
	}
	return out, in, true, nil
}

// Preload reads what the link index lists under each of items with one query, for the
// link methods to answer from.
func (rd *Reader) Preload(items []quad.IRI) error {
	if !rd.links {
		return nil
	}
	var todo []string
	for _, it := range items {
		if _, ok := rd.cached[string(it)]; !ok {
			todo = append(todo, string(it))
			rd.cached[string(it)] = &itemEntries{}
		}
	}
	if len(todo) == 0 {
		return nil
	}
	rows, err := rd.query(`SELECT item, at, mid, other FROM factgraph_links WHERE item = ANY($1) ORDER BY item, at, mid, other, source`, pq.Array(todo))
	if err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	return rd.scanEntries(rows, func(item string) *itemEntries { return rd.cached[item] })
}

// scanEntries reads rows of item, end, middle and other end, in key order, into the
// entries of their items, each link once whatever the number of sources that state it.
func (rd *Reader) scanEntries(rows *sql.Rows, of func(item string) *itemEntries) error {
	defer rows.Close()
	// Raw bytes, interned: a hub's links are tens of thousands of rows of a few texts.
	var item, at, mid, other sql.RawBytes
	var last [4][]byte
	var e *itemEntries
	for rows.Next() {
		if err := rows.Scan(&item, &at, &mid, &other); err != nil {
			return fmt.Errorf("read store: %w", err)
		}
		if bytes.Equal(item, last[0]) && bytes.Equal(at, last[1]) && bytes.Equal(mid, last[2]) && bytes.Equal(other, last[3]) {
			continue
		}
		if !bytes.Equal(item, last[0]) {
			e = of(rd.internBytes(item))
		}
		last = [4][]byte{append(last[0][:0], item...), append(last[1][:0], at...), append(last[2][:0], mid...), append(last[3][:0], other...)}
		if e == nil || len(at) == 0 {
			continue
		}
		switch at[0] {
		case model.LinkKind:
			if e.kind == "" {
				e.kind = rd.internBytes(mid)
			}
		case model.LinkDate:
			if e.date == "" {
				e.date = string(mid)
			}
		case model.LinkOut, model.LinkIn:
			e.ends = append(e.ends, model.LinkEnd{Pred: rd.internBytes(mid), Other: rd.internBytes(other), Out: at[0] == model.LinkOut})
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	return nil
}

// internBytes is intern for the text b, without a copy of it when the text is known.
func (rd *Reader) internBytes(b []byte) string {
	if t, ok := rd.strs[string(b)]; ok {
		return t
	}
	t := string(b)
	rd.strs[t] = t
	return t
}

// entries returns what the link index lists under item, read once.
func (rd *Reader) entries(item quad.IRI) *itemEntries {
	if e, ok := rd.cached[string(item)]; ok {
		return e
	}
	e := &itemEntries{}
	if !rd.links || rd.err != nil {
		return e
	}
	rows, err := rd.query(`SELECT item, at, mid, other FROM factgraph_links WHERE item = $1 ORDER BY at, mid, other, source`, string(item))
	if err == nil {
		err = rd.scanEntries(rows, func(string) *itemEntries { return e })
	}
	if err != nil {
		rd.fail(err)
		return &itemEntries{}
	}
	rd.cached[string(item)] = e
	return e
}

// ItemLinks returns what the link index lists under item: the ends of its links, the
// kind one source gives it and its date ("" for none).
func (rd *Reader) ItemLinks(item quad.IRI) (ends []model.LinkEnd, kind, date string) {
	e := rd.entries(item)
	return e.ends, e.kind, e.date
}

// Incoming returns the ends of the links to item whose predicate is one of preds (every
// link when preds is nil), from the link index.
func (rd *Reader) Incoming(item quad.IRI, preds []quad.IRI) []model.LinkEnd {
	if _, ok := rd.cached[string(item)]; !ok && rd.links && rd.err == nil {
		return rd.incoming(item, preds)
	}
	var out []model.LinkEnd
	for _, e := range rd.entries(item).ends {
		if e.Out {
			continue
		}
		if preds != nil && !containsIRI(preds, e.Pred) {
			continue
		}
		out = append(out, model.LinkEnd{Pred: e.Pred, Other: e.Other})
	}
	return out
}

// incoming is Incoming from the entries of links to item alone, of the predicates preds:
// a party that thousands of items name as bearer has thousands of other entries.
func (rd *Reader) incoming(item quad.IRI, preds []quad.IRI) []model.LinkEnd {
	q := `SELECT DISTINCT mid, other FROM factgraph_links WHERE item = $1 AND at = $2 ORDER BY mid, other`
	args := []any{string(item), string(rune(model.LinkIn))}
	if preds != nil {
		q = `SELECT DISTINCT mid, other FROM factgraph_links WHERE item = $1 AND at = $2 AND mid = ANY($3) ORDER BY mid, other`
		ps := make([]string, len(preds))
		for i, p := range preds {
			ps[i] = string(p)
		}
		args = append(args, pq.Array(ps))
	}
	rows, err := rd.query(q, args...)
	if err != nil {
		rd.fail(err)
		return nil
	}
	defer rows.Close()
	var out []model.LinkEnd
	var mid, other sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&mid, &other); err != nil {
			rd.fail(err)
			return nil
		}
		out = append(out, model.LinkEnd{Pred: rd.internBytes(mid), Other: rd.internBytes(other)})
	}
	if err := rows.Err(); err != nil {
		rd.fail(err)
		return nil
	}
	return out
}

func containsIRI(list []quad.IRI, s string) bool {
	for _, p := range list {
		if string(p) == s {
			return true
		}
	}
	return false
}

// Kind returns the kind one source gives item, from the link index; "" for none.
func (rd *Reader) Kind(item quad.IRI) string {
	if e, ok := rd.cached[string(item)]; ok {
		return e.kind
	}
	if k, ok := rd.kinds[string(item)]; ok {
		return k
	}
	return rd.entries(item).kind
}

// PreloadKinds reads the kinds of items from the link index with one query, for Kind to
// answer from: only their kind entries, the first of each in key order, as entries finds
// it. A party that thousands of items name has thousands of entries beside its kind.
func (rd *Reader) PreloadKinds(items []quad.IRI) error {
	if !rd.links {
		return nil
	}
	var todo []string
	for _, it := range items {
		if _, ok := rd.cached[string(it)]; ok {
			continue
		}
		if _, ok := rd.kinds[string(it)]; !ok {
			todo = append(todo, string(it))
			rd.kinds[string(it)] = ""
		}
	}
	if len(todo) == 0 {
		return nil
	}
	// The first kind entry of each on its own, through the index: a party has one for
	// each of the thousands of sources that state it.
	rows, err := rd.query(`SELECT i.item, k.mid FROM unnest($1::text[]) AS i(item)
		CROSS JOIN LATERAL (SELECT mid FROM factgraph_links
			WHERE item = i.item AND at = $2 ORDER BY mid, other, source LIMIT 1) k`, pq.Array(todo), string(rune(model.LinkKind)))
	if err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	defer rows.Close()
	var item, mid sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&item, &mid); err != nil {
			return fmt.Errorf("read store: %w", err)
		}
		rd.kinds[rd.internBytes(item)] = rd.internBytes(mid)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	return nil
}

// FirstLinked returns the item that item refers to through the field p, from the link
// index; "" for none.
func (rd *Reader) FirstLinked(item, p quad.IRI) string {
	for _, e := range rd.entries(item).ends {
		if e.Out && e.Pred == string(p) {
			return e.Other
		}
	}
	return ""
}

// IgnoreLinks makes the Reader do without factgraph's indexes, as if they did not cover
// the store.
func (rd *Reader) IgnoreLinks() {
	rd.links, rd.cached, rd.kinds = false, map[string]*itemEntries{}, map[string]string{}
}
