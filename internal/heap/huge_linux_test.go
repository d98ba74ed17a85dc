package heap

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/factgraph/factgraph/internal/programtest"
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
		programtest.Missing(t, "the kernel gives no huge pages (%q, %v): CI runs where it does", mode, err)
	}
	defer Targeted()()
	backing.Wait()
	before, fallbacks := anonHuge(t), vmstat(t, "thp_fault_fallback")
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
		if vmstat(t, "thp_fault_fallback") > fallbacks {
			t.Skipf("32 MB of new heap added %d kB of huge pages: the kernel had too few free to give (thp_fault_fallback grew)", after-before)
		}
		t.Errorf("32 MB of new heap added %d kB of huge pages, want at least 16 MB", after-before)
	}
}

// vmstat returns the kernel's counter name from /proc/vmstat.
func vmstat(t *testing.T, name string) int {
	t.Helper()
	b, err := os.ReadFile("/proc/vmstat")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(l, name+" "); ok {
			n, err := strconv.Atoi(rest)
			if err != nil {
				t.Fatalf("/proc/vmstat line %q: %v", l, err)
			}
			return n
		}
	}
	t.Fatalf("no %s in /proc/vmstat", name)
	return 0
}

// TestTargetedDoesNotWaitForBacking checks that Targeted leaves the backing of the heap
// with huge pages (backHuge, a collection) to a goroutine of its own, which a command
// spends waiting for its store's login meanwhile: it returns while backHuge cannot run.
func TestTargetedDoesNotWaitForBacking(t *testing.T) {
	hugeMu.Lock()
	returned := make(chan func())
	go func() { returned <- Targeted() }()
	select {
	case restore := <-returned:
		hugeMu.Unlock()
		backing.Wait()
		restore()
	case <-time.After(10 * time.Second):
		hugeMu.Unlock()
		t.Fatal("Targeted did not return while the heap's backing with huge pages was held up")
	}
}
