package boltstore

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"slices"
)

// ErrDamaged is wrapped by every error that says a bolt file is damaged.
var ErrDamaged = errors.New("damaged")

// errNotBolt says a header page does not start as bolt's do.
var errNotBolt = errors.New("no bolt header")

// damaged returns the error for the bolt file at path, damaged as why says.
func damaged(path, why string) error {
	return fmt.Errorf("store %q is %w: %s; restore it from a backup or rebuild it from its facts files (factgraph ingest)", path, ErrDamaged, why)
}

// The layout of a bolt file's meta page (boltdb v1.3.1 db.go and page.go): a 16-byte page
// header, then magic, version, page size and flags (4 bytes each), the root bucket (root
// page and sequence, 8 bytes each), the freelist page, the page high-water mark and the
// transaction id (8 bytes each), and an FNV-64a checksum of the 56 bytes before it. The file
// starts with two of them, page 0 and page 1; bolt uses the valid one of the higher
// transaction id.
const (
	metaOffset  = 16
	metaSize    = 64
	boltMagic   = 0xED0CDAED
	boltVersion = 2

	// Page types, a page header's flags.
	branchPage   = 0x01
	leafPage     = 0x02
	freelistPage = 0x10
)

type metaPage struct {
	pageSize            uint32
	root, freelist, hwm uint64
	txid                uint64
}

// readMeta decodes the meta page at off, or says why it is not a valid one.
func readMeta(f io.ReaderAt, off int64) (metaPage, error) {
	b := make([]byte, metaOffset+metaSize)
	n, err := f.ReadAt(b, off)
	m := b[metaOffset:]
	le := binary.LittleEndian
	if off == 0 && (n < metaOffset+4 || le.Uint32(m[0:]) != boltMagic) {
		return metaPage{}, fmt.Errorf("%w at byte %d", errNotBolt, off)
	}
	if err != nil {
		return metaPage{}, fmt.Errorf("its header page at byte %d cannot be read: %v", off, err)
	}
	if le.Uint32(m[0:]) != boltMagic {
		return metaPage{}, fmt.Errorf("its header page at byte %d is not a bolt header", off)
	}
	if v := le.Uint32(m[4:]); v != boltVersion {
		return metaPage{}, fmt.Errorf("its header page at byte %d has version %d, want %d", off, v, boltVersion)
	}
	h := fnv.New64a()
	h.Write(m[:56])
	if sum := le.Uint64(m[56:]); sum != 0 && sum != h.Sum64() {
		return metaPage{}, fmt.Errorf("its header page at byte %d fails its checksum", off)
	}
	return metaPage{pageSize: le.Uint32(m[8:]), root: le.Uint64(m[16:]), freelist: le.Uint64(m[32:]), hwm: le.Uint64(m[40:]), txid: le.Uint64(m[48:])}, nil
}

// checkFile checks a bolt file before bolt maps it: a header page bolt can use, and pages
// up to that header's high-water mark inside the file. bolt itself crashes on a file cut
// short (the map reaches past its end: SIGBUS) and panics on a broken header. fellBack says
// the newer header is broken and bolt would use the older one, which may be from before the
// last write. An empty file is a new store.
func checkFile(path string) (fellBack bool, err error) {
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
		return false, nil // opening reports it: not there, a folder, ...
	}
	f, err := os.Open(path)
	if err != nil {
		return false, nil
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.Size() == 0 {
		return false, nil
	}
	size := fi.Size()
	m0, err0 := readMeta(f, 0)
	pageSize := int64(os.Getpagesize())
	if err0 == nil {
		pageSize = int64(m0.pageSize)
	}
	if pageSize < 1024 || pageSize > 1<<16 || pageSize&(pageSize-1) != 0 {
		return false, damaged(path, fmt.Sprintf("its header gives a page size of %d bytes", pageSize))
	}
	m1, err1 := readMeta(f, pageSize)
	var m metaPage
	switch {
	case errors.Is(err0, errNotBolt) && err1 != nil:
		return false, fmt.Errorf("open store %q: it is not a bolt file; is it a factgraph store?", path)
	case err0 != nil && err1 != nil:
		return false, damaged(path, fmt.Sprintf("neither of its two header pages is valid (%v; %v)", err0, err1))
	case err0 != nil:
		m, fellBack = m1, true
	case err1 != nil:
		m, fellBack = m0, true
	case m1.txid > m0.txid:
		m = m1
	default:
		m = m0
	}
	if m.pageSize != uint32(pageSize) {
		return fellBack, damaged(path, "its two header pages disagree on the page size")
	}
	if need := int64(m.hwm) * pageSize; size < need {
		return fellBack, damaged(path, fmt.Sprintf("it is %d bytes long, but its pages reach byte %d: it was cut short", size, need))
	}
	if m.root >= m.hwm || m.freelist >= m.hwm {
		return fellBack, damaged(path, "its header points past its last page")
	}
	// bolt reads the freelist as it opens, and the root with the first transaction, and
	// panics on a page of the wrong type there, holding the file's lock.
	for _, p := range []struct {
		id    uint64
		what  string
		flags []uint16
	}{{m.freelist, "freelist", []uint16{freelistPage}}, {m.root, "root", []uint16{branchPage, leafPage}}} {
		var hdr [16]byte
		if _, err := f.ReadAt(hdr[:], int64(p.id)*pageSize); err != nil {
			return fellBack, damaged(path, fmt.Sprintf("its %s page cannot be read: %v", p.what, err))
		}
		flags := binary.LittleEndian.Uint16(hdr[8:])
		if binary.LittleEndian.Uint64(hdr[0:]) != p.id || !slices.Contains(p.flags, flags) {
			return fellBack, damaged(path, fmt.Sprintf("its %s page (page %d) is not one", p.what, p.id))
		}
	}
	return fellBack, nil
}

// Damaged returns the error that says the store is damaged, as why says.
func (s *DB) Damaged(why string) error { return damaged(s.addr, why) }
