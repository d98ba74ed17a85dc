package pgstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"time"
	"unsafe"

	"github.com/lib/pq"
)

// preparer is a transaction or a connection, which a COPY statement is prepared on.
type preparer interface {
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// copyNames adds rows to the name index table (factgraph_names, or a table of its
// layout) with COPY, in tx.
func copyNames(ctx context.Context, tx preparer, table string, names []nameEntry) error {
	if len(names) == 0 {
		return nil
	}
	return copyRows(ctx, tx, pq.CopyIn(table, "name", "subject", "source", "pred", "said"), len(names), func(i int) []any {
		r := names[i]
		return []any{r[0], r[1], r[2], r[3], r[4]}
	})
}

// copyRows runs the COPY statement copy in tx with n rows, row i from row(i); a nil row is
// left out.
func copyRows(ctx context.Context, tx preparer, copy string, n int, row func(i int) []any) error {
	stmt, err := tx.PrepareContext(ctx, copy)
	if err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				stmt.Close()
				return err
			}
		}
		r := row(i)
		if r == nil {
			continue
		}
		if _, err := stmt.Exec(r...); err != nil {
			stmt.Close()
			return err
		}
	}
	if _, err := stmt.Exec(); err != nil {
		stmt.Close()
		return err
	}
	return stmt.Close()
}

// textRows is what copyText hands its fill function: rows of COPY's text format are
// appended to buf, each ended with end.
type textRows struct {
	buf  []byte
	send func([]byte) error
	n    int
}

// textChunk is the size of the data copyText sends at once.
const textChunk = 256 << 10

// end ends the row in buf and sends the rows when they fill a chunk.
func (w *textRows) end() error {
	w.buf = append(w.buf, '\n')
	w.n++
	if len(w.buf) < textChunk {
		return nil
	}
	return w.flush()
}

func (w *textRows) flush() error {
	if len(w.buf) == 0 {
		return nil
	}
	// The driver ends what it is given with a newline.
	err := w.send(w.buf[:len(w.buf)-1])
	w.buf = w.buf[:0]
	return err
}

// copyText runs the COPY statement copy on conn, in whatever transaction conn is in, with
// the rows fill writes in COPY's text format: they go to the server a chunk at a time,
// where rows handed to the driver one by one cost it a conversion and an escape of each
// value (most of the client's time in the copy of the quads).
func copyText(ctx context.Context, conn *sql.Conn, copy string, fill func(*textRows) error) error {
	return conn.Raw(func(dc any) error {
		prep, ok := dc.(driver.ConnPrepareContext)
		if !ok {
			return errors.New("the PostgreSQL driver cannot prepare a COPY")
		}
		stmt, err := prep.PrepareContext(ctx, copy)
		if err != nil {
			return err
		}
		defer stmt.Close()
		data, ok := stmt.(interface {
			CopyData(ctx context.Context, line string) (driver.Result, error)
		})
		if !ok {
			return errors.New("the PostgreSQL driver cannot copy raw rows")
		}
		w := &textRows{buf: make([]byte, 0, textChunk+4096)}
		w.send = func(b []byte) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			// The driver appends the chunk to its own buffer before it returns, and the
			// chunk is not written meanwhile: a string over its bytes, not a copy. Copied,
			// the 1.2 GB of a load of 10,000 articles cost the client 2.2 s of CPU, in
			// pages new to it each time, and the collector more.
			_, err := data.CopyData(context.Background(), unsafe.String(unsafe.SliceData(b), len(b)))
			return err
		}
		if err := fill(w); err != nil {
			return err
		}
		if err := w.flush(); err != nil {
			return err
		}
		//lint:ignore SA1019 the COPY statement ends with an Exec without values
		_, err = stmt.Exec(nil)
		return err
	})
}

// appendText appends s to b as a value of COPY's text format.
func appendText[T string | []byte](b []byte, s T) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			b = append(b, `\\`...)
		case '\n':
			b = append(b, `\n`...)
		case '\r':
			b = append(b, `\r`...)
		case '\t':
			b = append(b, `\t`...)
		default:
			b = append(b, c)
		}
	}
	return b
}

// appendValue appends v to b as a value of COPY's text format, as the driver writes a
// value of its type; an error for a type it does not take.
func appendValue(b []byte, v any) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return append(b, `\N`...), nil
	case string:
		return appendText(b, v), nil
	case []byte:
		b = append(b, `\\x`...)
		return hex.AppendEncode(b, v), nil
	case int64:
		return strconv.AppendInt(b, v, 10), nil
	case float64:
		return strconv.AppendFloat(b, v, 'f', -1, 64), nil
	case bool:
		return strconv.AppendBool(b, v), nil
	case time.Time:
		return append(b, pq.FormatTimestamp(v)...), nil
	}
	return b, fmt.Errorf("no COPY text for a value of type %T", v)
}
