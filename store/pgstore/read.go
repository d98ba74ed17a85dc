package pgstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/store/model"
)

// Cayley's SQL layout (graph/sql in the Cayley module): table nodes holds each value once
// under its hash, in typed columns; table quads holds four hashes per quad (label_hash NULL
// for none), numbered by horizon. The generic path asks for each of a quad's four values in
// a query of its own; readPostgres reads both tables once, in one snapshot.

// readPostgres reads every quad of a PostgreSQL store with two queries in one read-only,
// repeatable-read transaction: the values, then the quads, which name values by hash.
func readPostgres(ctx context.Context, db *sql.DB, addr string) (*model.Table, error) {
	fail := func(err error) error {
		return fmt.Errorf("read store %q: %w", Redact(addr), err)
	}
	tx, err := db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return nil, fail(err)
	}
	defer tx.Rollback()
	t, err := readTable(ctx, tx, nil)
	if err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return nil, cerr
		}
		return nil, fail(err)
	}
	return t, nil
}

// readTable reads every quad of the store in tx, and appends the number of each to numbers
// unless it is nil.
func readTable(ctx context.Context, tx *sql.Tx, numbers *[]int64) (*model.Table, error) {
	fail := func(err error) error { return err }
	t := &model.Table{Values: []quad.Value{nil}}
	// By hash as an array: a string key was a copy of each of 1.9 million hashes at 10,000
	// articles, and hashing strings the quads' 16 million lookups.
	index := map[hashKey]uint32{}
	rows, err := queryBinary(ctx, tx, `SELECT hash, value, value_string, datatype, language, iri, bnode,
		value_int, value_bool, value_float, value_time FROM nodes`)
	if err != nil {
		return nil, fail(err)
	}
	defer rows.Close()
	for rows.Next() {
		var hash sql.RawBytes
		var c valueColumns
		if err := rows.Scan(c.dest([]any{&hash})...); err != nil {
			return nil, fail(err)
		}
		v, err := c.value()
		if err != nil {
			return nil, fail(fmt.Errorf("value %x: %w", []byte(hash), err))
		}
		k, ok := keyOf(hash)
		if !ok {
			return nil, fail(fmt.Errorf("value with a hash of %d bytes (%x); the store is damaged", len(hash), []byte(hash)))
		}
		index[k] = uint32(len(t.Values))
		t.Values = append(t.Values, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fail(err)
	}
	rows.Close()

	q := `SELECT subject_hash, predicate_hash, object_hash, label_hash FROM quads ORDER BY horizon`
	if numbers != nil {
		q = `SELECT subject_hash, predicate_hash, object_hash, label_hash, horizon FROM quads ORDER BY horizon`
	}
	rows, err = queryBinary(ctx, tx, q)
	if err != nil {
		return nil, fail(err)
	}
	defer rows.Close()
	var h [4]sql.RawBytes
	var horizon int64
	dest := []any{&h[0], &h[1], &h[2], &h[3]}
	if numbers != nil {
		dest = append(dest, &horizon)
	}
	for n := 0; rows.Next(); n++ {
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, fail(err)
		}
		if numbers != nil {
			*numbers = append(*numbers, horizon)
		}
		var q [4]uint32
		for d, hash := range h {
			if hash == nil {
				continue // no label
			}
			k, _ := keyOf(hash)
			x, ok := index[k]
			if !ok {
				return nil, fail(fmt.Errorf("a quad names value %x, which the store does not hold; the store is damaged", []byte(hash)))
			}
			q[d] = x
		}
		t.Quads = append(t.Quads, q)
	}
	if err := rows.Err(); err != nil {
		return nil, fail(err)
	}
	return t, ctx.Err()
}

// hashKey is a value's hash in Cayley's tables (SHA-1).
type hashKey [20]byte

// keyOf is hash as a hashKey; false when it is not one.
func keyOf(hash []byte) (k hashKey, ok bool) {
	if len(hash) != len(k) {
		return k, false
	}
	copy(k[:], hash)
	return k, true
}

// queryBinary runs q, which takes no parameters, as a prepared statement: the driver then
// asks for its hashes (bytea) in binary, where a query without parameters gets every
// column as text, a hash as 42 characters of hex to decode.
func queryBinary(ctx context.Context, tx *sql.Tx, q string) (stmtRows, error) {
	st, err := tx.PrepareContext(ctx, q)
	if err != nil {
		return stmtRows{}, err
	}
	rows, err := st.QueryContext(ctx)
	if err != nil {
		st.Close()
		return stmtRows{}, err
	}
	return stmtRows{rows, st}, nil
}

// stmtRows are the rows of a prepared statement, which closing them closes too, in the
// transaction: closed after its end, a statement stays on the server connection, which a
// pooler in transaction mode may by then have handed to another client.
type stmtRows struct {
	*sql.Rows
	st *sql.Stmt
}

// Close closes the rows, then their statement.
func (r stmtRows) Close() error {
	err := r.Rows.Close()
	r.st.Close()
	return err
}

// valueColumns are the columns of a value in Cayley's nodes table, as a row scans them
// (valueCols names them in a query).
type valueColumns struct {
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

// dest appends the destinations of the columns, in valueCols' order, to d.
func (c *valueColumns) dest(d []any) []any {
	return append(d, &c.data, &c.str, &c.typ, &c.lang, &c.iri, &c.bnode, &c.vint, &c.vbool, &c.vfloat, &c.vtime)
}

// value turns the value columns of a row of nodes into a value, as Cayley's NameOf
// (graph/sql/quadstore.go) does.
func (c *valueColumns) value() (quad.Value, error) {
	switch {
	case c.str.Valid && c.iri.Bool:
		return quad.IRI(c.str.String), nil
	case c.str.Valid && c.bnode.Bool:
		return quad.BNode(c.str.String), nil
	case c.str.Valid && c.lang.Valid:
		return quad.LangString{Value: quad.String(unescapeNull(c.str.String)), Lang: c.lang.String}, nil
	case c.str.Valid && c.typ.Valid:
		return quad.TypedString{Value: quad.String(unescapeNull(c.str.String)), Type: quad.IRI(c.typ.String)}, nil
	case c.str.Valid:
		return quad.String(unescapeNull(c.str.String)), nil
	case c.vint.Valid:
		return quad.Int(c.vint.Int64), nil
	case c.vbool.Valid:
		return quad.Bool(c.vbool.Bool), nil
	case c.vfloat.Valid:
		return quad.Float(c.vfloat.Float64), nil
	case c.vtime.Valid:
		return quad.Time(c.vtime.Time.UTC()), nil
	}
	return model.UnmarshalValue(c.data)
}

// unescapeNull undoes Cayley's escape of NUL, which PostgreSQL text cannot hold.
func unescapeNull(s string) string {
	return strings.ReplaceAll(s, `\x00`, "\x00")
}
