package html_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/html"
	"github.com/factgraph/factgraph/export/internal/exporttest"
	"github.com/factgraph/factgraph/graph"
)

// FuzzPage writes a page whose names, quotes, title and source text are arbitrary, reads its
// data back and checks that every text comes back as written (invalid UTF-8 as U+FFFD) and
// that none escaped its element.
func FuzzPage(f *testing.F) {
	for _, s := range exporttest.Hostile {
		f.Add(s, s)
	}
	f.Add("</script><script>alert(1)</script>", "<!-- \u2028 \u2029 </title>")
	f.Add("<img src=x onerror=alert(1)>", "\xff\xfe")
	f.Fuzz(func(t *testing.T, name, text string) {
		g := &graph.Graph{
			Sources: []graph.Source{{ID: "s", Title: text, Text: "t.txt"}},
			Parties: []graph.Party{{ID: "p", Name: name, Kind: "state", Aliases: []string{text}, Sources: []string{"s"},
				Evidence: graph.Evidence{Quotes: []string{text}}}},
		}
		var b bytes.Buffer
		if err := html.Write(context.Background(), &b, g, export.Options{Texts: fixedText(text)}); err != nil {
			t.Fatal(err)
		}
		page := b.String()
		if n, m := strings.Count(strings.ToLower(page), "</script"), strings.Count(page, "<script"); n != m {
			t.Fatalf("%d </script for %d <script: a text ended its element", n, m)
		}
		if n := strings.Count(strings.ToLower(page), "</title"); n != 1 {
			t.Fatalf("%d </title: the title escaped its element", n)
		}
		data := dataElement(t, b.Bytes())
		if strings.ContainsAny(data, "<>\u2028\u2029") {
			t.Fatalf("data element holds a raw <, >, U+2028 or U+2029")
		}
		d := pageData(t, b.Bytes())
		valid := func(s string) string { return string([]rune(s)) }
		it := d.Items["p"]
		if it == nil || it.Label != valid(name) || len(it.Quotes) != 1 || it.Quotes[0] != valid(text) {
			t.Fatalf("item %+v, want label %q and quote %q", it, valid(name), valid(text))
		}
		if src := d.Sources["s"]; src == nil || src.Title != valid(text) || src.Text != valid(text) {
			t.Fatalf("source %+v, want title and text %q", src, valid(text))
		}
	})
}

// fixedText is a TextSource that gives every source the same text.
type fixedText string

func (f fixedText) SourceText(graph.Source) (string, bool, error) { return string(f), true, nil }
