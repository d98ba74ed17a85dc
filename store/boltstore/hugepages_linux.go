package boltstore

import (
	"os"

	"github.com/boltdb/bolt"
	"golang.org/x/sys/unix"
)

// A read reaches the pages of the file through bolt's memory map, and a walk of a party that
// thousands of items name touches thousands of pages spread over the file. Each page a
// process touches for the first time costs a fault, and on a virtual machine whose page
// tables the host keeps a trap to the host (about 20 µs a 4 KiB page measured, against
// 2 µs a page with 2 MiB pages). The kernel maps a file in 2 MiB pages where its page
// cache holds the file in 2 MiB pieces (large folios, which ext4 and XFS keep since Linux
// 6.x). So a map of the store asks for huge pages (adviseHuge), which also has the kernel
// read what is not cached in 2 MiB pieces, and a write that grew the file has the new
// part read back in such pieces (settleCache): bolt writes 4 KiB pages one by one, which
// the cache keeps as 4 KiB pieces. A kernel or file system without large folios ignores
// both. Where the kernel is set to compact memory for a program that asks for huge pages
// (transparent_hugepage/defrag "madvise", Debian's default), a read on a machine whose
// free memory is fragmented may wait for that compaction; "defer" or "never" there makes
// the kernel fall back to 4 KiB pieces instead.

// hugePage is the size of a huge page on the machines factgraph runs on.
const hugePage = 2 << 20

// adviseHuge asks the kernel to map the pages of db in use in huge pages.
func adviseHuge(db *bolt.DB) { madviseInUse(db, unix.MADV_HUGEPAGE) }

// settleCache has the kernel drop its cached pages of the file at path from the offset
// from on, and read them again in huge pages: a write leaves them cached in 4 KiB pieces,
// which every later process maps a page at a time. Call it with the file closed by this
// process (a page mapped anywhere is not dropped). Failing costs speed only, so errors are
// ignored.
func settleCache(path string, from int64) {
	f, err := os.Open(path)
	if err != nil {
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return
	}
	from &^= hugePage - 1
	size := fi.Size() - from
	if size < hugePage {
		return
	}
	if unix.Fadvise(int(f.Fd()), from, size, unix.FADV_DONTNEED) != nil {
		return
	}
	// A piece at a time, each unmapped before the next: mapped, the pages would count as
	// this process's resident memory, the whole file by the end.
	for off := from; off < fi.Size(); off += settlePiece {
		n := min(settlePiece, fi.Size()-off)
		m, err := unix.Mmap(int(f.Fd()), off, int(n), unix.PROT_READ, unix.MAP_SHARED)
		if err != nil {
			return
		}
		if unix.Madvise(m, unix.MADV_HUGEPAGE) == nil {
			unix.Madvise(m, unix.MADV_POPULATE_READ)
		}
		unix.Munmap(m)
	}
}

// settlePiece is how much of the file settleCache reads back at a time.
const settlePiece = 64 << 20
