# Sourced by bench/compare.sh and bench/query_forms.sh: the items of a synthetic corpus
# (cmd/synth) that the benchmarks ask about. corpus_items DIR N sets, for the N articles of
# the folder DIR:
#
#   mid, p0, p1, agr  the middle article, its first two parties and its first agreement
#   last              the commentator of the last article
#   hub, hubname      the party the most articles state (ties to the first id), and its name
#   topagr, topagrname  the agreement the most articles state, and its name
#   other             a party of the middle article that is not the hub
#   rare, rarename    the commentator of the middle article, and its name

# most DIR SECTION: the id and name (tab between) of the item of SECTION (parties,
# agreements) that the most articles of DIR state, ties to the first id.
most() {
	awk -v sec="$2:" '
		/^[a-z_]+:/ { in_sec = ($1 == sec); id = ""; next }
		in_sec && $1 == "-" && $2 == "id:" { id = $3; n[id]++; next }
		in_sec && $1 == "name:" && id != "" {
			if (!(id in name)) { sub(/^ *name: */, ""); gsub(/"/, ""); name[id] = $0 }
			id = ""
		}
		END { for (i in n) printf "%d\t%s\t%s\n", n[i], i, name[i] }' "$1"/*.yaml |
		sort -t "$(printf '\t')" -k1,1nr -k2,2 | head -n 1 | cut -f 2-
}

corpus_items() {
	local dir=$1 n=$2
	mid=$(printf 'a%05d' $((n / 2)))
	p0=$(awk '/^parties:/{p=1} p && /- id:/{print $3; exit}' "$dir/$mid.yaml")
	p1=$(awk '/^parties:/{p=1} p && /- id:/{c++; if (c==2) {print $3; exit}}' "$dir/$mid.yaml")
	agr=$(awk '/^agreements:/{p=1} p && /- id:/{print $3; exit}' "$dir/$mid.yaml")
	last=$(printf 'a%05d-commentator-1' $((n - 1)))
	IFS=$'\t' read -r hub hubname <<<"$(most "$dir" parties)"
	IFS=$'\t' read -r topagr topagrname <<<"$(most "$dir" agreements)"
	other=$p0
	[ "$other" != "$hub" ] || other=$p1
	rare=$(printf 'a%05d-commentator-1' $((n / 2)))
	rarename=$(awk -v id="$rare" '$1 == "-" && $2 == "id:" { f = ($3 == id); next } f && $1 == "name:" { sub(/^ *name: */, ""); gsub(/"/, ""); print; exit }' "$dir/$mid.yaml")
}
