#!/usr/bin/env bash
# Times every default query form about the hub (the party the most articles state), the
# agreement the most state and two commentators, by id and by name, as whole commands:
#
#   [RUNS=5] [FORMS=store] bench/query_forms.sh CORPUS N BUILD:STORE [BUILD:STORE...]
#
# With FORMS=store it times the commands that read the whole store instead: stats, a
# month of the timeline, sources, find, the claims and obligations without a subject, and
# the GraphML, GEXF and N-Quads exports (written to stdout, and compared like the rest).
#
# CORPUS is the folder of the N-article synthetic corpus the stores hold (cmd/synth;
# bench/compare.sh keeps one in WORK/corpus), BUILD a factgraph binary and STORE what its
# --store takes (a bolt file, or postgres://...). Each form runs RUNS times on every
# BUILD:STORE, those in turn, and the script prints for each the median wall time in
# milliseconds (the slowest run in brackets) and the mean CPU time of factgraph's process
# (user + system, /usr/bin/time's 10 ms steps; a PostgreSQL server's work is not in it).
# The wall time is taken around /usr/bin/time, which adds about a millisecond. Every run
# must print what the first run of the first BUILD:STORE printed, or the script stops.
set -euo pipefail

if [ $# -lt 3 ]; then
	echo "usage: [RUNS=5] $0 CORPUS N BUILD:STORE [BUILD:STORE...]" >&2
	exit 2
fi
corpus=$1 n=$2
shift 2
runs=${RUNS:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/corpus.sh
. "$root/bench/corpus.sh"
corpus_items "$corpus" "$n"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Each form: its label, then the arguments of the command, separated by |.
case ${FORMS:-query} in
query)
	forms=(
		"obligations --bearer the hub|query|obligations|--bearer|$hub"
		"obligations --bearer the hub, by name|query|obligations|--bearer|$hubname"
		"obligations --between the hub and a party|query|obligations|--between|$hub|$other"
		"claims --by the hub|query|claims|--by|$hub"
		"claims --by a commentator, by name|query|claims|--by|$rarename"
		"claims --about the hub|query|claims|--about|$hub"
		"claims --about the agreement|query|claims|--about|$topagr"
		"claims --about the agreement, by name|query|claims|--about|$topagrname"
		"neighbors the hub|query|neighbors|$hub"
		"neighbors the hub, by name|query|neighbors|$hubname"
		"neighbors --depth 2 the hub|query|neighbors|--depth|2|$hub"
		"path the hub to a commentator|query|path|$hub|$rare"
		"path commentator to commentator|query|path|$rare|$last"
		"path commentator to commentator, one by name|query|path|$rarename|$last"
	)
	;;
store)
	forms=(
		"stats|stats"
		"timeline --from 2005-03 --to 2005-04|query|timeline|--from|2005-03|--to|2005-04"
		"sources|sources"
		"find the hub's name|find|$hubname"
		"claims (the first 100 threads)|query|claims"
		"obligations (all of them)|query|obligations"
		"export -f graphml|export|-q|-f|graphml"
		"export -f gexf|export|-q|-f|gexf"
		"export -f nquads|export|-q|-f|nquads"
	)
	;;
*)
	echo "FORMS is query (the default) or store" >&2
	exit 2
	;;
esac

printf '%-48s' "form (median ms (slowest) / mean CPU s)"
for t in "$@"; do printf ' | %-28s' "$(basename "${t%%:*}"):$(basename "${t#*:}" | cut -c1-20)"; done
echo
for f in "${forms[@]}"; do
	IFS='|' read -r -a q <<<"$f"
	label=${q[0]}
	q=("${q[@]:1}")
	declare -A walls=() cpus=()
	for ((r = 0; r < runs; r++)); do
		for t in "$@"; do
			build=${t%%:*} store=${t#*:}
			start=$EPOCHREALTIME
			if ! /usr/bin/time -o "$work/time" -f '%U %S' "$build" "${q[@]}" --store "$store" >"$work/out" 2>"$work/err"; then
				echo "$t: ${q[*]} failed:" >&2
				cat "$work/err" >&2
				exit 1
			fi
			end=$EPOCHREALTIME
			walls[$t]+="$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", (b - a) * 1000 }') "
			cpus[$t]+="$(awk '{ printf "%.2f", $1 + $2 }' "$work/time") "
			if [ ! -f "$work/first" ]; then
				cp "$work/out" "$work/first"
			elif ! cmp -s "$work/out" "$work/first"; then
				echo "$t: ${q[*]} printed other bytes than the first run" >&2
				exit 1
			fi
		done
	done
	rm -f "$work/first"
	printf '%-48s' "$label"
	for t in "$@"; do
		printf ' | %-28s' "$(tr ' ' '\n' <<<"${walls[$t]}" | grep . | sort -n | awk '{ v[NR] = $1 } END { printf "%.0f (%.0f)", v[int((NR + 1) / 2)], v[NR] }') / $(tr ' ' '\n' <<<"${cpus[$t]}" | grep . | awk '{ s += $1 } END { printf "%.2f", s / NR }')"
	done
	echo
	unset walls cpus
done
