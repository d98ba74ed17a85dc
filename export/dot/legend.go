package dot

import (
	"sort"
	"strconv"
	"strings"

	"github.com/factgraph/factgraph/export"
)

// legend collects what a drawing shows, so that its legend explains every colour and line
// style in it and nothing else.
type legend struct {
	kinds     map[string]bool            // node kinds drawn
	contested bool                       // a contested claim drawn
	group     bool                       // a group drawn
	looks     map[string]export.EdgeLook // edge looks drawn, by meaning
}

func newLegend() legend {
	return legend{kinds: map[string]bool{}, looks: map[string]export.EdgeLook{}}
}

func (l *legend) node(n *export.Node) {
	l.kinds[n.Kind] = true
	if n.Contested {
		l.contested = true
	}
}

func (l *legend) edge(look export.EdgeLook) { l.looks[look.Meaning] = look }

// lookOrder is the order of edge looks in a legend: arguments, then duties, then the rest.
var lookOrder = func() map[string]int {
	order := map[string]int{}
	for i, e := range []export.Edge{
		{Kind: export.RoleCounters}, {Kind: export.RoleSupports},
		{Kind: export.EdgeObligation, Status: "in-force"}, {Kind: export.EdgeObligation, Status: "absent"},
		{Kind: export.EdgeObligation, Status: "demanded"}, {Kind: export.EdgeObligation, Status: "disputed"},
		{Kind: export.EdgeClaim}, {Kind: export.EdgeCounterclaim},
		{Kind: "relation"}, {Kind: export.RoleAbout},
	} {
		order[export.EdgeLookOf(&e).Meaning] = i + 1
	}
	return order
}()

// writeLegend draws a sample of each node kind, mark, group and edge look the graph holds,
// as one node whose label is a table, so that the legend takes little room wherever the
// layout puts it. Its id contains a colon, which no fact id can.
func (w *Writer) writeLegend() {
	l := &w.legend
	var kinds []string
	for _, k := range export.NodeKinds {
		if l.kinds[k] {
			kinds = append(kinds, k)
		}
	}
	looks := make([]export.EdgeLook, 0, len(l.looks))
	for _, look := range l.looks {
		looks = append(looks, look)
	}
	sort.Slice(looks, func(i, j int) bool {
		a, b := lookOrder[looks[i].Meaning], lookOrder[looks[j].Meaning]
		if a != b {
			return a < b
		}
		return looks[i].Meaning < looks[j].Meaning
	})
	if len(kinds) == 0 && len(looks) == 0 {
		return
	}
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="1" COLOR="#999999" STYLE="rounded" CELLBORDER="0" CELLSPACING="3" CELLPADDING="2">`)
	b.WriteString(`<TR><TD COLSPAN="2"><B>Legend</B></TD></TR>`)
	row := func(sample, meaning string) {
		b.WriteString(`<TR><TD>` + sample + `</TD><TD ALIGN="LEFT" BALIGN="LEFT">` + htmlText(meaning) + `</TD></TR>`)
	}
	for _, k := range kinds {
		st := export.NodeStyle(k)
		row(`<TABLE BORDER="1" CELLBORDER="0" CELLPADDING="3" STYLE="rounded" BGCOLOR="`+st.Color.Hex()+`"><TR><TD WIDTH="40">`+htmlText(k)+`</TD></TR></TABLE>`, kindMeaning[k])
	}
	if l.contested {
		row(`<TABLE BORDER="1" CELLBORDER="0" CELLPADDING="1" STYLE="rounded"><TR><TD><TABLE BORDER="1" CELLBORDER="0" CELLPADDING="2" STYLE="rounded"><TR><TD WIDTH="36"> </TD></TR></TABLE></TD></TR></TABLE>`,
			"contested: a counterclaim\ncounters it")
	}
	if l.group {
		row(`<TABLE BORDER="1" COLOR="`+export.ColorGroup.Hex()+`" CELLBORDER="0" CELLPADDING="3" STYLE="rounded"><TR><TD WIDTH="40">Name</TD></TR></TABLE>`,
			"what the speaker\nof that name says")
	}
	for _, look := range looks {
		row(line(look), look.Meaning)
	}
	b.WriteString(`</TABLE>`)
	w.str("\t\"legend:\" [id=\"legend\", shape=\"plaintext\", style=\"\", fontsize=\"10\", label=<" + b.String() + ">];\n")
}

// kindMeaning says what a node of each kind is, in a legend.
var kindMeaning = map[string]string{
	"party":        "a state, person, group\nor organization",
	"agreement":    "a treaty or other\ninstrument",
	"event":        "a dated happening",
	"obligation":   "a duty one party\nowes another",
	"claim":        "what a speaker asserts",
	"counterclaim": "an assertion that\nrebuts another",
}

// line draws an edge look as a row of table cells: one cell for a solid line, dashes
// for a dashed one.
func line(look export.EdgeLook) string {
	h := strconv.Itoa(max(1, int(look.Width+0.5)))
	hex := look.Color.Hex()
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>`)
	if look.Dashed {
		for i := 0; i < 4; i++ {
			b.WriteString(`<TD BGCOLOR="` + hex + `" WIDTH="7" HEIGHT="` + h + `" FIXEDSIZE="TRUE"></TD><TD WIDTH="4" HEIGHT="` + h + `" FIXEDSIZE="TRUE"></TD>`)
		}
	} else {
		b.WriteString(`<TD BGCOLOR="` + hex + `" WIDTH="44" HEIGHT="` + h + `" FIXEDSIZE="TRUE"></TD>`)
	}
	b.WriteString(`</TR></TABLE>`)
	return b.String()
}

// htmlText writes text for an HTML-like label: markup characters escaped, each line break a
// left-aligned break.
func htmlText(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\"", "&quot;", "\n", `<BR/>`)
	return r.Replace(s)
}

// Attr is one Graphviz graph attribute.
type Attr struct{ Name, Value string }

// Layout returns the graph attributes with which a graph of the view is drawn, as d asks
// (left to right unless it says otherwise).
func Layout(view string, d export.Drawing) []Attr {
	dir := d.Direction
	if dir == "" {
		dir = "LR"
	}
	attrs := []Attr{{"rankdir", dir}}
	if d.Ratio != 0 {
		attrs = append(attrs, Attr{"ratio", strconv.FormatFloat(d.Ratio, 'g', -1, 64)})
	}
	if !d.Columns && view != export.ViewParties {
		// newrank: a speaker's box spans the ranks its claims need, as a band across
		// the picture, rather than a column of its own.
		attrs = append(attrs, Attr{"newrank", "true"})
	}
	switch view {
	case export.ViewArguments:
		return append(attrs, Attr{"nodesep", "0.15"}, Attr{"ranksep", "0.4"})
	case export.ViewParties:
		return append(attrs, Attr{"nodesep", "0.25"}, Attr{"ranksep", "0.5"})
	}
	return append(attrs, Attr{"nodesep", "0.15"}, Attr{"ranksep", "0.3"})
}
