// Package bench measures factgraph at scale on synthetic corpora (internal/synth): ingest,
// re-ingest of one changed article, loading the store, every export format and every
// query, at 1,000 articles, and at 10,000 when FACTGRAPH_BENCH_10K is set:
//
//	go test -run '^$' -bench . -benchtime 1x ./bench/
//	FACTGRAPH_BENCH_10K=1 go test -run '^$' -bench . -benchtime 1x -timeout 1h ./bench/
//
// With FACTGRAPH_TEST_POSTGRES set (scripts/ci-postgres.sh), ingest is measured on
// PostgreSQL too, at 1k. compare.sh times whole runs of the factgraph command against
// Cayley's own CLI on the same corpus; ingest_pairs.sh times the ingest of a corpus into
// new PostgreSQL databases and bolt files, builds in turn; query_forms.sh times every
// default query form about the corpus's hub as whole commands, several runs each, on one
// or more stores and builds in turn (with FORMS=store, the commands that read the whole
// store), and typo_forms.sh the same with mistyped ids and names (corpus.sh picks the items
// they ask about). TestFormScripts runs those two once on a small corpus. delayproxy
// forwards connections to a server with a delay each way, to time commands against a
// PostgreSQL server further away than the machine's own (docs/postgres-server.md).
// docs/performance.md and
// docs/scaling.md record the figures of a run and how to reproduce them.
package bench
