// Package early has the first megabytes of a factgraph process's heap mapped at once, as
// the process starts, rather than a 4 KiB page at a time as the runtime first touches
// each. Import it for its side effect from a command's main package.
//
// On a virtual machine whose page tables the host keeps, each page new to a process traps
// to the host: 11.3 µs a 4 KiB page, measured on the machine of December 2026, against
// 0.9 µs a page mapped in bulk (madvise MADV_POPULATE_WRITE). The package initialisers of
// the libraries factgraph links touched some 450 new pages of heap before main began, and
// a query some 500 more before the heap it backs with huge pages (internal/heap) came into
// use.
package early

// startHeap is the most of the heap that the package maps, from the start of its first
// chunk: what the initialisers and a command's first steps allocate, before the command's
// own backing of the heap (internal/heap) takes over.
const startHeap = 4 << 20
