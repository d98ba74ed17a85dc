// Package query answers questions about a factgraph store's merged read model
// (*graph.Graph): who owes whom what (obligations and their balance between two
// parties), which claims are rebutted by which counterclaims, how often each party counters
// and supports another's assertions (stances), what nobody rebuts and what several parties
// rebut (contested), what an item is connected
// to, the shortest chains of relations between two items, the dated items in order, and
// counts and centrality for the whole graph.
//
// Everything here works on a graph.Graph already loaded from a store, so it needs no
// store to run or test. The edge set ("what is connected") is defined once, in Edges, and
// shared by Neighbors, Path and Stats. Every result is a plain struct with explicit JSON
// tags and a WriteText method for an aligned terminal table; both are deterministic: ties
// are broken by id, never by map order. The output formats are documented in
// docs/query.md.
package query
