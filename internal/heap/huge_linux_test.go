package heap

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// anonHuge returns how many kB of the process's memory the kernel backs with huge pages.
func anonHuge(t *testing.T) int {
	t.Helper()
	b, err := os.ReadFile("/proc/self/smaps_rollup")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(l, "AnonHugePages:"); ok {
			n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			if err != nil {
				t.Fatalf("smaps_rollup line %q: %v", l, err)
			}
			return n
		}
	}
	t.Fatal("no AnonHugePages in /proc/self/smaps_rollup")
	return 0
}

// TestTargetedHeapOnHugePages checks that the heap a targeted query grows comes from huge
// pages where the kernel gives them to a program that asks.
func TestTargetedHeapOnHugePages(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || strings.Contains(string(mode), "[never]") {
		t.Skipf("the kernel gives no huge pages (%q, %v)", mode, err)
	}
	defer Targeted()()
	before := anonHuge(t)
	// Objects of a few hundred bytes, as a query's items are, 32 MB of them.
	var keep [][]byte
	for range 32 << 20 / 256 {
		b := make([]byte, 256)
		b[0] = 1
		keep = append(keep, b)
	}
	after := anonHuge(t)
	runtime.KeepAlive(keep)
	if after-before < 16<<10 {
		t.Errorf("32 MB of new heap added %d kB of huge pages, want at least 16 MB", after-before)
	}
}
