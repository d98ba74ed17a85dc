package query

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// WriteText writes the obligations as aligned tables for a terminal of the given width.
// With Between set, the two directions come first side by side, then their balance.
func (r *ObligationsResult) WriteText(w io.Writer, width int) error {
	w = visible(w)
	if len(r.Between) == 2 {
		if err := r.writeBetween(w, width); err != nil {
			return err
		}
	}
	if len(r.Obligations) == 0 {
		_, err := fmt.Fprintln(w, "no obligations match")
		return err
	}
	cols := []column{{head: "ID"}, {head: "BEARER → BENEFICIARY"}, {head: "STATUS"},
		{head: "DUTY", weight: 1}, {head: "CONDITION", weight: 1}, {head: "UNDER"}}
	// Which source states which duty matters only when they are not all from one.
	var sources [][]string
	for _, o := range r.Obligations {
		sources = append(sources, o.Sources)
	}
	mixed := mixesSources(sources...)
	if mixed {
		cols = append(cols, column{head: "SOURCE"})
	}
	t := newTable(w, width, cols...)
	for _, o := range r.Obligations {
		under := ""
		if o.Under != nil {
			under = o.Under.ID
		}
		cells := []string{o.ID, o.Bearer.ID + " → " + o.Beneficiary.ID, o.Status, o.Duty, o.Condition, under}
		if mixed {
			cells = append(cells, sourceList(o.Sources))
		}
		t.row(cells...)
	}
	return t.flush()
}

func (r *ObligationsResult) writeBetween(w io.Writer, width int) error {
	a, b := r.Between[0], r.Between[1]
	fmt.Fprintf(w, "Obligations between %s (%s) and %s (%s)\n\n", name(a), a.ID, name(b), b.ID)
	var left, right []ObligationRow
	for _, o := range r.Obligations {
		if o.Bearer.ID == a.ID {
			left = append(left, o)
		} else {
			right = append(right, o)
		}
	}
	t := newTable(w, width,
		column{head: strings.ToUpper(name(a) + " owes " + name(b)), weight: 1}, column{head: "STATUS"},
		column{head: strings.ToUpper(name(b) + " owes " + name(a)), weight: 1}, column{head: "STATUS"})
	for i := 0; i < max(len(left), len(right)); i++ {
		cells := make([]string, 4)
		if i < len(left) {
			cells[0], cells[1] = left[i].Duty, left[i].Status
		}
		if i < len(right) {
			cells[2], cells[3] = right[i].Duty, right[i].Status
		}
		t.row(cells...)
	}
	if len(left) == 0 && len(right) == 0 {
		t.row("(none)", "", "(none)")
	}
	if err := t.flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	t = newTable(w, width, column{head: "BALANCE"}, column{head: "IN-FORCE"}, column{head: "ABSENT"},
		column{head: "DEMANDED"}, column{head: "DISPUTED"}, column{head: "TOTAL"})
	for _, bal := range r.Balance {
		t.row(name(bal.Bearer)+" → "+name(bal.Beneficiary), strconv.Itoa(bal.InForce), strconv.Itoa(bal.Absent),
			strconv.Itoa(bal.Demanded), strconv.Itoa(bal.Disputed), strconv.Itoa(bal.Total))
	}
	if err := t.flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	for _, bal := range r.Balance {
		fmt.Fprintln(w, balanceSentence(bal))
	}
	_, err := fmt.Fprintln(w)
	return err
}

// balanceSentence says in words what one balance row counts.
func balanceSentence(b Balance) string {
	var parts []string
	for _, p := range []struct {
		n    int
		what string
	}{{b.InForce, "in force"}, {b.Demanded, "demanded"}, {b.Disputed, "disputed"}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", p.n, p.what))
		}
	}
	s := fmt.Sprintf("%s owes %s ", name(b.Bearer), name(b.Beneficiary))
	if len(parts) == 0 {
		s += "no duty"
	} else {
		s += strings.Join(parts, ", ") + " (" + plural(b.InForce+b.Demanded+b.Disputed, "duty", "duties") + ")"
	}
	if b.Absent > 0 {
		s += fmt.Sprintf("; the text records %s it does not owe", plural(b.Absent, "duty", "duties"))
	}
	return s + "."
}

// WriteText writes each thread as a tree: a claim, then the counterclaims that rebut it,
// indented under it, each with who said it, when, what and the quotes.
func (r *ClaimsResult) WriteText(w io.Writer, width int) error {
	w = visible(w)
	if width <= 0 {
		width = DefaultWidth
	}
	if len(r.Threads) == 0 {
		_, err := fmt.Fprintln(w, "no claims match")
		return err
	}
	var sources [][]string
	var collect func(n ClaimNode)
	collect = func(n ClaimNode) {
		sources = append(sources, n.Sources)
		for _, c := range n.Counterclaims {
			collect(c)
		}
	}
	for _, t := range r.Threads {
		collect(t)
	}
	mixed := mixesSources(sources...)
	for i, t := range r.Threads {
		if i > 0 {
			fmt.Fprintln(w)
		}
		writeClaim(w, t, "", "", width, mixed)
	}
	if r.Truncated {
		_, err := fmt.Fprintf(w, "\n%s not listed (raise --limit, or --limit 0 for all)\n", plural(r.Omitted, "more thread", "more threads"))
		return err
	}
	return nil
}

func writeClaim(w io.Writer, n ClaimNode, first, rest string, width int, sources bool) {
	head := n.Kind + " " + n.ID + " · " + name(n.By)
	if n.Date != "" {
		head += " · " + n.Date
	}
	if sources && len(n.Sources) > 0 {
		head += " · " + sourceList(n.Sources)
	}
	if n.Repeat {
		fmt.Fprintf(w, "%s%s (shown above)\n", first, head)
		return
	}
	fmt.Fprintf(w, "%s%s\n", first, head)
	body := rest
	if len(n.Counterclaims) > 0 {
		body += "│ "
	} else {
		body += "  "
	}
	room := max(20, width-utf8.RuneCountInString(body))
	for _, l := range wrap(n.Says, room) {
		fmt.Fprintf(w, "%s%s\n", body, l)
	}
	for _, q := range n.Quotes {
		for k, l := range wrap("“"+q+"”", room-2) {
			if k == 0 {
				fmt.Fprintf(w, "%s  %s\n", body, l)
			} else {
				fmt.Fprintf(w, "%s   %s\n", body, l)
			}
		}
	}
	for i, c := range n.Counterclaims {
		if i == len(n.Counterclaims)-1 {
			writeClaim(w, c, rest+"└─ ", rest+"   ", width, sources)
		} else {
			writeClaim(w, c, rest+"├─ ", rest+"│  ", width, sources)
		}
	}
}

// arrow draws a link in the direction of its edge: "-bearer->" or "<-bearer-".
func arrow(l Link) string {
	rel := l.Rel
	if l.Via != "" {
		rel += "(" + l.Via
		if l.Status != "" && l.Status != "in-force" {
			rel += ", " + l.Status
		}
		rel += ")"
	}
	if l.Direction == "in" {
		return "<-" + rel + "-"
	}
	return "-" + rel + "->"
}

func describe(it Item) string {
	s := it.ID + " (" + it.Kind
	if it.Type != "" {
		s += " " + it.Type
	}
	return s + ")"
}

// WriteText writes the neighbors as a table: how far, from where, along which edge, to
// what.
func (r *NeighborsResult) WriteText(w io.Writer, width int) error {
	w = visible(w)
	fmt.Fprintf(w, "%s: %s\n\n", describe(r.Item), r.Item.Label)
	if len(r.Neighbors) == 0 {
		_, err := fmt.Fprintln(w, "nothing is connected to it")
		return err
	}
	if r.Depth <= 1 {
		t := newTable(w, width, column{head: "EDGE"}, column{head: "TO"}, column{head: "KIND"}, column{head: "LABEL", weight: 1})
		for _, n := range r.Neighbors {
			t.row(arrow(n.Link), n.Item.ID, n.Item.Kind, n.Item.Label)
		}
		if err := t.flush(); err != nil {
			return err
		}
		return r.writeOmitted(w)
	}
	t := newTable(w, width, column{head: "DEPTH"}, column{head: "FROM"}, column{head: "EDGE"}, column{head: "TO"},
		column{head: "KIND"}, column{head: "LABEL", weight: 1})
	for _, n := range r.Neighbors {
		t.row(strconv.Itoa(n.Depth), n.Link.From, arrow(n.Link), n.Item.ID, n.Item.Kind, n.Item.Label)
	}
	if err := t.flush(); err != nil {
		return err
	}
	return r.writeOmitted(w)
}

// writeOmitted says what a limited list left out.
func (r *NeighborsResult) writeOmitted(w io.Writer) error {
	if !r.Truncated {
		return nil
	}
	msg := fmt.Sprintf("\n%s at depth %d not listed", plural(r.Omitted, "more link", "more links"), r.OmittedDepth)
	if r.OmittedDepth < r.Depth {
		msg += fmt.Sprintf("; depth %d not walked", r.OmittedDepth+1)
		if r.OmittedDepth+1 < r.Depth {
			msg = strings.TrimSuffix(msg, " not walked") + fmt.Sprintf(" to %d not walked", r.Depth)
		}
	}
	_, err := fmt.Fprintf(w, "%s (raise --limit, or --limit 0 for all)\n", msg)
	return err
}

// WriteText writes each chain one step a line, every step named.
func (r *PathResult) WriteText(w io.Writer, width int) error {
	w = visible(w)
	if len(r.Chains) == 0 {
		_, err := fmt.Fprintf(w, "no chain of relations links %s and %s\n", r.From.ID, r.To.ID)
		return err
	}
	n := fmt.Sprintf("%d shortest chains", len(r.Chains))
	if len(r.Chains) == 1 {
		n = "shortest chain"
	}
	if r.Truncated {
		n += " (more exist; raise --max)"
	}
	fmt.Fprintf(w, "%s, %s from %s to %s\n", n, plural(r.Length, "step", "steps"), describe(r.From), describe(r.To))
	for i, c := range r.Chains {
		fmt.Fprintf(w, "\nchain %d\n", i+1)
		t := newTable(w, width, column{head: "  FROM"}, column{head: "EDGE"}, column{head: "TO"})
		for _, s := range c.Steps {
			t.row("  "+s.From, arrow(s), s.To)
		}
		if err := t.flush(); err != nil {
			return err
		}
	}
	return nil
}

// WriteText writes the timeline as a table, dates at their own precision.
func (r *TimelineResult) WriteText(w io.Writer, width int) error {
	w = visible(w)
	if len(r.Entries) == 0 {
		fmt.Fprintln(w, "no dated items")
	} else {
		cols := []column{{head: "DATE"}, {head: "WHAT"}, {head: "KIND"}, {head: "ID"}, {head: "LABEL", weight: 1}}
		var sources [][]string
		for _, e := range r.Entries {
			sources = append(sources, e.Sources)
		}
		mixed := mixesSources(sources...)
		if mixed {
			cols = append(cols, column{head: "SOURCE"})
		}
		t := newTable(w, width, cols...)
		for _, e := range r.Entries {
			cells := []string{e.Date, e.What, e.Item.Kind, e.Item.ID, e.Item.Label}
			if mixed {
				cells = append(cells, sourceList(e.Sources))
			}
			t.row(cells...)
		}
		if err := t.flush(); err != nil {
			return err
		}
	}
	if r.Undated > 0 {
		fmt.Fprintf(w, "\n%s without a date not shown\n", plural(r.Undated, "item", "items"))
	}
	return nil
}

// WriteText writes the counts, the most central parties and the largest components.
func (r *StatsResult) WriteText(w io.Writer, width int) error {
	w = visible(w)
	fmt.Fprintf(w, "%d items, %d edges\n\n", r.Items, r.Edges)
	c := r.Counts
	t := newTable(w, width, column{head: "SECTION"}, column{head: "COUNT"}, column{head: "BY KIND", weight: 1})
	t.row("sources", strconv.Itoa(c.Sources))
	t.row("parties", strconv.Itoa(c.Parties), byKind(r.PartiesByKind))
	t.row("agreements", strconv.Itoa(c.Agreements), byKind(r.AgreementsByKind))
	t.row("events", strconv.Itoa(c.Events))
	t.row("obligations", strconv.Itoa(c.Obligations), byKind(r.ObligationsByStatus))
	t.row("claims", strconv.Itoa(c.Claims))
	t.row("counterclaims", strconv.Itoa(c.Counterclaims))
	t.row("relations", strconv.Itoa(c.Relations), byKind(r.RelationsByType))
	if err := t.flush(); err != nil {
		return err
	}
	if len(r.PerSource) > 0 {
		fmt.Fprintln(w)
		t = newTable(w, width, column{head: "SOURCE"}, column{head: "PARTIES"}, column{head: "AGREEMENTS"}, column{head: "EVENTS"},
			column{head: "OBLIGATIONS"}, column{head: "CLAIMS"}, column{head: "COUNTERCLAIMS"}, column{head: "RELATIONS"})
		for _, s := range r.PerSource {
			t.row(s.ID, strconv.Itoa(s.Parties), strconv.Itoa(s.Agreements), strconv.Itoa(s.Events),
				strconv.Itoa(s.Obligations), strconv.Itoa(s.Claims), strconv.Itoa(s.Counterclaims), strconv.Itoa(s.Relations))
		}
		if err := t.flush(); err != nil {
			return err
		}
	}
	if len(r.Central) > 0 {
		fmt.Fprintln(w, "\nmost central parties, ranked by PageRank on the alliance graph: parties and agreements,\nlinked by duties (not absent ones), relations, agreements' parties and memberships")
		t = newTable(w, width, column{head: "PARTY"}, column{head: "NAME"}, column{head: "KIND"}, column{head: "DEGREE"},
			column{head: "PAGERANK"}, column{head: "BETWEENNESS"})
		for _, p := range r.Central {
			b := "-"
			if p.Betweenness != nil {
				b = strconv.FormatFloat(*p.Betweenness, 'g', 4, 64)
			}
			t.row(p.ID, p.Name, p.Type, strconv.Itoa(p.Degree), strconv.FormatFloat(p.PageRank, 'g', 4, 64), b)
		}
		if err := t.flush(); err != nil {
			return err
		}
		if r.BetweennessSkipped != "" {
			fmt.Fprintln(w, "betweenness not computed: "+r.BetweennessSkipped)
		}
	}
	fmt.Fprintf(w, "\n%s\n", plural(r.ComponentCount, "connected component", "connected components"))
	if len(r.Components) > 0 {
		t = newTable(w, width, column{head: "ITEMS"}, column{head: "PARTIES", weight: 1})
		for _, cp := range r.Components {
			ps := strings.Join(cp.Parties, ", ")
			if cp.PartyCount > len(cp.Parties) {
				ps += fmt.Sprintf(" and %d more", cp.PartyCount-len(cp.Parties))
			}
			t.row(strconv.Itoa(cp.Items), ps)
		}
		return t.flush()
	}
	return nil
}

func byKind(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}
