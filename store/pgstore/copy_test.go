package pgstore

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lib/pq"
)

// TestAppendValue checks the COPY text of each type of value Cayley's columns take.
func TestAppendValue(t *testing.T) {
	at := time.Date(2024, 5, 1, 12, 30, 0, 500000000, time.UTC)
	for _, c := range []struct {
		v    any
		want string
	}{
		{nil, `\N`},
		{"plain", "plain"},
		{"a\\b\tc\nd\re", `a\\b\tc\nd\re`},
		{`\N`, `\\N`},
		{[]byte{0, 0xab, 0x10}, `\\x00ab10`},
		{int64(-42), "-42"},
		{1.5, "1.5"},
		{1e21, "1000000000000000000000"},
		{true, "true"},
		{false, "false"},
		{at, "2024-05-01 12:30:00.5Z"},
	} {
		got, err := appendValue([]byte("x"), c.v)
		if err != nil || string(got) != "x"+c.want {
			t.Errorf("appendValue(%#v) = %q, %v; want %q", c.v, got, err, "x"+c.want)
		}
	}
	if _, err := appendValue(nil, 3); err == nil {
		t.Error("appendValue of an int: no error, want one (Cayley's columns take int64)")
	}
}

// TestCopyTextChunks copies rows of several chunks through copyText, each row its own, and
// reads them back whole and in order: the chunks go to the driver as strings over the
// buffer that the next chunk is written into, so a driver that kept one after the call
// would be sent the rows of a later chunk in its place.
func TestCopyTextChunks(t *testing.T) {
	ctx := context.Background()
	conn, err := freshDB(t).Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `CREATE TABLE copied (n bigint, body text)`); err != nil {
		t.Fatal(err)
	}
	body := func(i int) string {
		return fmt.Sprintf("row %d\t%s", i, strings.Repeat(string(rune('a'+i%26)), 100+i%300))
	}
	const rows = 20000 // about 5 MB: twenty chunks
	chunks := 0
	err = inTx(ctx, conn, func() error {
		return copyText(ctx, conn, pq.CopyIn("copied", "n", "body"), func(w *textRows) error {
			send := w.send
			w.send = func(b []byte) error { chunks++; return send(b) }
			for i := range rows {
				w.buf = strconv.AppendInt(w.buf, int64(i), 10)
				w.buf = append(w.buf, '\t')
				w.buf = appendText(w.buf, body(i))
				if err := w.end(); err != nil {
					return err
				}
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if chunks < 4 {
		t.Fatalf("the rows went in %d chunks of up to %d bytes, want several", chunks, textChunk)
	}
	got, err := conn.QueryContext(ctx, `SELECT n, body FROM copied ORDER BY n`)
	if err != nil {
		t.Fatal(err)
	}
	defer got.Close()
	i := 0
	for ; got.Next(); i++ {
		var n int
		var b string
		if err := got.Scan(&n, &b); err != nil {
			t.Fatal(err)
		}
		if n != i || b != body(i) {
			t.Fatalf("row %d read back as %d, %.40q; want %d, %.40q", i, n, b, i, body(i))
		}
	}
	if err := got.Err(); err != nil {
		t.Fatal(err)
	}
	if i != rows {
		t.Fatalf("%d rows read back, want %d", i, rows)
	}
}
