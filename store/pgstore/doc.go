// Package pgstore is what PostgreSQL gives the store beyond Cayley's SQL quad store:
// opening it (Open), a password kept out of messages (Redact), and a read of every quad in
// two queries of one snapshot (DB.ReadAll).
package pgstore
