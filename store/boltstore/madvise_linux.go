package boltstore

import (
	"syscall"

	"github.com/boltdb/bolt"
)

// madviseInUse gives the kernel advice about the pages of bolt's map of db that are in
// use. They lie inside the map (bolt maps at least as much as they span); the file can be
// longer than the map. Errors are ignored: advice only costs or saves time and memory.
func madviseInUse(db *bolt.DB, advice int) {
	tx, err := db.Begin(false)
	if err != nil {
		return
	}
	size := tx.Size()
	data := db.Info().Data
	tx.Rollback()
	if size <= 0 || data == 0 {
		return
	}
	syscall.Syscall(syscall.SYS_MADVISE, data, uintptr(size), uintptr(advice))
}
