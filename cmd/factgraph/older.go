package main

import (
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/factgraph/factgraph/store"
)

// A read of a PostgreSQL store whose own tables an earlier version of factgraph laid out
// goes through the whole of Cayley's tables instead, and slowly, until the next write
// builds them again (docs/scaling.md, "A store written before"): a command that read such
// a store says so on stderr once it is done, after its answer.

// olderTablesNote is what a command says after reading such a store.
const olderTablesNote = "factgraph: note: this store's own tables were laid out by an earlier version of factgraph, so this command read Cayley's tables instead, slowly; the next ingest or removal builds them again (ingest any source the store holds, even unchanged)"

// readStores are the stores a command opened to read.
type readStores struct {
	mu     sync.Mutex
	stores []*store.Store
}

type readStoresKey struct{}

// withReadStores returns ctx with a list of the stores its command opens to read
// (openToRead).
func withReadStores(ctx context.Context) (context.Context, *readStores) {
	l := &readStores{}
	return context.WithValue(ctx, readStoresKey{}, l), l
}

// openToRead opens the store at addr read-only, as every command that reads a store
// does, and adds it to the stores of ctx's command, if it keeps a list.
func openToRead(ctx context.Context, addr string) (*store.Store, error) {
	s, err := store.Open(ctx, addr, &store.OpenOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	if l, ok := ctx.Value(readStoresKey{}).(*readStores); ok {
		l.mu.Lock()
		l.stores = append(l.stores, s)
		l.mu.Unlock()
	}
	return s, nil
}

// noteOlderTables writes olderTablesNote to w if a read of one of the stores found
// factgraph's tables in an earlier layout.
func (l *readStores) noteOlderTables(w io.Writer) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, s := range l.stores {
		if s.OlderTables() {
			fmt.Fprintln(w, olderTablesNote)
			return
		}
	}
}
