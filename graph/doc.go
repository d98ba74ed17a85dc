// Package graph holds factgraph's domain: the curated facts (parties, agreements, events,
// obligations, claims, counterclaims, relations and the source they come from), partial
// dates, and the one place in the project that talks to the Cayley graph store.
//
// The facts-file format these types mirror is specified in docs/facts-format.md; how they
// are laid out as quads is documented in docs/model.md.
package graph
