package pgstore

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/lib/pq"
)

// TestExplain checks that the errors a pooler's mode causes say to run it in session or
// transaction mode, and that other errors go through unchanged.
func TestExplain(t *testing.T) {
	for _, e := range []*pq.Error{
		{Code: "26000", Message: "unnamed prepared statement does not exist"},
		{Code: "42P05", Message: `prepared statement "1" already exists`},
		{Code: "08P01", Message: "transaction blocks not allowed in statement pooling mode"},
	} {
		err := Explain(fmt.Errorf("write store: %w", e))
		if !strings.Contains(err.Error(), e.Message) || !strings.Contains(err.Error(), "session or transaction mode") {
			t.Errorf("Explain(%s) = %q, want the server's words and what to do", e.Message, err)
		}
		if !errors.Is(err, e) {
			t.Errorf("Explain(%s) hides the server's error", e.Message)
		}
	}
	other := fmt.Errorf("write store: %w", &pq.Error{Code: "23505", Message: "duplicate key value"})
	if err := Explain(other); err != other {
		t.Errorf("Explain(%v) = %v, want it unchanged", other, err)
	}
	if err := Explain(nil); err != nil {
		t.Errorf("Explain(nil) = %v", err)
	}
}
