package ingest

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/graph"
)

const head = "factgraph: 1\nsource: {id: src, title: Source}\n"

const twoParties = head + `parties:
  - {id: japan, name: Japan, kind: state}
  - {id: usa, name: United States, kind: state}
`

// TestParse checks what accepted files turn into.
func TestParse(t *testing.T) {
	tests := []struct {
		name  string
		yaml  string
		check func(t *testing.T, f *graph.Facts)
	}{
		{"year as YAML int", head + "events:\n  - {id: e, name: E, date: 1951}\n", func(t *testing.T, f *graph.Facts) {
			wantDate(t, f.Events[0].Date, graph.Date{Year: 1951, Precision: graph.Year})
		}},
		{"year as string", head + "events:\n  - {id: e, name: E, date: \"1951\"}\n", func(t *testing.T, f *graph.Facts) {
			wantDate(t, f.Events[0].Date, graph.Date{Year: 1951, Precision: graph.Year})
		}},
		{"day as YAML timestamp", head + "events:\n  - {id: e, name: E, date: 1951-09-08}\n", func(t *testing.T, f *graph.Facts) {
			wantDate(t, f.Events[0].Date, graph.Date{Year: 1951, Month: 9, Day: 8, Precision: graph.Day})
		}},
		{"month", head + "events:\n  - {id: e, name: E, date: 1951-09}\n", func(t *testing.T, f *graph.Facts) {
			wantDate(t, f.Events[0].Date, graph.Date{Year: 1951, Month: 9, Precision: graph.Month})
		}},
		{"leap day", head + "events:\n  - {id: e, name: E, date: 2024-02-29}\n", func(t *testing.T, f *graph.Facts) {
			wantDate(t, f.Events[0].Date, graph.Date{Year: 2024, Month: 2, Day: 29, Precision: graph.Day})
		}},
		{"defaults", twoParties + "agreements:\n  - {id: t, name: T, parties: [japan]}\nobligations:\n  - {id: o, bearer: usa, beneficiary: japan, duty: defend}\n", func(t *testing.T, f *graph.Facts) {
			if f.Agreements[0].Kind != "treaty" || f.Obligations[0].Status != "in-force" {
				t.Errorf("kind %q, status %q; want treaty, in-force", f.Agreements[0].Kind, f.Obligations[0].Status)
			}
		}},
		{"text kept as written", head + "parties:\n  - {id: p, name: 1951, kind: group, role: yes, description: 0x10}\n", func(t *testing.T, f *graph.Facts) {
			p := f.Parties[0]
			if p.Name != "1951" || p.Role != "yes" || p.Description != "0x10" {
				t.Errorf("got %q, %q, %q; want the literal text", p.Name, p.Role, p.Description)
			}
		}},
		{"quote as one string", head + "parties:\n  - {id: p, name: P, kind: group, quote: words}\n", func(t *testing.T, f *graph.Facts) {
			wantStrings(t, f.Parties[0].Quotes, "words")
		}},
		{"claims and counterclaims", twoParties + "claims:\n  - {id: c, by: usa, says: S}\ncounterclaims:\n  - {id: cc, by: japan, says: T, counters: [c]}\n  - {id: ccc, by: usa, says: U, counters: [cc, c], supports: [c]}\n", func(t *testing.T, f *graph.Facts) {
			if f.Claims[0].Kind != graph.KindClaim || f.Counterclaims[0].Kind != graph.KindCounterclaim {
				t.Errorf("kinds %q, %q", f.Claims[0].Kind, f.Counterclaims[0].Kind)
			}
			wantStrings(t, f.Counterclaims[1].Counters, "cc", "c")
		}},
		{"repeated relation merges", twoParties + `relations:
  - {from: japan, type: allied-with, to: usa, quote: [a, b]}
  - {from: usa, type: allied-with, to: japan}
  - {from: japan, type: allied-with, to: usa, quote: [b, c], since: 1960, note: n}
`, func(t *testing.T, f *graph.Facts) {
			if len(f.Relations) != 2 {
				t.Fatalf("%d relations; want 2", len(f.Relations))
			}
			r := f.Relations[0]
			wantStrings(t, r.Quotes, "a", "b", "c")
			if r.Since.String() != "1960" || r.Note != "n" {
				t.Errorf("since %v, note %q; want the second's, which the first left empty", r.Since, r.Note)
			}
		}},
		{"anchors and merge keys", head + `parties:
  - &state {id: japan, name: Japan, kind: state, note: shared}
  - <<: *state
    id: usa
    name: United States
`, func(t *testing.T, f *graph.Facts) {
			if len(f.Parties) != 2 || f.Parties[1].ID != "usa" || f.Parties[1].Kind != "state" || f.Parties[1].Note != "shared" {
				t.Errorf("parties %+v", f.Parties)
			}
		}},
		{"repeated ids in a list count once", twoParties + "agreements:\n  - {id: t, name: T, parties: [japan, usa, japan]}\n", func(t *testing.T, f *graph.Facts) {
			wantStrings(t, f.Agreements[0].Parties, "japan", "usa")
		}},
		{"empty optional values", head + "parties:\n  - id: p\n    name: P\n    kind: group\n    note:\n    aliases: ~\n", func(t *testing.T, f *graph.Facts) {
			if f.Parties[0].Note != "" || f.Parties[0].Aliases != nil {
				t.Errorf("got %+v", f.Parties[0])
			}
		}},
		{"BOM and CRLF", "\ufeff" + strings.ReplaceAll(twoParties, "\n", "\r\n"), func(t *testing.T, f *graph.Facts) {
			if len(f.Parties) != 2 || f.Parties[1].Name != "United States" {
				t.Errorf("parties %+v", f.Parties)
			}
		}},
		{"unknown references are left to Load", head + "claims:\n  - {id: c, by: someone-else, says: S}\n", func(t *testing.T, f *graph.Facts) {
			if f.Claims[0].By != "someone-else" {
				t.Errorf("by %q", f.Claims[0].By)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, probs := Parse("test.yaml", []byte(tt.yaml), nil)
			if probs != nil {
				t.Fatalf("unexpected problems:\n%v", probs)
			}
			tt.check(t, f)
		})
	}
}

func wantDate(t *testing.T, got, want graph.Date) {
	t.Helper()
	if got != want {
		t.Errorf("date %+v; want %+v", got, want)
	}
}

func wantStrings(t *testing.T, got []string, want ...string) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q; want %q", got, want)
	}
}

// TestParseProblems checks problems that need no file of their own.
func TestParseProblems(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"too large", append([]byte(head+"# "), bytes.Repeat([]byte("x"), MaxFileSize)...),
			"big.yaml: file is larger than the limit of 16777216 bytes (16 MiB); split it into one file per source"},
		{"bom and crlf positions", []byte("\ufefffactgraph: 1\r\nsource: {id: src, title: S}\r\nparties:\r\n  - {id: p, name: P, kind: stat}\r\n"),
			`big.yaml:4:28: unknown party kind "stat" in party "p"; did you mean "state"?`},
		{"alias chain under the bound", []byte(head + "x: &a [1, 2]\ny: [*a, *a]\n"),
			`big.yaml:3:1: unknown key "x" in the file` + "\n" + `big.yaml:4:1: unknown key "y" in the file`},
		{"merge of a non-map", []byte(head + "parties:\n  - <<: [x]\n    id: p\n    name: P\n    kind: group\n"),
			`big.yaml:4:9: a merge key "<<" must name a map or a list of maps, not "x"`},
		{"key that is not text", []byte(head + "? [a]\n: b\n"),
			`big.yaml:3:3: a key must be plain text, not a list`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, probs := Parse("big.yaml", tt.data, nil)
			if f != nil {
				t.Errorf("Parse returned facts with problems")
			}
			if got := probs.Error(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestProblemError(t *testing.T) {
	cause := errors.New("cause")
	ps := sortProblems(Problems{
		{File: "b.yaml", Line: 1, Column: 1, Msg: "z"},
		{File: "a.yaml", Line: 2, Column: 1, Msg: "y"},
		{File: "a.yaml", Line: 2, Column: 1, Msg: "y"},
		{File: "a.yaml", Line: 10, Column: 3, Msg: "x", Err: cause},
		{File: "a.yaml", Msg: "cannot read"},
	})
	want := "a.yaml: cannot read\na.yaml:2:1: y\na.yaml:10:3: x\nb.yaml:1:1: z"
	if ps.Error() != want {
		t.Errorf("got\n%s\nwant\n%s", ps.Error(), want)
	}
	if !errors.Is(ps, cause) {
		t.Errorf("errors.Is does not find the cause")
	}
}

func TestDidYouMean(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"benificiary", `; did you mean "beneficiary"?`},
		{"nmae", `; did you mean "name"?`},
		{"colour", ""},
		{"jpan", `; did you mean "japan"?`},
		{"x", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := didYouMean(tt.in, []string{"beneficiary", "name", "japan", "bearer", "kind"})
			if got != tt.want {
				t.Errorf("got %q; want %q", got, tt.want)
			}
		})
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  a \t\n b  ", "a b"},
		{"“fortune” ‘unfair’ Trump’s „x“ «y» 5′ 6″", `"fortune" 'unfair' Trump's "x" "y" 5' 6"`},
		{"a\u00a0b", "a b"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := fold(tt.in); got != tt.want {
				t.Errorf("got %q; want %q", got, tt.want)
			}
		})
	}
}

func TestCoverage(t *testing.T) {
	dir := t.TempDir()
	text := "Heading\nFirst sentence here. Second “one” is quoted! Third?\n\n  Fourth line.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	facts := head + "  text: a.txt\n"
	facts = strings.Replace(head, "title: Source}", "title: Source, text: a.txt}", 1) +
		"parties:\n  - {id: p, name: P, kind: group, quote: [\"Second \\\"one\\\"\", \"Fourth\"]}\n"
	path := filepath.Join(dir, "a.yaml")
	if err := os.WriteFile(path, []byte(facts), 0o644); err != nil {
		t.Fatal(err)
	}
	files, err := Load(context.Background(), []string{path}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Coverage(files[0])
	if err != nil {
		t.Fatal(err)
	}
	want := []Uncovered{{1, 1, "Heading"}, {2, 1, "First sentence here."}, {2, 46, "Third?"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v; want %+v", got, want)
	}
	if _, err := Coverage(&File{Path: "x.yaml", Facts: &graph.Facts{}}); err == nil {
		t.Errorf("Coverage without a source text: no error")
	}
}

type failingKnown struct{}

var errStore = errors.New("store is down")

func (failingKnown) Lookup(context.Context, string) (graph.ItemInfo, bool, error) {
	return graph.ItemInfo{}, false, errStore
}

func TestLoadStoreError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.yaml")
	if err := os.WriteFile(path, []byte(twoParties), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(context.Background(), []string{path}, failingKnown{})
	if !errors.Is(err, errStore) {
		t.Errorf("got %v; want the store's error", err)
	}
	var probs Problems
	if errors.As(err, &probs) {
		t.Errorf("a store failure is reported as problems of the file")
	}
}

// TestLoadAcrossFiles checks that references resolve across files and into the store, that
// files come back in the order given, and that a source's own store entries do not count.
func TestLoadAcrossFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a.yaml", strings.Replace(twoParties, "id: src", "id: source-a", 1)+
		"obligations:\n  - {id: o, bearer: usa, beneficiary: japan, duty: d, under: treaty}\n")
	b := write("b.yaml", "factgraph: 1\nsource: {id: source-b, title: B}\n"+
		"agreements:\n  - {id: treaty, name: Treaty, parties: [japan, usa, kishi]}\n"+
		"counterclaims:\n  - {id: cc, by: japan, says: S, counters: [old-claim], about: [o]}\n")
	known := fakeKnown{
		"kishi":     {ID: "kishi", Kind: graph.KindParty, Type: "person", Name: "Kishi", Sources: []string{"source-c"}},
		"old-claim": {ID: "old-claim", Kind: graph.KindClaim, Sources: []string{"source-c"}},
		"o":         {ID: "o", Kind: graph.KindObligation, Sources: []string{"source-a"}},
		"japan":     {ID: "japan", Kind: graph.KindParty, Type: "state", Name: "Japan", Sources: []string{"source-a", "source-c"}},
	}
	files, err := Load(context.Background(), []string{b, a}, known)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || files[0].Path != b || files[1].Path != a {
		t.Fatalf("files not in the order given")
	}
	if files[0].Facts.Source.ID != "source-b" {
		t.Errorf("first file's source %q", files[0].Facts.Source.ID)
	}
}
