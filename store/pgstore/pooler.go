package pgstore

import (
	"errors"
	"strings"

	"github.com/lib/pq"
)

// Explain returns err in words that say what to do when it is what a connection pooler
// that shares server connections between clients too finely made of factgraph's requests,
// and err otherwise: a pooler in statement mode refuses transactions, which factgraph
// reads and writes in, and one that hands a client's requests to server connections other
// than those of its transactions leaves statements prepared on one missing on the next
// (SQLSTATE 26000) or taken by another client (42P05). Session and transaction modes
// (PgBouncer's pool_mode) both work (docs/postgres-server.md, "Through a connection pooler").
func Explain(err error) error {
	var pqErr *pq.Error
	if err == nil || !errors.As(err, &pqErr) {
		return err
	}
	switch {
	case pqErr.Code == "26000", pqErr.Code == "42P05",
		strings.Contains(pqErr.Message, "statement pooling mode"):
		return &poolerError{err}
	}
	return err
}

// poolerError is an error of the server's that a connection pooler's mode caused.
type poolerError struct{ err error }

func (e *poolerError) Error() string {
	return e.err.Error() + `; the store's server is behind a connection pooler that hands one client's requests to several server connections: run it in session or transaction mode (PgBouncer: pool_mode = session), see docs/postgres-server.md, "Through a connection pooler"`
}

func (e *poolerError) Unwrap() error { return e.err }
