// Package graph is factgraph's domain: the curated facts (parties, agreements, events,
// obligations, claims, counterclaims, relations and the source they come from), partial
// dates, the merged Graph of many sources (Merge), and how names are compared (FoldName).
// It knows no database: the store that keeps these facts in Cayley is package store.
//
// The facts-file format these types mirror is specified in docs/facts-format.md.
package graph
