// Package heap sets the garbage collector for each kind of work factgraph's commands do,
// unless the environment says otherwise (GOMEMLIMIT for the bounds, GOGC for how far the
// heap grows between collections). Each function returns one that restores the settings it
// found.
package heap

import (
	"math"
	"os"
	"runtime/debug"
	"sync"
)

// ingestLimit is the heap size past which an ingest collects garbage harder. Validating
// 10,000 articles holds about 500 MB at its peak, and Go lets the heap grow to twice what
// it holds: 960 MB. With a limit of 600 MB a whole ingest of them peaked at 880 MB instead
// of 1270 MB, for about a tenth more time. Once the ingest held less (one buffer a file,
// the bulk load's log in one buffer), it peaked at 675 MiB with that limit, but collected
// every 50 MB or so it allocated, a fifth of its CPU time: with 750 MiB it peaked at
// 769 MiB, and spent 72 CPU seconds instead of 89. On a machine where each page new to a
// process costs a trap to the host, what the collector returns to the kernel near the
// limit and takes back costs more: with 750, 850 and 900 MiB, two runs each in turn, the
// ingest took 33.41 and 37.60 s (803 and 818 MB resident at the peak), 31.32 and 31.38 s
// (897 and 898 MB), and 29.07 and 29.48 s (944 and 945 MB; 706,027 and 686,422 page
// faults against 799,506 and 806,720).
const ingestLimit = 900 << 20

// exportLimit is the heap size past which an export collects garbage harder. An export of
// the full view of 10,000 articles holds about 660 MB at its peak (the facts while the
// store is read, then the graph and its view), and Go lets the heap grow to twice what it
// holds. With this limit such an export peaked at 1046 MB resident instead of 1611 MB, in
// CPU time within the noise of a shared machine (-6% to +8%). A store whose export holds
// more than the limit is exported more slowly, not refused: Go then spends up to half the
// CPU time collecting, and lets the heap grow past the limit rather than fail.
const exportLimit = 1 << 30

// queryGCPercent lets a query's heap grow to five times what it holds before the next
// collection. A query allocates tens to hundreds of MB that it drops at once (the items it
// reads, the index it builds), starting from an empty heap; with Go's default (twice) a
// question about a party that a thousand articles name spent a sixth of its time
// collecting. queryLimit bounds the heap as exportLimit does, for the queries that read the
// whole store.
const (
	queryGCPercent = 400
	queryLimit     = 1 << 30
)

// Ingest sets the collector for an ingest.
func Ingest() (restore func()) { return set(unchanged, ingestLimit) }

// Export sets the collector for an export (and a build, which ingests, then exports).
func Export() (restore func()) { return set(unchanged, exportLimit) }

// Query sets the collector for a query.
func Query() (restore func()) { return set(queryGCPercent, queryLimit) }

// targetedGCPercent turns the collector off for a targeted query until its heap reaches
// queryLimit. Such a query allocates tens of MB (36 MB for the obligations of a party that
// 1,600 obligations of 10,000 articles name) and drops all of it when the command ends.
// Where each page new to a process traps to the host (a virtual machine whose page tables
// the host keeps: 12.5 µs a 4 KiB page), collecting to reuse pages once beat touching new
// ones (the hub forms took 0.25 to 0.33 s as whole commands with the collector off, 0.20
// to 0.26 s letting the heap grow to three times what it held). Since the first 64 MB come
// from huge pages (targetedHuge), new pages cost little and the collections are what is
// left: with them off, ten runs of each whole command in turn, the hub's obligations took
// 98 and 93 ms against 111 and 110 ms, the path between two commentators 101 and 106 ms
// against 114 and 118 ms (docs/performance-history.md, "The collector off").
const targetedGCPercent = -1

// targetedEnvGCPercent is a targeted query's percent when the environment sets the memory
// limit (GOMEMLIMIT), which may be no limit at all: the heap grows to three times what it
// holds, as it did before the collector was off.
const targetedEnvGCPercent = 200

// targetedHuge is how much of a targeted query's heap comes from huge pages (backHuge):
// the questions about a party that 1,600 obligations of 10,000 articles name held up to
// 28 MB resident, against 5 MB for one that reads a few items.
const targetedHuge = 64 << 20

// Targeted sets the collector for a query that reads from the store only the items it
// needs (obligations, claims, neighbours and paths about given items), and backs its heap
// with huge pages. A targeted query that falls back to reading the whole store collects
// harder as the heap reaches queryLimit.
func Targeted() (restore func()) {
	percent := targetedGCPercent
	if _, fixed := os.LookupEnv("GOMEMLIMIT"); fixed {
		percent = targetedEnvGCPercent
	}
	restore = set(percent, queryLimit)
	// On a goroutine of its own: its collection takes 4 to 10 ms, which a command on a
	// PostgreSQL store spends waiting for its login meanwhile, and one on bolt reading.
	backing.Add(1)
	go func() {
		defer backing.Done()
		backHuge(targetedHuge)
	}()
	return restore
}

// backing is the backing of the heap with huge pages that Targeted started (a test waits
// for it).
var backing sync.WaitGroup

// unchanged, as set's percent, leaves the collector's percent as it is.
const unchanged = math.MinInt

// set sets the collector's percent (unless GOGC is set, or percent is unchanged; below 0
// turns the collector off until the heap reaches the limit) and memory limit (unless
// GOMEMLIMIT is set).
func set(percent int, limit int64) func() {
	var undo []func()
	if _, fixed := os.LookupEnv("GOGC"); !fixed && percent != unchanged {
		old := debug.SetGCPercent(percent)
		undo = append(undo, func() { debug.SetGCPercent(old) })
	}
	if _, fixed := os.LookupEnv("GOMEMLIMIT"); !fixed {
		old := debug.SetMemoryLimit(limit)
		undo = append(undo, func() { debug.SetMemoryLimit(old) })
	}
	return func() {
		for _, u := range undo {
			u()
		}
	}
}
