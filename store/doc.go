// Package store keeps facts in a Cayley graph store: Open (a bolt file, "mem:", or
// PostgreSQL), Ingest and Remove by source, Sources, Load of the merged graph, N-Quads in
// and out, Gizmo queries, and the targeted reads that answer a query from the items it needs
// (LoadAround, LoadBetween, LoadSketch, SketchThreads, Referrers, NameMatches, Lookup).
//
// How facts are laid out as quads is package store/model (docs/model.md). What only one
// kind of database has lives in a package of its own beneath this one: store/boltstore (the
// bulk load, factgraph's name and link indexes, the reader of Cayley's bolt layout) and
// store/pgstore (opening PostgreSQL, its bulk load, writes and name and link tables, reading
// it whole and for walks). The store reaches them through the backend interface and, for
// their indexes and reads, its bolt and pg fields; a walk reads either through indexReader.
//
// The targeted reads are one walker, in files by job: walk.go (the walker and its reads of
// items), walk_reader.go (the readers it reads through), walk_links.go (the links of an
// item), walk_names.go (names, labels and aliases), walk_graph.go (the graph a walk read),
// around.go (LoadAround, Referrers), between.go (LoadBetween, a path search), meet.go
// (where a path's two searches meet), sketch.go and parallel.go.
package store
