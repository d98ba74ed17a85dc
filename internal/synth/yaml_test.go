package synth

import (
	"bytes"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestYAMLReadsBack decodes a written file with a plain YAML reader: the hand-written layout
// must be YAML whose strings read back as generated, quotes and non-ASCII included.
func TestYAMLReadsBack(t *testing.T) {
	g := NewGenerator(5)
	for i := 0; i < 20; i++ {
		a := g.Article(i)
		var b bytes.Buffer
		if err := a.WriteYAML(&b); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Factgraph int
			Source    struct{ ID, Title string }
			Parties   []struct{ ID, Name string }
			Claims    []struct {
				ID, Says string
				Quote    any
			}
			Relations []map[string]any
		}
		if err := yaml.Unmarshal(b.Bytes(), &doc); err != nil {
			t.Fatalf("%s: %v", a.Name, err)
		}
		f := a.Facts
		if doc.Factgraph != 1 || doc.Source.ID != f.Source.ID || doc.Source.Title != f.Source.Title {
			t.Errorf("%s: header reads back as %+v", a.Name, doc)
		}
		if len(doc.Parties) != len(f.Parties) || len(doc.Claims) != len(f.Claims) || len(doc.Relations) != len(f.Relations) {
			t.Fatalf("%s: item counts differ after reading back", a.Name)
		}
		for j, p := range doc.Parties {
			if p.ID != f.Parties[j].ID || p.Name != f.Parties[j].Name {
				t.Errorf("%s: party %d reads back as %+v", a.Name, j, p)
			}
		}
		for j, c := range doc.Claims {
			want := f.Claims[j]
			var got []string
			switch q := c.Quote.(type) {
			case string:
				got = []string{q}
			case []any:
				for _, s := range q {
					got = append(got, s.(string))
				}
			}
			if c.ID != want.ID || c.Says != want.Says || len(got) != len(want.Quotes) || got[0] != want.Quotes[0] {
				t.Errorf("%s: claim %d reads back as %+v, want %+v", a.Name, j, c, want)
			}
		}
	}
}
