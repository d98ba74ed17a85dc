// Package model is factgraph's quad model: the vocabulary of predicates and IRIs that
// docs/model.md documents, the encoding of a source's facts as quads under its label
// (Encode) and back (Decode), and the interned table a whole-store read fills (Table). The
// store and each backend's indexes share it.
package model
