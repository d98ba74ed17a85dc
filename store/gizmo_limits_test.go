package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

// A Gizmo query is a program someone types: it had no bound on time or memory, so
// `while(true){}` ran for ever holding the store, and doubling a string took 7.4 GB.
func TestGizmoIsBounded(t *testing.T) {
	s := openStore(t, "mem:")
	ingest(t, s, treatyFacts())
	tests := []struct {
		name   string
		code   string
		opts   GizmoOptions
		ctrlC  time.Duration // cancel the context after this long; 0: never
		want   error
		within time.Duration
	}{
		{"endless loop, timeout", `while (true) {}`, GizmoOptions{Timeout: 200 * time.Millisecond}, 0, ErrGizmoTimeout, 5 * time.Second},
		{"endless loop, Ctrl-C", `while (true) {}`, GizmoOptions{}, 100 * time.Millisecond, context.Canceled, 5 * time.Second},
		{"endless callback, Ctrl-C", `g.V().ForEach(function(x) { while (true) {} })`, GizmoOptions{}, 100 * time.Millisecond, context.Canceled, 5 * time.Second},
		{"string doubling", `var s = "x"; while (true) { s += s; }`, GizmoOptions{MaxMemory: 64 << 20}, 0, ErrGizmoMemory, 20 * time.Second},
		{"array growing", `var a = []; while (true) { a.push({x: a.length}); }`, GizmoOptions{MaxMemory: 64 << 20}, 0, ErrGizmoMemory, 20 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.ctrlC > 0 {
				time.AfterFunc(tt.ctrlC, cancel)
			}
			done := make(chan error, 1)
			go func() {
				_, err := s.GizmoWith(ctx, tt.code, tt.opts)
				done <- err
			}()
			select {
			case err := <-done:
				if !errors.Is(err, tt.want) {
					t.Fatalf("err = %v, want %v", err, tt.want)
				}
			case <-time.After(tt.within):
				t.Fatalf("still running after %v", tt.within)
			}
		})
	}
}

func TestGizmoResultsAreCapped(t *testing.T) {
	s := openStore(t, "mem:")
	code := `for (var i = 0; i < 200000; i++) { g.Emit(i) }`
	for _, limit := range []int{0, MaxGizmoResults + 1} {
		got, err := s.GizmoWith(context.Background(), code, GizmoOptions{Limit: limit})
		if err != nil || len(got) != MaxGizmoResults {
			t.Errorf("limit %d: %d results, %v; want %d", limit, len(got), err, MaxGizmoResults)
		}
	}
	if got, err := s.GizmoWith(context.Background(), code, GizmoOptions{Limit: 10}); err != nil || len(got) != 10 {
		t.Errorf("limit 10: %d results, %v", len(got), err)
	}
}
