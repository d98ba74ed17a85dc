#!/usr/bin/env bash
# Times the ingest of a corpus into a new PostgreSQL database and into a new bolt file as
# whole commands, builds in turn, so that builds and the two backends compare in one run:
#
#   PG=postgres://... bench/ingest_pairs.sh ROUNDS CORPUS BUILD [BUILD...]
#
# Each round ingests CORPUS (a folder of facts files, as bench/compare.sh keeps one in
# WORK/corpus) with each BUILD (a factgraph binary) into a database of its own, made with
# psql and dropped after (PG as scripts/ci-postgres.sh prints it: its user may create
# databases), then with the first BUILD into a new bolt file, and prints the wall, user
# and system seconds of each from /usr/bin/time, and the size of the log (WAL) the server
# wrote during each PostgreSQL load, other databases' writes included.
set -euo pipefail

if [ $# -lt 3 ] || [ -z "${PG:-}" ]; then
	echo "usage: PG=postgres://... $0 ROUNDS CORPUS BUILD [BUILD...]" >&2
	exit 2
fi
rounds=$1 corpus=$2
shift 2
work=$(mktemp -d)
db=factgraph_pairs_$$
trap 'psql "$PG" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
url=$(python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))' "$PG" "$db")

# timed NAME BUILD ARGS... runs BUILD ARGS... and prints its times under NAME.
timed() {
	local name=$1 build=$2
	shift 2
	if ! /usr/bin/time -o "$work/time" -f '%e s wall, %U s user, %S s system' "$build" "$@" >"$work/out" 2>&1; then
		cat "$work/out" >&2
		echo "$build: the $name ingest failed" >&2
		exit 1
	fi
	printf 'round %s  %-8s  %-40s  %s\n' "$round" "$name" "$build" "$(tail -n1 "$work/time")"
}

for round in $(seq "$rounds"); do
	for build in "$@"; do
		psql "$PG" -qc "CREATE DATABASE $db" >/dev/null
		before=$(psql "$PG" -qAtc "SELECT pg_current_wal_lsn()")
		timed postgres "$build" ingest --store "$url" "$corpus"
		psql "$PG" -qAtc "SELECT 'round $round  log      ' || round(pg_wal_lsn_diff(pg_current_wal_lsn(), '$before') / 1e6) || ' MB written, wal_compression ' || current_setting('wal_compression')"
		psql "$PG" -qc "DROP DATABASE $db WITH (FORCE)" >/dev/null
	done
	rm -f "$work/bolt.db"
	timed bolt "$1" ingest --store "$work/bolt.db" "$corpus"
done
