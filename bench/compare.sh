#!/usr/bin/env bash
# Times whole runs of factgraph and of Cayley's own CLI on the same synthetic corpus, in the
# same run, and NetworkX writing factgraph's graph from memory, and prints the ratios the
# performance targets are stated in:
#
#   bench/compare.sh [ARTICLES]        # default 1000; 10000 is the target corpus
#
# It builds factgraph and the corpus generator from this checkout, and Cayley's CLI from the
# Cayley module go.mod names, in a temporary main module outside the repository (Cayley's CLI
# only builds with an old logrus: see docs/performance.md). Set CAYLEY=/path/to/cayley to
# reuse a built one, WORK=DIR to keep the files (a temporary folder is removed otherwise;
# a corpus already in DIR, corpus/ and corpus.nq as synth -seed 1 writes them, is used
# instead of writing one: hard links to another copy are fine, as the one article the script
# changes is replaced, not written in place), PG=postgres://... (a database whose user may create databases, as scripts/ci-postgres.sh
# prints) to time factgraph on PostgreSQL as well (the same steps and queries as whole
# commands, in a database of its own, dropped at the end), and QUERIES=few to time only the
# obligations query and Gizmo as whole commands (each opens the store); by default every
# default form about the hub (the party the most articles state), the agreement the most
# state and a commentator, by id and by name, is a whole command too, and so is the first
# query after the re-ingest. Every query form is then timed on the open bolt store, and on
# the PostgreSQL one with PG (BenchmarkQueryStore, QUERYRUNS runs each, 5 by default;
# QUERYBENCH=no leaves it out).
# OLD=/path/to/factgraph (a build of the commit before) runs that build right before this
# one at every factgraph step, on a store of its own, checks that both print and write the
# same bytes, and prints the ratio of each step. The sizes of the stores and exports close
# the table.
# NetworkX (bench/networkx_write.py) runs with PYTHON, /usr/bin/python3 by default (Debian's
# python3-networkx), and is left out when that cannot import networkx or NETWORKX=no.
#
# Every figure comes from /usr/bin/time: wall seconds, CPU seconds (user + system) and peak
# resident memory, except NetworkX's, which its script measures around the write alone (see
# bench/networkx_write.py). On a shared machine wall time varies with load; CPU seconds
# less so.
set -euo pipefail

n=${1:-1000}
root=$(cd "$(dirname "$0")/.." && pwd)
keep=${WORK:-}
work=${WORK:-$(mktemp -d /tmp/factgraph-compare.XXXXXX)}
mkdir -p "$work/bin"
[ -n "$keep" ] || trap 'rm -rf "$work"' EXIT

if [ ! -x /usr/bin/time ]; then
	echo "compare: /usr/bin/time is missing; install the Debian package time" >&2
	exit 1
fi

echo "building factgraph and synth" >&2
(cd "$root" && go build -o "$work/bin/factgraph" ./cmd/factgraph && go build -o "$work/bin/synth" ./cmd/synth)
fg=$work/bin/factgraph
old=${OLD:-}

cayley=${CAYLEY:-}
if [ -z "$cayley" ]; then
	version=$(cd "$root" && go list -m -f '{{.Version}}' github.com/cayleygraph/cayley)
	mod=$work/cayley-mod
	mkdir -p "$mod"
	cat >"$mod/go.mod" <<MOD
module cayleycli

go 1.26

require github.com/cayleygraph/cayley $version

replace github.com/Sirupsen/logrus => github.com/Sirupsen/logrus v1.0.1
MOD
	echo "building cayley $version (a few minutes the first time)" >&2
	(cd "$mod" && GOFLAGS=-mod=mod go build -o "$work/bin/cayley" github.com/cayleygraph/cayley/cmd/cayley)
	cayley=$work/bin/cayley
fi

if [ -s "$work/corpus.nq" ] && [ "$(find "$work/corpus" -name '*.yaml' 2>/dev/null | wc -l)" -eq "$n" ]; then
	echo "using the corpus of $n articles in $work" >&2
else
	echo "writing $n articles" >&2
	"$work/bin/synth" -n "$n" -seed 1 -o "$work/corpus" -nquads "$work/corpus.nq" >&2
fi
quads=$(wc -l <"$work/corpus.nq")

# run NAME CMD...: time one whole run; keeps wall, user and system seconds and peak KB in
# $work/t.NAME.
run() {
	local name=$1
	shift
	if ! /usr/bin/time -f '%e %U %S %M' -o "$work/t.$name" "$@" >"$work/out.$name" 2>"$work/err.$name"; then
		echo "compare: $name failed:" >&2
		tail -n 20 "$work/err.$name" >&2
		exit 1
	fi
	row "$name"
}
# row NAME: print the line of the table $work/t.NAME holds.
row() {
	local wall user sys kb
	read -r wall user sys kb <"$work/t.$1"
	printf '%-40s %9.2f s %9.2f s %8.0f MB\n' "$1" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$kb / 1024" | bc)"
}
# fgrun NAME ARGS...: time "factgraph ARGS" as NAME. With OLD set, first time the OLD build
# as old-NAME on its own store and files ("$work/fg..." in an argument becomes
# "$work/old..."), and check that both printed, and wrote with -o, the same bytes.
fgrun() {
	local name=$1 a i
	shift
	if [ -n "$old" ]; then
		local oargs=()
		for a in "$@"; do
			[[ $a == "$work/fg"* ]] && a="$work/old${a#"$work/fg"}"
			oargs+=("$a")
		done
		run "old-$name" "$old" "${oargs[@]}"
	fi
	run "$name" "$fg" "$@"
	[ -n "$old" ] || return 0
	local outs=("$work/out.$name" "$work/out.old-$name")
	for ((i = 1; i < $#; i++)); do
		if [ "${!i}" = -o ]; then
			a=$((i + 1))
			outs+=("${!a}" "$work/old${!a#"$work/fg"}")
		fi
	done
	for ((i = 0; i < ${#outs[@]}; i += 2)); do
		if ! cmp -s "${outs[i]}" "${outs[i + 1]}"; then
			echo "compare: $name: the OLD build's ${outs[i + 1]} differs from ${outs[i]}" >&2
			exit 1
		fi
	done
}
field() { awk -v f="$2" '{print $f}' "$work/t.$1"; }
cpu() { awk '{print $2 + $3}' "$work/t.$1"; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%6.2fx", a / b; else printf "%7s", "-" }'; }
ratio() { # ratio LABEL A B: how many times B is A (B / A), on wall and CPU time
	printf '%-44s %s wall  %s cpu\n' "$1" "$(div "$(field "$3" 1)" "$(field "$2" 1)")" "$(div "$(cpu "$3")" "$(cpu "$2")")"
}

# The items the queries ask about (bench/corpus.sh): parties of the middle article, the
# hub (the party the most articles state), the agreement the most state, and a
# commentator, each by id and by name: the slowest forms of each query.
# shellcheck source=bench/corpus.sh
. "$root/bench/corpus.sh"
corpus_items "$work/corpus" "$n"
gizmo="g.V(\"<$p0>\").In(\"<fg:bearer>\").Out(\"<fg:duty>\").All()"
formats=$("$fg" export --help | awk '/Formats:$/{f=1; next} f && NF==0{exit} f{print $1}')

echo
echo "factgraph vs cayley on $n articles ($quads quads in factgraph's model), $(nproc) cores"
echo "hub: $hub ($hubname); agreement: $topagr ($topagrname); commentator: $rare ($rarename)"
printf '%-40s %11s %11s %11s\n' step wall cpu peak
# Stores of an earlier run in WORK would make an ingest a re-ingest.
rm -rf "$work/cayley.db" "$work/fg.db" "$work/old.db"
# The article changed below, as the corpus had it.
sed -i 's/^  note: "Changed synthetic article/  note: "Synthetic article/' "$work/corpus/$mid.yaml"
mkdir -p "$work/cayley.db"
run cayley-load "$cayley" load --init -d bolt -a "$work/cayley.db" -i "$work/corpus.nq"
fgrun factgraph-ingest ingest --store "$work/fg.db" "$work/corpus"
# One changed article, ingested again into the full store.
sed -i 's/^  note: "Synthetic article/  note: "Changed synthetic article/' "$work/corpus/$mid.yaml"
fgrun factgraph-reingest-one ingest --store "$work/fg.db" "$work/corpus/$mid.yaml"
# The same article taken out of the store, and put back.
fgrun factgraph-remove-one remove --store "$work/fg.db" "$mid"
fgrun factgraph-readd-one ingest --store "$work/fg.db" "$work/corpus/$mid.yaml"
# The first query after another process wrote the store: the slowest default form.
fgrun factgraph-neighbors-hub-name-first query neighbors --store "$work/fg.db" "$hubname"
run cayley-dump-graphml "$cayley" dump -d bolt -a "$work/cayley.db" --dump_format graphml -o "$work/cayley.graphml"
for f in graphml gexf dot; do
	if grep -qx "$f" <<<"$formats"; then
		fgrun "factgraph-export-$f" export --store "$work/fg.db" -f "$f" -o "$work/fg.$f"
	else
		echo "factgraph-export-$f: format not available in this build" >&2
	fi
done
# NetworkX writing the same graph, already in memory: its script reads factgraph's GraphML
# (not timed) into the graph nx.read_graphml gives, then times write_graphml and
# write_gexf alone. The factgraph exports above are whole commands: starting, opening the
# store, reading it, building the view, writing.
py=${PYTHON:-/usr/bin/python3}
if [ "${NETWORKX:-}" = no ]; then
	:
elif [ ! -f "$work/fg.graphml" ]; then
	echo "networkx: no GraphML export to read; left out" >&2
elif ! "$py" -c 'import networkx' 2>/dev/null; then
	echo "networkx: $py cannot import networkx (Debian package python3-networkx); left out" >&2
elif ! "$py" "$root/bench/networkx_write.py" "$work/fg.graphml" "$work" >"$work/out.networkx" 2>"$work/err.networkx"; then
	echo "compare: networkx failed:" >&2
	tail -n 20 "$work/err.networkx" >&2
	exit 1
else
	while read -r name wall user sys kb; do
		echo "$wall $user $sys $kb" >"$work/t.$name"
		row "$name"
	done <"$work/out.networkx"
fi
fgrun factgraph-export-nquads export --store "$work/fg.db" -f nquads -o "$work/fg.nq"
# The alliance map of the whole corpus, the file an analyst opens in Gephi.
fgrun factgraph-export-parties-gexf export --store "$work/fg.db" --view parties -f gexf -o "$work/fg-parties.gexf"
run cayley-gizmo "$cayley" query -d bolt -a "$work/cayley.db" --lang gizmo -n 100000 <<<"$gizmo"
fgrun factgraph-gizmo query gizmo --store "$work/fg.db" --limit 100000 "$gizmo"
fgrun factgraph-obligations query obligations --store "$work/fg.db" --bearer "$p0"
if [ "${QUERIES:-all}" != few ]; then
	fgrun factgraph-obligations-between query obligations --store "$work/fg.db" --between "$p0" "$p1"
	fgrun factgraph-claims query claims --store "$work/fg.db" --about "$agr"
	fgrun factgraph-neighbors query neighbors --store "$work/fg.db" --depth 2 "$p0"
	fgrun factgraph-path query path --store "$work/fg.db" "$(printf 'a%05d-commentator-1' $((n / 2)))" "$last"
	# Every default form about the hub, the agreement and a commentator, by id and name.
	fgrun factgraph-obligations-hub query obligations --store "$work/fg.db" --bearer "$hub"
	fgrun factgraph-obligations-hub-name query obligations --store "$work/fg.db" --bearer "$hubname"
	fgrun factgraph-obligations-between-hub query obligations --store "$work/fg.db" --between "$hub" "$other"
	fgrun factgraph-claims-by-hub query claims --store "$work/fg.db" --by "$hub"
	fgrun factgraph-claims-by-rare-name query claims --store "$work/fg.db" --by "$rarename"
	fgrun factgraph-claims-about-hub query claims --store "$work/fg.db" --about "$hub"
	fgrun factgraph-claims-about-agreement query claims --store "$work/fg.db" --about "$topagr"
	fgrun factgraph-claims-about-agreement-name query claims --store "$work/fg.db" --about "$topagrname"
	fgrun factgraph-neighbors-hub query neighbors --store "$work/fg.db" "$hub"
	fgrun factgraph-neighbors-hub-name query neighbors --store "$work/fg.db" "$hubname"
	fgrun factgraph-neighbors-hub-depth2 query neighbors --store "$work/fg.db" --depth 2 "$hub"
	fgrun factgraph-path-hub-rare query path --store "$work/fg.db" "$hub" "$rare"
	fgrun factgraph-path-rare-name query path --store "$work/fg.db" "$rarename" "$last"
	fgrun factgraph-timeline query timeline --store "$work/fg.db" --from 2000 --to 2010
	fgrun factgraph-stats stats --store "$work/fg.db"
fi

if [ -n "${PG:-}" ]; then
	db=factgraph_bench_$$
	psql "$PG" -qc "CREATE DATABASE $db" >/dev/null
	pg=$(python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))' "$PG" "$db")
	# The article changed above, as the corpus had it: the first ingest is the corpus.
	sed -i 's/^  note: "Changed synthetic article/  note: "Synthetic article/' "$work/corpus/$mid.yaml"
	run postgres-ingest "$fg" ingest --store "$pg" "$work/corpus"
	sed -i 's/^  note: "Synthetic article/  note: "Changed synthetic article/' "$work/corpus/$mid.yaml"
	run postgres-reingest-one "$fg" ingest --store "$pg" "$work/corpus/$mid.yaml"
	run postgres-remove-one "$fg" remove --store "$pg" "$mid"
	run postgres-readd-one "$fg" ingest --store "$pg" "$work/corpus/$mid.yaml"
	run postgres-export-nquads "$fg" export --store "$pg" -f nquads -o "$work/pg.nq"
	if grep -qx graphml <<<"$formats"; then
		run postgres-export-graphml "$fg" export --store "$pg" -f graphml -o "$work/pg.graphml"
	fi
	run postgres-gizmo "$fg" query gizmo --store "$pg" --limit 100000 "$gizmo"
	run postgres-obligations "$fg" query obligations --store "$pg" --bearer "$p0"
	if [ "${QUERIES:-all}" != few ]; then
		run postgres-obligations-between "$fg" query obligations --store "$pg" --between "$p0" "$p1"
		run postgres-claims "$fg" query claims --store "$pg" --about "$agr"
		run postgres-neighbors "$fg" query neighbors --store "$pg" --depth 2 "$p0"
		run postgres-path "$fg" query path --store "$pg" "$(printf 'a%05d-commentator-1' $((n / 2)))" "$last"
		run postgres-timeline "$fg" query timeline --store "$pg" --from 2000 --to 2010
		run postgres-stats "$fg" stats --store "$pg"
	fi
	if ! cmp -s "$work/fg.nq" "$work/pg.nq"; then
		psql "$PG" -qc "DROP DATABASE $db WITH (FORCE)" >/dev/null
		echo "compare: the PostgreSQL store exports other quads than the bolt store" >&2
		exit 1
	fi
fi

echo
echo "sizes"
# size LABEL PATH...: the bytes the paths take on disk, in MB.
size() {
	local label=$1
	shift
	printf '%-40s %9.0f MB\n' "$label" "$(du -cb "$@" | tail -n 1 | awk '{print $1 / 1048576}')"
}
size "facts files (yaml)" "$work"/corpus/*.yaml
size "cayley store (bolt)" "$work/cayley.db"
size "factgraph store (bolt)" "$work/fg.db"
for f in graphml gexf dot; do
	[ -f "$work/fg.$f" ] && size "factgraph export, $f" "$work/fg.$f"
done
size "cayley dump, graphml" "$work/cayley.graphml"
size "parties view, gexf" "$work/fg-parties.gexf"
printf '%-44s %6.2fx\n' "factgraph store / cayley store" \
	"$(echo "scale=4; $(du -cb "$work/fg.db" | tail -n 1 | cut -f1) / $(du -cb "$work/cayley.db" | tail -n 1 | cut -f1)" | bc)"

echo
echo "ratios (second / first, on the same corpus: above 1 means the first is faster)"
ratio "ingest vs cayley load" factgraph-ingest cayley-load
printf '%-44s %6.2fx\n' "peak memory, ingest vs cayley load" \
	"$(echo "scale=4; $(field cayley-load 4) / $(field factgraph-ingest 4)" | bc)"
for f in graphml gexf; do
	[ -f "$work/t.factgraph-export-$f" ] && ratio "$f export vs cayley dump graphml" "factgraph-export-$f" cayley-dump-graphml
done
for f in graphml gexf; do
	if [ -f "$work/t.factgraph-export-$f" ] && [ -f "$work/t.networkx-write-$f" ]; then
		ratio "$f export vs networkx write_$f" "factgraph-export-$f" "networkx-write-$f"
		printf '%-44s %6.2fx\n' "peak memory, $f export vs networkx" \
			"$(echo "scale=4; $(field "networkx-write-$f" 4) / $(field "factgraph-export-$f" 4)" | bc)"
	fi
done
[ -f "$work/t.networkx-write-graphml" ] && echo "  (factgraph: the whole command, store read included; networkx: the write alone, graph in memory)"
ratio "gizmo query vs cayley query" factgraph-gizmo cayley-gizmo
if [ -n "$old" ]; then
	echo
	echo "this build against OLD ($old), step by step (above 1: this build is faster)"
	for t in "$work"/t.old-*; do
		name=${t#"$work/t.old-"}
		ratio "$name" "$name" "old-$name"
	done
fi
ratio "re-ingest one article vs full ingest" factgraph-reingest-one factgraph-ingest
if [ -n "${PG:-}" ]; then
	ratio "postgres ingest vs bolt ingest" postgres-ingest factgraph-ingest
	ratio "postgres re-ingest one vs bolt" postgres-reingest-one factgraph-reingest-one
	ratio "postgres remove one vs bolt" postgres-remove-one factgraph-remove-one
	ratio "postgres export nquads vs bolt" postgres-export-nquads factgraph-export-nquads
fi

# Every query form on the bolt store this run wrote (and re-ingested one article into),
# opened once, opening not timed: BenchmarkQueryStore, the mean of QUERYRUNS runs.
if [ "${QUERYBENCH:-yes}" != no ]; then
	runs=${QUERYRUNS:-5}
	echo
	echo "queries on the open bolt store (bench/query_store_test.go; mean of $runs runs)"
	if ! (cd "$root" && go test -run '^$' -bench QueryStore -benchtime "${runs}x" -timeout 1h ./bench/ \
		-args -store "$work/fg.db" -articles "$n") >"$work/out.querybench" 2>&1; then
		echo "compare: the query benchmark failed:" >&2
		cat "$work/out.querybench" >&2
		exit 1
	fi
	printf '%-44s %11s %12s\n' form time "answer lines"
	awk '/ns\/op/ {
		name = $1; sub(/^BenchmarkQueryStore\/[0-9]+k\//, "", name); sub(/-[0-9]+$/, "", name)
		lines = ""; for (i = 1; i < NF; i++) if ($(i + 1) == "lines/op") lines = $i
		printf "%-44s %8.1f ms %12s\n", name, $3 / 1e6, lines
	}' "$work/out.querybench"
	if [ -n "${PG:-}" ]; then
		echo
		echo "queries on the open PostgreSQL store (the same forms; mean of $runs runs)"
		if ! (cd "$root" && go test -run '^$' -bench QueryStore -benchtime "${runs}x" -timeout 1h ./bench/ \
			-args -store "$pg" -articles "$n") >"$work/out.pgquerybench" 2>&1; then
			psql "$PG" -qc "DROP DATABASE $db WITH (FORCE)" >/dev/null
			echo "compare: the query benchmark on PostgreSQL failed:" >&2
			cat "$work/out.pgquerybench" >&2
			exit 1
		fi
		printf '%-44s %11s %12s\n' form time "answer lines"
		awk '/ns\/op/ {
			name = $1; sub(/^BenchmarkQueryStore\/[0-9]+k\//, "", name); sub(/-[0-9]+$/, "", name)
			lines = ""; for (i = 1; i < NF; i++) if ($(i + 1) == "lines/op") lines = $i
			printf "%-44s %8.1f ms %12s\n", name, $3 / 1e6, lines
		}' "$work/out.pgquerybench"
	fi
fi
[ -n "${PG:-}" ] && psql "$PG" -qc "DROP DATABASE $db WITH (FORCE)" >/dev/null
echo "files in $work"
