package argdown_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/argdown"
	"github.com/factgraph/factgraph/export/internal/exporttest"
	"github.com/factgraph/factgraph/export/internal/facttest"
	"github.com/factgraph/factgraph/export/internal/xmltext"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/fixture"
	"github.com/factgraph/factgraph/internal/programtest"
)

func write(t testing.TB, g *export.Graph) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := argdown.Write(&buf, g); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	exporttest.GoldenAll(t, ".argdown", argdown.Write, nil)
}

// hostileTexts are texts Argdown reads as syntax: every kind of reference, tag, data,
// emphasis and comment, escapes, line breaks, white space Argdown trims, and braces in
// quotes, which end inline data.
var hostileTexts = []string{
	`[title]: text`,
	`[a] and <b> and @[c] and @<d>`,
	`#tag #(two words) # alone`,
	`{data: 1} } { {}`,
	`*emphasis* **strong** _under_ __line__`,
	`a // comment and /* block */ and http://example.com/x`,
	`back\slash \[ \\ and trailing \`,
	"`code` and ``more``",
	`"double" 'single' “curly” «guillemets»`,
	"line one\nline two\r\nline three\rend",
	"\ttab first, tab\tinside, tab last\t",
	"\u00a0no-break space and line separator\u2028at the ends\u00a0",
	"control \x01 nul \x00 escape \x1b del \x7f end",
	`- minus + plus -> +> <- <+ >< _> <_ at the start`,
	`=== front matter? ===`,
	`a: b, c; d! e? f% g& h= i~ j^ k| l$`,
	"emoji 🇯🇵🤝🇺🇸, 日本国, Договор, معاهدة",
	"} ] #",
	"   ",
	"",
}

// hostileGraph is an argument among hostile texts, with ids no fact may have (they are
// written as hex titles), a self-support, and a statement with neither text nor speaker.
func hostileGraph() *export.Graph {
	g := &export.Graph{Name: `hostile "graph" <&> {} ] #`}
	ids := []string{"claim one", "x]y", "日本", "[t]: x", "a-b"}
	speakers := []string{"Speaker (one)", "sp]eaker", "sp-2"}
	for i, s := range speakers {
		g.Nodes = append(g.Nodes, export.Node{ID: s, Label: hostileTexts[i], Kind: graph.KindParty})
	}
	for i, text := range hostileTexts {
		id := fmt.Sprintf("c%02d", i)
		if i < len(ids) {
			id = ids[i]
		}
		n := export.Node{ID: id, Label: text, Kind: graph.KindClaim, Quotes: []string{text, hostileTexts[(i+1)%len(hostileTexts)]}, Sources: []string{"src", text}}
		if i%4 == 1 {
			n.Date = graph.MustDate("2019-06")
		}
		if i == len(hostileTexts)-1 {
			n.Quotes, n.Sources = nil, nil
		}
		g.Nodes = append(g.Nodes, n)
		if i != len(hostileTexts)-1 {
			g.Edges = append(g.Edges, export.Edge{ID: id + ":by", From: id, To: speakers[i%len(speakers)], Kind: export.RoleBy})
		}
		if i > 0 {
			kind := export.RoleCounters
			if i%2 == 0 {
				kind = export.RoleSupports
			}
			prev := g.Nodes[len(g.Nodes)-2].ID
			g.Edges = append(g.Edges, export.Edge{ID: id + ":" + kind, From: id, To: prev, Kind: kind})
		}
	}
	g.Edges = append(g.Edges, export.Edge{ID: "self", From: "a-b", To: "a-b", Kind: export.RoleSupports})
	sort.Slice(g.Nodes, func(i, j int) bool { return g.Nodes[i].ID < g.Nodes[j].ID })
	export.SortEdges(g.Edges)
	return g
}

// fixtures are the graphs the Argdown tool reads: the shared fixtures and the hostile
// argument.
func fixtures(t *testing.T) []exporttest.Fixture {
	return append(exporttest.All(t), exporttest.Fixture{Name: "hostile-argument", G: hostileGraph()})
}

// argdownCLI is the Argdown command-line tool installed from export/testdata/argdown.
func argdownCLI(t *testing.T) (node, cli string) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		programtest.Missing(t, "node not found: apt-get install nodejs npm")
	}
	cli = filepath.Join(exporttest.Dir(), "argdown", "node_modules", "@argdown", "cli", "dist", "cli.js")
	if _, err := os.Stat(cli); err != nil {
		programtest.Missing(t, "the Argdown CLI is not installed: run npm ci in %s", filepath.Join(exporttest.Dir(), "argdown"))
	}
	return node, cli
}

// runAll writes each document into one folder as NAME.argdown and runs one argdown command
// on all of them, so that node starts once rather than once a file. It returns the folder
// the tool wrote to and what it printed.
func runAll(t *testing.T, docs map[string][]byte, command string, args ...string) (out, msg string) {
	t.Helper()
	node, cli := argdownCLI(t)
	dir := t.TempDir()
	for name, doc := range docs {
		if err := os.WriteFile(filepath.Join(dir, name+".argdown"), doc, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out = filepath.Join(dir, "out")
	cmd := exec.Command(node, append(append([]string{cli, command}, args...), filepath.Join(dir, "*.argdown"), out)...)
	b, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("argdown %s: %v\n%s", command, err, b)
	}
	return out, string(b)
}

// problems fails the test when the tool's words name the document: a syntax error, an
// error drawing it.
func problems(t *testing.T, msg, name string, doc []byte) {
	t.Helper()
	if strings.Contains(msg, "/"+name+".argdown") {
		t.Fatalf("argdown reports a problem with %s:\n%s\n--- document\n%s", name, msg, doc)
	}
}

// parsed is what "argdown json" reports, the parts the test reads.
type parsed struct {
	Statements map[string]struct {
		Members []struct {
			IsTopLevel bool           `json:"isTopLevel"`
			Text       *string        `json:"text"`
			Tags       []string       `json:"tags"`
			Data       map[string]any `json:"data"`
		} `json:"members"`
	} `json:"statements"`
	Arguments map[string]any `json:"arguments"`
	Relations []struct {
		RelationType string `json:"relationType"`
		From         string `json:"from"`
		To           string `json:"to"`
	} `json:"relations"`
}

// expected is what the tool should read from g.
type statement struct {
	text string
	tags []string
	data map[string]any
}

func expected(g *export.Graph) (map[string]statement, []string) {
	m := export.Arguments(g)
	out := map[string]statement{}
	for _, s := range m.Statements {
		n := s.Node
		st := statement{text: strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ").Replace(xmltext.Clean(n.Label)), data: map[string]any{}}
		if s.Speaker != nil {
			st.tags = []string{argdown.Title(s.Speaker.ID)}
		}
		if d := n.Date.String(); d != "" {
			st.data["date"] = d
		}
		list := func(ss []string) []any {
			var out []any
			for _, s := range ss {
				out = append(out, s)
			}
			return out
		}
		if len(n.Quotes) > 0 {
			st.data["quote"] = list(n.Quotes)
		}
		if len(n.Sources) > 0 {
			st.data["source"] = list(n.Sources)
		}
		out[argdown.Title(n.ID)] = st
	}
	var rels []string
	for _, r := range m.Relations {
		kind := "support"
		if r.Edge.Kind == export.RoleCounters {
			kind = "attack"
		}
		rels = append(rels, kind+" "+argdown.Title(m.Statements[r.From].Node.ID)+" -> "+argdown.Title(m.Statements[r.To].Node.ID))
	}
	sort.Strings(rels)
	return out, rels
}

// TestArgdownJSON has the Argdown tool parse every fixture and checks that it reads our
// statements, their texts, speakers and data, and exactly our attacks and supports.
func TestArgdownJSON(t *testing.T) {
	fs := fixtures(t)
	docs := map[string][]byte{}
	for _, f := range fs {
		docs[f.Name] = write(t, f.G)
	}
	out, msg := runAll(t, docs, "json")
	for _, f := range fs {
		t.Run(f.Name, func(t *testing.T) {
			problems(t, msg, f.Name, docs[f.Name])
			b, err := os.ReadFile(filepath.Join(out, f.Name+".json"))
			if err != nil {
				t.Fatalf("argdown json wrote nothing for %s: %v\n%s", f.Name, err, msg)
			}
			var p parsed
			if err := json.Unmarshal(b, &p); err != nil {
				t.Fatal(err)
			}
			want, wantRels := expected(f.G)
			if len(p.Arguments) > 0 {
				t.Errorf("argdown read arguments %v; we write none", p.Arguments)
			}
			for title := range p.Statements {
				if _, ok := want[title]; !ok {
					t.Errorf("argdown read a statement %q we did not write", title)
				}
			}
			for title, w := range want {
				st, ok := p.Statements[title]
				if !ok {
					t.Errorf("statement %q not read", title)
					continue
				}
				var top []int
				for i, m := range st.Members {
					if m.IsTopLevel {
						top = append(top, i)
					}
				}
				if len(top) != 1 {
					t.Errorf("statement %q defined %d times", title, len(top))
					continue
				}
				m := st.Members[top[0]]
				text := ""
				if m.Text != nil {
					text = *m.Text
				}
				if want := written(w); text != want {
					t.Errorf("statement %q: argdown read the text %q, want %q", title, text, want)
				}
				if !reflect.DeepEqual(m.Tags, w.tags) {
					t.Errorf("statement %q: tags %q, want %q", title, m.Tags, w.tags)
				}
				if len(m.Data) > 0 || len(w.data) > 0 {
					if !reflect.DeepEqual(m.Data, w.data) {
						t.Errorf("statement %q: data %#v, want %#v", title, m.Data, w.data)
					}
				}
			}
			var rels []string
			for _, r := range p.Relations {
				rels = append(rels, r.RelationType+" "+r.From+" -> "+r.To)
			}
			sort.Strings(rels)
			if !reflect.DeepEqual(rels, wantRels) {
				t.Errorf("relations:\n got %q\nwant %q", rels, wantRels)
			}
		})
	}
}

// written is the text Argdown reads for a statement: what Write puts after "[title]: ",
// the text and the speaker's tag, and the space before the data when there is some.
func written(w statement) string {
	var parts []string
	if w.text != "" {
		parts = append(parts, w.text)
	}
	for _, tag := range w.tags {
		parts = append(parts, "#("+tag+")")
	}
	text := strings.Join(parts, " ")
	if text != "" && len(w.data) > 0 {
		text += " "
	}
	return text
}

var svgNode = regexp.MustCompile(`<g id="node\d+" class="node">`)
var svgEdge = regexp.MustCompile(`<g id="edge\d+" class="edge">`)

// TestArgdownMap has the Argdown tool draw the flagship's argument and stances, and the
// hostile argument: one box per statement that has a relation (what argdown map draws by
// default), one arrow per relation.
func TestArgdownMap(t *testing.T) {
	g := fixture.Flagship(t)
	var fs []exporttest.Fixture
	for _, v := range []string{export.ViewArguments, export.ViewStances} {
		eg, err := export.BuildView(g, export.ViewOptions{View: v})
		if err != nil {
			t.Fatal(err)
		}
		fs = append(fs, exporttest.Fixture{Name: "flagship-" + v, G: eg})
	}
	fs = append(fs, exporttest.Fixture{Name: "hostile-argument", G: hostileGraph()})
	docs := map[string][]byte{}
	for _, f := range fs {
		docs[f.Name] = write(t, f.G)
	}
	out, msg := runAll(t, docs, "map", "--format", "svg")
	for _, f := range fs {
		t.Run(f.Name, func(t *testing.T) {
			problems(t, msg, f.Name, docs[f.Name])
			svg, err := os.ReadFile(filepath.Join(out, f.Name+".svg"))
			if err != nil {
				t.Fatalf("argdown map drew nothing for %s: %v\n%s", f.Name, err, msg)
			}
			m := export.Arguments(f.G)
			related := map[int]bool{}
			for _, r := range m.Relations {
				related[r.From], related[r.To] = true, true
			}
			if got := len(svgNode.FindAll(svg, -1)); got != len(related) || got == 0 {
				t.Errorf("the map has %d boxes, want %d", got, len(related))
			}
			if got := len(svgEdge.FindAll(svg, -1)); got != len(m.Relations) {
				t.Errorf("the map has %d arrows, want %d", got, len(m.Relations))
			}
		})
	}
}

func TestText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain text, with: punctuation!", "plain text, with: punctuation!"},
		{"[a] #b <c> {d} @e *f* _g_ /h/ `i` \\j ===", `\[a\] \#b \<c\> \{d\} \@e \*f\* \_g\_ \/h\/ ` + "\\`i\\`" + ` \\j \=\=\=`},
		{"two\nlines\r\nand\rmore", "two lines and more"},
		{"  spaced  out  ", `\ \ spaced  out\ \ `},
		{"", ""},
	} {
		if got := argdown.Text(tc.in); got != tc.want {
			t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTitle(t *testing.T) {
	seen := map[string]string{}
	for _, id := range append([]string{"trump-treaty-unfair", "a", "x-41", "A", "x_41", "a b", "日本", "[x]"}, facttest.HostileIDs...) {
		title := argdown.Title(id)
		if !regexp.MustCompile(`^[a-z0-9_-]+$`).MatchString(title) {
			t.Errorf("Title(%q) = %q", id, title)
		}
		if other, dup := seen[title]; dup {
			t.Errorf("Title(%q) = Title(%q) = %q", id, other, title)
		}
		seen[title] = id
	}
}

func ExampleWrite() {
	g := &export.Graph{
		Name: "example",
		Nodes: []export.Node{
			{ID: "bases", Label: "Japan hosts the bases [and pays].", Kind: "counterclaim", Quotes: []string{"Japan hosts US bases"}},
			{ID: "trump", Label: "Donald Trump", Kind: "party"},
			{ID: "unfair", Label: "The treaty is unfair.", Kind: "claim", Date: graph.MustDate("2019-06")},
		},
		Edges: []export.Edge{
			{ID: "bases:counters:unfair", From: "bases", To: "unfair", Kind: export.RoleCounters},
			{ID: "unfair:by:trump", From: "unfair", To: "trump", Kind: export.RoleBy},
		},
	}
	if err := argdown.Write(os.Stdout, g); err != nil {
		fmt.Println(err)
	}
	// Output:
	// ===
	// title: "example"
	// ===
	//
	// [bases]: Japan hosts the bases \[and pays\]. {quote: ["Japan hosts US bases"]}
	//
	// [unfair]: The treaty is unfair. #(trump) {date: "2019-06"}
	//     - [bases]
}
