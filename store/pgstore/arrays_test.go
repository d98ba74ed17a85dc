package pgstore

import (
	"bytes"
	"crypto/sha1"
	"database/sql"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/store/storetest"
)

// TestArrayParams sends arrays of keys in the binary format and as lib/pq's text arrays,
// through a connection as factgraph opens them (connString), and reads them back in
// order: texts that a text array quotes and escapes (quotes, backslashes, commas, braces,
// spaces, NULL, the empty string, letters beyond ASCII, a long one), bytes of any value,
// and empty arrays.
func TestArrayParams(t *testing.T) {
	conn := freshDB(t)
	texts := []string{`plain`, `"quoted"`, `back\slash`, `a,b`, `{braces}`, ` spaced `, `NULL`, ``, `Tōkyō`, strings.Repeat("long ", 2000)}
	h := sha1.Sum([]byte("a value"))
	hashes := [][]byte{h[:], {0}, {0xff, 0, '\\', 'x', '"', ','}, {}}
	for _, binary := range []bool{true, false} {
		for _, keys := range [][]string{texts, {}} {
			got := readBack[string](t, conn, `SELECT k FROM unnest($1::text[]) WITH ORDINALITY AS a(k, n) ORDER BY n`, arrayParam(binary, keys))
			if !slices.Equal(got, keys) {
				t.Errorf("binary %v: texts read back %q, want %q", binary, got, keys)
			}
		}
		for _, keys := range [][][]byte{hashes, {}} {
			got := readBack[[]byte](t, conn, `SELECT k FROM unnest($1::bytea[]) WITH ORDINALITY AS a(k, n) ORDER BY n`, arrayParam(binary, keys))
			if !slices.EqualFunc(got, keys, bytes.Equal) {
				t.Errorf("binary %v: bytes read back %x, want %x", binary, got, keys)
			}
		}
	}
}

// freshDB opens a new, empty database on the test server as factgraph opens its stores
// (connString), closed when t ends.
func freshDB(t *testing.T) *sql.DB {
	t.Helper()
	addr := storetest.FreshPostgres(t, storetest.PostgresBase(t))
	db, err := sql.Open("postgres", connString(addr))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func readBack[K any](t *testing.T, conn *sql.DB, q string, arg any) []K {
	t.Helper()
	rows, err := conn.Query(q, arg)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := []K{}
	for rows.Next() {
		var k K
		if err := rows.Scan(&k); err != nil {
			t.Fatal(err)
		}
		got = append(got, k)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return got
}

// TestReaderArraysInBinary checks that a Reader sends its arrays in the binary format
// unless the store's URL turns binary_parameters off, and reads the same either way.
func TestReaderArraysInBinary(t *testing.T) {
	addr := newStore(t)
	insertEntries(t, addr, `('p', '=', 'party', '', 's1'), ('p', '<', 'fg:bearer', 'o', 's1'),
		('o', '=', 'obligation', '', 's1'), ('o', '>', 'fg:bearer', 'p', 's1'), ('q', '=', 'party', '', 's2')`)
	u, err := url.Parse(addr)
	if err != nil {
		t.Fatal(err)
	}
	v := u.Query()
	v.Set("binary_parameters", "no")
	u.RawQuery = v.Encode()
	items := []quad.IRI{"p", "o", "q", "absent"}
	var read [2][]string
	for k, a := range []string{addr, u.String()} {
		_, rd := openReader(t, a)
		_, isBytes := rd.array([]string{"p"}).([]byte)
		if want := k == 0; isBytes != want {
			t.Errorf("%s: an array sent as bytes %v, want %v", a, isBytes, want)
		}
		if err := rd.Preload(items); err != nil {
			t.Fatal(err)
		}
		for _, it := range items {
			ends, kind, _ := rd.ItemLinks(it)
			for _, e := range ends {
				read[k] = append(read[k], string(it)+" "+e.Pred+" "+e.Other)
			}
			read[k] = append(read[k], string(it)+" is "+kind)
		}
		if err := rd.Err(); err != nil {
			t.Fatal(err)
		}
	}
	if !slices.Equal(read[0], read[1]) || len(read[0]) != 6 {
		t.Errorf("read through binary arrays:\n%q\nthrough text arrays:\n%q", read[0], read[1])
	}
}
