// Package boltstore is what a bolt file gives the store beyond Cayley's key-value quad
// store (docs/model.md): opening the file without Cayley's endless wait for its lock, a
// write in one transaction (Apply), the bulk load of a new store (BulkLoad), factgraph's
// name and link indexes kept beside Cayley's buckets (nameindex.go, linkindex.go), a
// reader of Cayley's layout that answers a walk in one read transaction (Reader), and a
// read of the whole log in one pass (ReadAll).
package boltstore
