#!/usr/bin/env bash
# Times every default query form about the hub (the party the most articles state), the
# agreement the most state and two commentators, by id and by name, as whole commands:
#
#   [RUNS=5] bench/query_forms.sh CORPUS N BUILD:STORE [BUILD:STORE...]
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

# Each form: its label, then the arguments of "query", separated by |.
forms=(
	"obligations --bearer the hub|obligations|--bearer|$hub"
	"obligations --bearer the hub, by name|obligations|--bearer|$hubname"
	"obligations --between the hub and a party|obligations|--between|$hub|$other"
	"claims --by the hub|claims|--by|$hub"
	"claims --by a commentator, by name|claims|--by|$rarename"
	"claims --about the hub|claims|--about|$hub"
	"claims --about the agreement|claims|--about|$topagr"
	"claims --about the agreement, by name|claims|--about|$topagrname"
	"neighbors the hub|neighbors|$hub"
	"neighbors the hub, by name|neighbors|$hubname"
	"neighbors --depth 2 the hub|neighbors|--depth|2|$hub"
	"path the hub to a commentator|path|$hub|$rare"
	"path commentator to commentator|path|$rare|$last"
	"path commentator to commentator, one by name|path|$rarename|$last"
)

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
			if ! /usr/bin/time -o "$work/time" -f '%U %S' "$build" query "${q[@]}" --store "$store" >"$work/out" 2>"$work/err"; then
				echo "$t: query ${q[*]} failed:" >&2
				cat "$work/err" >&2
				exit 1
			fi
			end=$EPOCHREALTIME
			walls[$t]+="$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", (b - a) * 1000 }') "
			cpus[$t]+="$(awk '{ printf "%.2f", $1 + $2 }' "$work/time") "
			if [ ! -f "$work/first" ]; then
				cp "$work/out" "$work/first"
			elif ! cmp -s "$work/out" "$work/first"; then
				echo "$t: query ${q[*]} printed other bytes than the first run" >&2
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
