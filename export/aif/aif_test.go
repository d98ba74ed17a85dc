package aif_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/aif"
	"github.com/factgraph/factgraph/export/internal/exporttest"
	"github.com/factgraph/factgraph/export/internal/facttest"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/fixture"
	"github.com/factgraph/factgraph/internal/programtest"
)

func write(t testing.TB, g *export.Graph) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := aif.Write(&buf, g); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// read decodes a document strictly: an unknown key, or a list missing, fails.
func read(t testing.TB, b []byte) *aif.Document {
	t.Helper()
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b)
	}
	for _, k := range []string{"nodes", "edges", "locutions", "participants"} {
		if string(raw[k]) == "" || string(raw[k]) == "null" {
			t.Errorf("list %q missing; AIF readers want all four, [] when empty", k)
		}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var d aif.Document
	if err := dec.Decode(&d); err != nil {
		t.Fatal(err)
	}
	return &d
}

func TestGolden(t *testing.T) {
	exporttest.GoldenAll(t, ".aif.json", aif.Write, nil)
}

var schemaPath = exporttest.Schema("aif", "aif-json.schema.json")

// fixtures are the shared fixtures and the views of the small fact sample, whose claim is
// dated (the flagship's are not).
func fixtures(t *testing.T) []exporttest.Fixture {
	fs := exporttest.All(t)
	for _, v := range []string{export.ViewFull, export.ViewArguments, export.ViewStances} {
		g, err := export.BuildView(facttest.Sample(), export.ViewOptions{View: v})
		if err != nil {
			t.Fatal(err)
		}
		fs = append(fs, exporttest.Fixture{Name: "facts-sample-" + v, G: g})
	}
	return fs
}

// TestSchema validates every fixture against the JSON Schema written from AIFdb's published
// description, with the Go validator and with Python's jsonschema.
func TestSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	s, err := c.Compile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var files []string
	for _, f := range fixtures(t) {
		b := write(t, f.G)
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(v); err != nil {
			t.Errorf("%s breaks the AIF schema: %v", f.Name, err)
		}
		path := filepath.Join(dir, f.Name+".json")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	py := programtest.NeedPython(t, "jsonschema")
	const check = `
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
bad = 0
for p in sys.argv[2:]:
    for e in v.iter_errors(json.load(open(p, encoding="utf-8"))):
        print(p, e.json_path, e.message)
        bad += 1
sys.exit(1 if bad else 0)
`
	out, err := exec.Command(py, append([]string{"-c", check, schemaPath}, files...)...).CombinedOutput()
	if err != nil {
		t.Errorf("python jsonschema rejects the output: %v\n%s", err, out)
	}
}

// TestSchemaRejects makes sure the schema is not so loose that anything passes.
func TestSchemaRejects(t *testing.T) {
	s, err := jsonschema.NewCompiler().Compile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range []string{
		`{"nodes": []}`,
		`{"nodes": [{"nodeID": "1", "text": "x", "type": "X", "timestamp": ""}], "edges": []}`,
		`{"nodes": [{"nodeID": 1, "text": "x", "type": "I", "timestamp": ""}], "edges": []}`,
		`{"nodes": [{"nodeID": "1", "text": "x", "type": "I", "timestamp": "2019-06"}], "edges": []}`,
		`{"nodes": [{"nodeID": "1", "text": "x", "type": "I"}], "edges": []}`,
		`{"nodes": [], "edges": [{"edgeID": "1", "fromID": "1", "toID": "2"}]}`,
		`{"nodes": [], "edges": [], "locutions": [{"nodeID": "1"}]}`,
		`{"nodes": [], "edges": [], "participants": [{"participantID": "1", "name": "x"}]}`,
	} {
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
		if err != nil {
			t.Fatal(err)
		}
		if s.Validate(v) == nil {
			t.Errorf("schema accepts %s", doc)
		}
	}
}

// TestStructure checks what a schema cannot: ids are unique, every edge joins two nodes of
// the document, and the nodes are joined as AIF wants: L -> YA -> I, I -> RA -> I,
// I -> CA -> I, each locution on an L-node by a known participant.
func TestStructure(t *testing.T) {
	for _, f := range fixtures(t) {
		t.Run(f.Name, func(t *testing.T) {
			checkStructure(t, read(t, write(t, f.G)))
		})
	}
}

func checkStructure(t *testing.T, d *aif.Document) {
	t.Helper()
	typ := map[string]string{}
	for _, n := range d.Nodes {
		if _, dup := typ[n.NodeID]; dup {
			t.Errorf("node id %q twice", n.NodeID)
		}
		typ[n.NodeID] = n.Type
	}
	in, out := map[string][]string{}, map[string][]string{}
	edgeIDs := map[string]bool{}
	for _, e := range d.Edges {
		if edgeIDs[e.EdgeID] {
			t.Errorf("edge id %q twice", e.EdgeID)
		}
		edgeIDs[e.EdgeID] = true
		if typ[e.FromID] == "" || typ[e.ToID] == "" {
			t.Errorf("edge %q joins %q and %q, which are not both nodes", e.EdgeID, e.FromID, e.ToID)
		}
		out[e.FromID] = append(out[e.FromID], typ[e.ToID])
		in[e.ToID] = append(in[e.ToID], typ[e.FromID])
	}
	want := map[string][2][]string{ // type -> edges in, edges out (by the other end's type)
		aif.TypeL:  {nil, {aif.TypeYA}},
		aif.TypeYA: {{aif.TypeL}, {aif.TypeI}},
		aif.TypeRA: {{aif.TypeI}, {aif.TypeI}},
		aif.TypeCA: {{aif.TypeI}, {aif.TypeI}},
	}
	for _, n := range d.Nodes {
		if n.Type == aif.TypeI {
			for _, x := range append(append([]string(nil), in[n.NodeID]...), out[n.NodeID]...) {
				if x == aif.TypeI || x == aif.TypeL {
					t.Errorf("I-node %q is joined to a %s-node directly", n.NodeID, x)
				}
			}
			continue
		}
		w, ok := want[n.Type]
		if !ok {
			t.Errorf("node %q has type %q, which factgraph does not write", n.NodeID, n.Type)
			continue
		}
		if !reflect.DeepEqual(in[n.NodeID], w[0]) || !reflect.DeepEqual(out[n.NodeID], w[1]) {
			t.Errorf("%s-node %q has edges from %q and to %q, want from %q and to %q", n.Type, n.NodeID, in[n.NodeID], out[n.NodeID], w[0], w[1])
		}
	}
	people := map[string]bool{}
	for _, p := range d.Participants {
		people[p.ParticipantID] = true
	}
	locuted := map[string]bool{}
	for _, l := range d.Locutions {
		if typ[l.NodeID] != aif.TypeL {
			t.Errorf("locution on node %q, a %q-node", l.NodeID, typ[l.NodeID])
		}
		if !people[l.PersonID] {
			t.Errorf("locution %q by unknown participant %q", l.NodeID, l.PersonID)
		}
		locuted[l.NodeID] = true
	}
	for _, n := range d.Nodes {
		if n.Type == aif.TypeL && !locuted[n.NodeID] {
			t.Errorf("L-node %q has no locution", n.NodeID)
		}
	}
}

func countTypes(d *aif.Document) map[string]int {
	c := map[string]int{}
	for _, n := range d.Nodes {
		c[n.Type]++
	}
	return c
}

// TestAgainstTheFacts counts the nodes and edges of the flagship's argument from the facts
// themselves and compares them, and the texts, with what was written.
func TestAgainstTheFacts(t *testing.T) {
	g := fixture.Flagship(t)
	name := map[string]string{}
	for _, p := range g.Parties {
		name[p.ID] = p.Name
	}
	all := append(append([]graph.Claim(nil), g.Claims...), g.Counterclaims...)
	var iTexts, lTexts []string
	locutions, counters, supports := 0, 0, 0
	speakers := map[string]bool{}
	for _, c := range all {
		iTexts = append(iTexts, c.Says)
		said := c.Quotes
		if len(said) == 0 {
			said = []string{c.Says}
		}
		for _, q := range said {
			lTexts = append(lTexts, name[c.By]+": "+q)
		}
		locutions += len(said)
		counters += len(c.Counters)
		supports += len(c.Supports)
		speakers[c.By] = true
	}
	says := map[string]string{}
	for _, c := range all {
		says[c.ID] = c.Says
	}
	var relations []string // "CA: attacker -> target", "RA: premise -> conclusion", by text
	for _, c := range all {
		for _, x := range c.Counters {
			relations = append(relations, aif.TypeCA+": "+c.Says+" -> "+says[x])
		}
		for _, x := range c.Supports {
			relations = append(relations, aif.TypeRA+": "+c.Says+" -> "+says[x])
		}
	}
	sort.Strings(relations)
	if counters == 0 || supports == 0 || locutions == len(all) {
		t.Fatalf("the flagship should have counters (%d), supports (%d) and claims with several quotes", counters, supports)
	}
	for _, view := range []string{export.ViewArguments, export.ViewFull} {
		t.Run(view, func(t *testing.T) {
			v, err := export.BuildView(g, export.ViewOptions{View: view})
			if err != nil {
				t.Fatal(err)
			}
			d := read(t, write(t, v))
			want := map[string]int{aif.TypeI: len(all), aif.TypeL: locutions, aif.TypeYA: locutions, aif.TypeCA: counters, aif.TypeRA: supports}
			if got := countTypes(d); !reflect.DeepEqual(got, want) {
				t.Errorf("nodes by type = %v, want %v", got, want)
			}
			if got, want := len(d.Edges), 2*(locutions+counters+supports); got != want {
				t.Errorf("%d edges, want %d", got, want)
			}
			if got, want := len(d.Locutions), locutions; got != want {
				t.Errorf("%d locutions, want %d", got, want)
			}
			if got, want := len(d.Participants), len(speakers); got != want {
				t.Errorf("%d participants, want %d", got, want)
			}
			for _, p := range d.Participants {
				if n := strings.TrimSpace(p.Firstname + " " + p.Surname); !nameOf(name, n) {
					t.Errorf("participant %q %q is no party's name", p.Firstname, p.Surname)
				}
			}
			compareTexts(t, d, aif.TypeI, iTexts)
			compareTexts(t, d, aif.TypeL, lTexts)
			if got := relationTexts(d); !reflect.DeepEqual(got, relations) {
				t.Errorf("relations differ from the facts:\n got %q\nwant %q", got, relations)
			}
			checkStructure(t, d)
		})
	}
	t.Run("stances", func(t *testing.T) {
		v, err := export.BuildView(g, export.ViewOptions{View: export.ViewStances})
		if err != nil {
			t.Fatal(err)
		}
		ends := map[string]bool{}
		var ca, ra int
		for _, e := range v.Edges {
			ends[e.From], ends[e.To] = true, true
			if e.Kind == export.RoleCounters {
				ca++
			} else {
				ra++
			}
		}
		d := read(t, write(t, v))
		want := map[string]int{aif.TypeI: len(ends), aif.TypeCA: ca, aif.TypeRA: ra}
		if got := countTypes(d); !reflect.DeepEqual(got, want) || ca == 0 || ra == 0 {
			t.Errorf("nodes by type = %v, want %v", got, want)
		}
	})
}

// relationTexts reads each RA- and CA-node as "TYPE: from text -> to text", sorted.
func relationTexts(d *aif.Document) []string {
	node := map[string]aif.Node{}
	for _, n := range d.Nodes {
		node[n.NodeID] = n
	}
	from, to := map[string]string{}, map[string]string{}
	for _, e := range d.Edges {
		if t := node[e.ToID].Type; t == aif.TypeCA || t == aif.TypeRA {
			from[e.ToID] = node[e.FromID].Text
		}
		if t := node[e.FromID].Type; t == aif.TypeCA || t == aif.TypeRA {
			to[e.FromID] = node[e.ToID].Text
		}
	}
	var out []string
	for _, n := range d.Nodes {
		if n.Type == aif.TypeCA || n.Type == aif.TypeRA {
			out = append(out, n.Type+": "+from[n.NodeID]+" -> "+to[n.NodeID])
		}
	}
	sort.Strings(out)
	return out
}

func nameOf(names map[string]string, n string) bool {
	for _, x := range names {
		if x == n {
			return true
		}
	}
	return false
}

func compareTexts(t *testing.T, d *aif.Document, typ string, want []string) {
	t.Helper()
	var got []string
	for _, n := range d.Nodes {
		if n.Type == typ {
			got = append(got, n.Text)
		}
	}
	sort.Strings(got)
	want = append([]string(nil), want...)
	sort.Strings(want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s-node texts differ:\n got %q\nwant %q", typ, got, want)
	}
}

// TestHostileText reads back, through encoding/json, every hostile text the shared hostile
// facts put in what claims say and quote and in the names of who says them.
func TestHostileText(t *testing.T) {
	g := facttest.Hostile()
	v, err := export.BuildView(g, export.ViewOptions{View: export.ViewArguments})
	if err != nil {
		t.Fatal(err)
	}
	name := map[string]string{}
	for _, p := range g.Parties {
		name[p.ID] = p.Name
	}
	var iTexts, lTexts []string
	for _, c := range g.Claims {
		iTexts = append(iTexts, c.Says)
		for _, q := range c.Quotes {
			lTexts = append(lTexts, name[c.By]+": "+q)
		}
	}
	d := read(t, write(t, v))
	compareTexts(t, d, aif.TypeI, iTexts)
	compareTexts(t, d, aif.TypeL, lTexts)
	for _, p := range d.Participants {
		if !nameOf(name, p.Firstname+" "+p.Surname) && !nameOf(name, p.Firstname) {
			t.Errorf("participant %q %q: no party has that name", p.Firstname, p.Surname)
		}
	}
}

func TestTimestamp(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"1951", "1951-01-01 00:00:00"},
		{"2019-06", "2019-06-01 00:00:00"},
		{"1960-01-19", "1960-01-19 00:00:00"},
	} {
		var d graph.Date
		if tc.in != "" {
			d = graph.MustDate(tc.in)
		}
		if got := aif.Timestamp(d); got != tc.want {
			t.Errorf("Timestamp(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func ExampleWrite() {
	g := &export.Graph{
		Nodes: []export.Node{
			{ID: "bases", Label: "Japan hosts the bases.", Kind: "counterclaim", Quotes: []string{"Japan hosts US bases"}, Sources: []string{"article"}},
			{ID: "trump", Label: "Donald Trump", Kind: "party"},
			{ID: "unfair", Label: "The treaty is unfair.", Kind: "claim", Date: graph.MustDate("2019-06")},
		},
		Edges: []export.Edge{
			{ID: "bases:counters:unfair", From: "bases", To: "unfair", Kind: export.RoleCounters},
			{ID: "unfair:by:trump", From: "unfair", To: "trump", Kind: export.RoleBy},
		},
	}
	if err := aif.Write(os.Stdout, g); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {
	//   "nodes": [
	//     {"nodeID":"1","text":"Japan hosts the bases.","type":"I","timestamp":""},
	//     {"nodeID":"2","text":"The treaty is unfair.","type":"I","timestamp":"2019-06-01 00:00:00"},
	//     {"nodeID":"3","text":"Donald Trump: The treaty is unfair.","type":"L","timestamp":"2019-06-01 00:00:00"},
	//     {"nodeID":"4","text":"Asserting","type":"YA","timestamp":"2019-06-01 00:00:00"},
	//     {"nodeID":"5","text":"Default Conflict","type":"CA","timestamp":""}
	//   ],
	//   "edges": [
	//     {"edgeID":"1","fromID":"3","toID":"4","formEdgeID":null},
	//     {"edgeID":"2","fromID":"4","toID":"2","formEdgeID":null},
	//     {"edgeID":"3","fromID":"1","toID":"5","formEdgeID":null},
	//     {"edgeID":"4","fromID":"5","toID":"2","formEdgeID":null}
	//   ],
	//   "locutions": [
	//     {"nodeID":"3","personID":"1","timestamp":"2019-06-01 00:00:00","source":""}
	//   ],
	//   "participants": [
	//     {"participantID":"1","firstname":"Donald","surname":"Trump"}
	//   ]
	// }
}
