// Package pgstore is what PostgreSQL gives the store beyond Cayley's SQL quad store:
// opening it (Open), a password kept out of messages (Redact), factgraph's own name, link
// and item tables beside Cayley's (schema.go, linklines.go, items.go), the first write
// into a new store loaded with COPY (DB.BulkLoad), later writes in one transaction with
// those tables (DB.Apply), a read of every quad in two queries of one snapshot
// (DB.ReadAll), and the reads of a walk in one snapshot (Reader).
package pgstore
