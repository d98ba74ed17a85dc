package boltstore

import (
	"syscall"

	"github.com/boltdb/bolt"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
)

// releaseMapped tells the kernel the process no longer needs the pages of a bolt file it
// has read through bolt's memory map. bolt reads its pages through a shared, read-only map
// of the file, so every page a write looks at (Cayley checks each key it adds against the
// indexes) stays in the process's resident memory until the map is dropped: 850 MB by the
// end of an ingest of 10,000 articles. The pages stay in the page cache and are mapped
// again, without reading the disk, when they are next read. Called between the
// transactions of a write, when no transaction of this store is open; failing to release
// costs memory only, so errors are ignored.
func (s *DB) releaseMapped() {
	if s.pin == nil {
		return
	}
	db, ok := s.pin.KV.(*hbolt.DB)
	if !ok {
		return
	}
	releaseMap(db.DB())
}

// releaseMap is releaseMapped for a bolt database. Reads may go on meanwhile: the pages
// are mapped again from the page cache when next read.
func releaseMap(db *bolt.DB) { madviseInUse(db, syscall.MADV_DONTNEED) }
