#!/usr/bin/env bash
# Times query commands whose ids and names are mistyped, as whole commands: each is an
# error that suggests the closest item (docs/query.md), on the N-article synthetic corpus
# the stores hold.
#
#   [RUNS=3] bench/typo_forms.sh CORPUS N BUILD:STORE [BUILD:STORE...]
#
# CORPUS, N, BUILD and STORE are as bench/query_forms.sh takes them. Each form runs RUNS
# times on every BUILD:STORE, those in turn, and the script prints for each the median wall
# time in milliseconds (the slowest run in brackets). Every run must fail with the message
# the first run of the first BUILD:STORE printed, or the script stops.
set -euo pipefail

if [ $# -lt 3 ]; then
	echo "usage: [RUNS=3] $0 CORPUS N BUILD:STORE [BUILD:STORE...]" >&2
	exit 2
fi
corpus=$1 n=$2
shift 2
runs=${RUNS:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/corpus.sh
. "$root/bench/corpus.sh"
corpus_items "$corpus" "$n"
obl=$(awk '/^obligations:/{p=1} p && /- id:/{print $3; exit}' "$corpus/$mid.yaml")
clm=$(awk '/^claims:/{p=1} p && /- id:/{print $3; exit}' "$corpus/$mid.yaml")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Each form: its label, then the arguments of "query", separated by |; a letter of each
# mistyped id or name is dropped.
typo() { printf '%s' "${1:0:3}${1:4}"; }
forms=(
	"obligations --bearer the hub's id|obligations|--bearer|$(typo "$hub")"
	"obligations --bearer the hub's name|obligations|--bearer|$(typo "$hubname")"
	"obligations --between, both mistyped|obligations|--between|$(typo "$hub")|$(typo "$other")"
	"claims --by a commentator's id|claims|--by|$(typo "$rare")"
	"claims --about a claim's id|claims|--about|$(typo "$clm")"
	"neighbors an obligation's id|neighbors|$(typo "$obl")"
	"neighbors the hub's name|neighbors|$(typo "$hubname")"
	"path from a mistyped commentator|path|$(typo "$rare")|$hub"
)

printf '%-44s' "form (median ms (slowest))"
for t in "$@"; do printf ' | %-24s' "$(basename "${t%%:*}"):$(basename "${t#*:}" | cut -c1-14)"; done
echo
for f in "${forms[@]}"; do
	IFS='|' read -r -a q <<<"$f"
	label=${q[0]}
	q=("${q[@]:1}")
	declare -A walls=()
	for ((r = 0; r < runs; r++)); do
		for t in "$@"; do
			build=${t%%:*} store=${t#*:}
			start=$EPOCHREALTIME
			if "$build" query "${q[@]}" --store "$store" >"$work/out" 2>"$work/err"; then
				echo "$t: query ${q[*]} did not fail" >&2
				exit 1
			fi
			end=$EPOCHREALTIME
			walls[$t]+="$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", (b - a) * 1000 }') "
			if [ ! -f "$work/first" ]; then
				cp "$work/err" "$work/first"
			elif ! cmp -s "$work/err" "$work/first"; then
				echo "$t: query ${q[*]} printed another message than the first run:" >&2
				cat "$work/err" "$work/first" >&2
				exit 1
			fi
		done
	done
	printf '%-44s' "$label"
	for t in "$@"; do
		printf ' | %-24s' "$(tr ' ' '\n' <<<"${walls[$t]}" | grep . | sort -n | awk '{ v[NR] = $1 } END { printf "%.0f (%.0f)", v[int((NR + 1) / 2)], v[NR] }')"
	done
	echo "   $(head -c 110 "$work/first")"
	rm -f "$work/first"
	unset walls
done
