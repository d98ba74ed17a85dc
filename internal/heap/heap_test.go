package heap

import (
	"math"
	"os"
	"runtime/debug"
	"testing"
)

// gcPercent reads the collector's percent without changing it.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// unsetenv unsets key for the test and sets it back after.
func unsetenv(t *testing.T, key string) {
	old, had := os.LookupEnv(key)
	os.Unsetenv(key)
	t.Cleanup(func() {
		if had {
			os.Setenv(key, old)
		}
	})
}

func TestQuerySetsAndRestores(t *testing.T) {
	unsetenv(t, "GOGC")
	unsetenv(t, "GOMEMLIMIT")
	percent, limit := gcPercent(), debug.SetMemoryLimit(-1)
	restore := Query()
	if got := gcPercent(); got != queryGCPercent {
		t.Errorf("GC percent %d during a query, want %d", got, queryGCPercent)
	}
	if got := debug.SetMemoryLimit(-1); got != queryLimit {
		t.Errorf("memory limit %d during a query, want %d", got, queryLimit)
	}
	restore()
	if got := gcPercent(); got != percent {
		t.Errorf("GC percent %d after a query, want %d back", got, percent)
	}
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Errorf("memory limit %d after a query, want %d back", got, limit)
	}
}

// An ingest and an export leave the percent as they found it, and bound the heap.
func TestIngestAndExportKeepThePercent(t *testing.T) {
	unsetenv(t, "GOGC")
	unsetenv(t, "GOMEMLIMIT")
	old := debug.SetGCPercent(150)
	defer debug.SetGCPercent(old)
	for name, set := range map[string]func() func(){"ingest": Ingest, "export": Export} {
		restore := set()
		if got := gcPercent(); got != 150 {
			t.Errorf("%s: GC percent %d, want it left at 150", name, got)
		}
		if got := debug.SetMemoryLimit(-1); got == math.MaxInt64 {
			t.Errorf("%s: no memory limit", name)
		}
		restore()
	}
}

func TestEnvironmentWins(t *testing.T) {
	t.Setenv("GOGC", "150")
	t.Setenv("GOMEMLIMIT", "2GiB")
	percent, limit := gcPercent(), debug.SetMemoryLimit(-1)
	for name, set := range map[string]func() func(){"query": Query, "targeted": Targeted, "export": Export, "ingest": Ingest} {
		restore := set()
		if got := gcPercent(); got != percent {
			t.Errorf("%s: GC percent %d with GOGC set, want it left at %d", name, got, percent)
		}
		if got := debug.SetMemoryLimit(-1); got != limit {
			t.Errorf("%s: memory limit %d with GOMEMLIMIT set, want it left at %d", name, got, limit)
		}
		restore()
	}
}

// A targeted query runs without the collector until the heap reaches queryLimit.
func TestTargetedCollectsOnlyAtTheLimit(t *testing.T) {
	unsetenv(t, "GOGC")
	unsetenv(t, "GOMEMLIMIT")
	percent, limit := gcPercent(), debug.SetMemoryLimit(-1)
	restore := Targeted()
	if got := gcPercent(); got != -1 {
		t.Errorf("GC percent %d during a targeted query, want -1 (off)", got)
	}
	if got := debug.SetMemoryLimit(-1); got != queryLimit {
		t.Errorf("memory limit %d during a targeted query, want %d", got, queryLimit)
	}
	restore()
	if got := gcPercent(); got != percent {
		t.Errorf("GC percent %d after a targeted query, want %d back", got, percent)
	}
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Errorf("memory limit %d after a targeted query, want %d back", got, limit)
	}
}

// A limit the environment set stays, which may be none: the collector stays on.
func TestTargetedKeepsAnEnvironmentLimit(t *testing.T) {
	unsetenv(t, "GOGC")
	t.Setenv("GOMEMLIMIT", "8GiB")
	limit := debug.SetMemoryLimit(-1)
	restore := Targeted()
	defer restore()
	if got := gcPercent(); got != targetedEnvGCPercent {
		t.Errorf("GC percent %d with GOMEMLIMIT set, want %d", got, targetedEnvGCPercent)
	}
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Errorf("memory limit %d with GOMEMLIMIT set, want it left at %d", got, limit)
	}
}
