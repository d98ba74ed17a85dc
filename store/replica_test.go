package store

import (
	"context"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/store/storetest"
)

// TestReadsFromReplica writes a store on the primary and reads it from a hot-standby
// replica once that has caught up: the replica gives the primary's answers, and a write
// sent to it is refused with a message that says where writes go.
func TestReadsFromReplica(t *testing.T) {
	base := storetest.PostgresBase(t)
	ctx := context.Background()
	primary := storetest.FreshPostgres(t, base)
	s := openStore(t, primary)
	ingest(t, s, treatyFacts(), natoFacts())
	want := nquadsOf(t, s, "")

	// The same database on the replica's server, once it has caught up.
	onReplica := storetest.OnReplica(t, primary)

	r, err := Open(ctx, onReplica, &OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open of the replica: %v", err)
	}
	defer r.Close()
	if got := nquadsOf(t, r, ""); got != want {
		t.Errorf("the replica's N-Quads differ from the primary's:\n%s\nwant\n%s", got, want)
	}
	if info, ok, err := r.Lookup(ctx, "japan"); err != nil || !ok || info.Name != "Japan" {
		t.Errorf("Lookup(japan) on the replica = %+v, %v, %v", info, ok, err)
	}
	for _, opts := range []*OpenOptions{nil, {MustExist: true}} {
		if _, err := Open(ctx, onReplica, opts); err == nil || !strings.Contains(err.Error(), "read-only replica") || strings.Contains(err.Error(), ":factgraph@") {
			t.Errorf("open to write (%+v) on the replica: err = %v, want a refusal that says writes go to the primary", opts, err)
		}
	}
}
