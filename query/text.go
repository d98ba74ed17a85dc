package query

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// DefaultWidth is the terminal width text output wraps to when none is given.
const DefaultWidth = 100

// column is one column of a text table. A column with a weight wraps its cells to share,
// by weight, the room the other columns leave on the line.
type column struct {
	head   string
	weight int
}

// tableWriter writes aligned columns, wrapping long cells onto continuation lines. It
// holds the rows until flush, to size the wrapped columns to what is left of the width.
type tableWriter struct {
	w     io.Writer
	width int
	cols  []column
	rows  [][]string
}

func newTable(w io.Writer, width int, cols ...column) *tableWriter {
	if width <= 0 {
		width = DefaultWidth
	}
	return &tableWriter{w: w, width: width, cols: cols}
}

func (t *tableWriter) row(cells ...string) {
	r := make([]string, len(t.cols))
	copy(r, cells)
	t.rows = append(t.rows, r)
}

func (t *tableWriter) flush() error {
	const gap = 2
	natural := make([]int, len(t.cols))
	for i, c := range t.cols {
		natural[i] = utf8.RuneCountInString(c.head)
		for _, r := range t.rows {
			natural[i] = max(natural[i], utf8.RuneCountInString(r[i]))
		}
	}
	fixed, weights, want := gap*(len(t.cols)-1), 0, 0
	for i, c := range t.cols {
		if c.weight == 0 {
			fixed += natural[i]
		} else {
			weights += c.weight
			want += natural[i]
		}
	}
	wraps := make([]int, len(t.cols))
	room := t.width - fixed
	for i, c := range t.cols {
		switch {
		case c.weight == 0:
		case want <= room:
			wraps[i] = natural[i]
		default:
			wraps[i] = max(24, room*c.weight/weights)
		}
	}
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 0, gap, ' ', 0)
	heads := make([]string, len(t.cols))
	for i, c := range t.cols {
		heads[i] = c.head
	}
	fmt.Fprintln(tw, strings.Join(heads, "\t"))
	for _, r := range t.rows {
		lines := make([][]string, len(r))
		n := 1
		for i, c := range r {
			if wraps[i] > 0 {
				lines[i] = wrap(c, wraps[i])
			} else {
				lines[i] = []string{c}
			}
			n = max(n, len(lines[i]))
		}
		for k := 0; k < n; k++ {
			out := make([]string, len(r))
			for i := range r {
				if k < len(lines[i]) {
					out[i] = lines[i][k]
				}
			}
			fmt.Fprintln(tw, strings.Join(out, "\t"))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	// Every line has every cell so that columns align; the padding of empty last cells
	// is trimmed here.
	for _, l := range strings.SplitAfter(buf.String(), "\n") {
		if l == "" {
			continue
		}
		if _, err := io.WriteString(t.w, strings.TrimRight(l, " \n")+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// wrap breaks s into lines of at most width characters at spaces, breaking a word only
// when it is longer than a line.
func wrap(s string, width int) []string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return []string{""}
	}
	var lines []string
	cur := ""
	for _, w := range words {
		for utf8.RuneCountInString(w) > width {
			if cur != "" {
				lines = append(lines, cur)
				cur = ""
			}
			r := []rune(w)
			lines = append(lines, string(r[:width]))
			w = string(r[width:])
		}
		switch {
		case cur == "":
			cur = w
		case utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(w) <= width:
			cur += " " + w
		default:
			lines = append(lines, cur)
			cur = w
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// WriteJSON writes v as indented JSON followed by a newline.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func name(r Ref) string {
	if r.Name != "" {
		return r.Name
	}
	return r.ID
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// WriteText writes the obligations as aligned tables for a terminal of the given width.
// With Between set, the two directions come first side by side, then their balance.
func (r *ObligationsResult) WriteText(w io.Writer, width int) error {
	if len(r.Between) == 2 {
		if err := r.writeBetween(w, width); err != nil {
			return err
		}
	}
	if len(r.Obligations) == 0 {
		_, err := fmt.Fprintln(w, "no obligations match")
		return err
	}
	t := newTable(w, width, column{head: "ID"}, column{head: "BEARER → BENEFICIARY"}, column{head: "STATUS"},
		column{head: "DUTY", weight: 1}, column{head: "CONDITION", weight: 1}, column{head: "UNDER"})
	for _, o := range r.Obligations {
		under := ""
		if o.Under != nil {
			under = o.Under.ID
		}
		t.row(o.ID, o.Bearer.ID+" → "+o.Beneficiary.ID, o.Status, o.Duty, o.Condition, under)
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
	if width <= 0 {
		width = DefaultWidth
	}
	if len(r.Threads) == 0 {
		_, err := fmt.Fprintln(w, "no claims match")
		return err
	}
	for i, t := range r.Threads {
		if i > 0 {
			fmt.Fprintln(w)
		}
		writeClaim(w, t, "", "", width)
	}
	if r.Truncated {
		_, err := fmt.Fprintf(w, "\n%s not listed (raise --limit, or --limit 0 for all)\n", plural(r.Omitted, "more thread", "more threads"))
		return err
	}
	return nil
}

func writeClaim(w io.Writer, n ClaimNode, first, rest string, width int) {
	head := n.Kind + " " + n.ID + " · " + name(n.By)
	if n.Date != "" {
		head += " · " + n.Date
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
			writeClaim(w, c, rest+"└─ ", rest+"   ", width)
		} else {
			writeClaim(w, c, rest+"├─ ", rest+"│  ", width)
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
	if len(r.Entries) == 0 {
		fmt.Fprintln(w, "no dated items")
	} else {
		t := newTable(w, width, column{head: "DATE"}, column{head: "WHAT"}, column{head: "KIND"}, column{head: "ID"},
			column{head: "LABEL", weight: 1})
		for _, e := range r.Entries {
			t.row(e.Date, e.What, e.Item.Kind, e.Item.ID, e.Item.Label)
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

// GizmoResult holds what a Gizmo query returned, in the store's order.
type GizmoResult struct {
	Results []any `json:"results"`
}

// WriteText writes one result a line, as compact JSON.
func (r *GizmoResult) WriteText(w io.Writer, _ int) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, v := range r.Results {
		if err := enc.Encode(v); err != nil {
			return fmt.Errorf("write gizmo result: %w", err)
		}
	}
	return nil
}
