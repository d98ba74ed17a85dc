package html_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/html"
	"github.com/factgraph/factgraph/export/internal/facttest"
	"github.com/factgraph/factgraph/graph"
)

// MaxFlagshipSize is what the flagship page may weigh: docs/browser.md promises under
// 1.5 MiB.
const MaxFlagshipSize = 1536 << 10

func TestFlagshipPage(t *testing.T) {
	g, texts := flagship(t)
	page := writePage(t, g, export.Options{Texts: texts})
	if len(page) >= MaxFlagshipSize {
		t.Errorf("the flagship page is %d bytes, want under %d", len(page), MaxFlagshipSize)
	}
	if again := writePage(t, g, export.Options{Texts: texts}); !bytes.Equal(page, again) {
		t.Error("two writes of the same graph differ")
	}
	d := pageData(t, page)
	for _, view := range export.Views {
		v, err := export.BuildView(g, export.ViewOptions{View: view})
		if err != nil {
			t.Fatal(err)
		}
		got := d.Views[view]
		if got == nil || len(got.Nodes) != len(v.Nodes) || len(got.Edges) != len(v.Edges) {
			t.Errorf("%s view: page holds %v, want %d nodes and %d edges", view, got != nil, len(v.Nodes), len(v.Edges))
			continue
		}
		for i, n := range got.Nodes {
			if n.ID != v.Nodes[i].ID || n.Color != v.Nodes[i].Color.Hex() || n.Shape != v.Nodes[i].Shape {
				t.Errorf("%s view node %d: %s %s %s, want %s %s %s (the exports' look)", view, i, n.ID, n.Color, n.Shape, v.Nodes[i].ID, v.Nodes[i].Color.Hex(), v.Nodes[i].Shape)
			}
		}
	}
	src := d.Sources[g.Sources[0].ID]
	if src == nil || !src.HasText || !strings.Contains(src.Text, "While the United States is committed") {
		t.Errorf("the page lacks the article's text")
	}
	if it := d.Items["us-defend-japan"]; it == nil || len(it.Quotes) != 1 || it.Kind != graph.KindObligation {
		t.Errorf("item us-defend-japan: %+v", it)
	}
}

func TestFocus(t *testing.T) {
	g, _ := flagship(t)
	d := pageData(t, writePage(t, g, export.Options{ViewOptions: export.ViewOptions{View: "parties", Focus: "north-korea", Depth: 1}}))
	if d.View != "parties" || d.Focus != "north-korea" {
		t.Errorf("page opens on %s around %q", d.View, d.Focus)
	}
	if v := d.Views["parties"]; v == nil || len(v.Nodes) != 2 {
		t.Errorf("parties view around north-korea at depth 1: %+v, want it and East Asia", v)
	}
	if _, ok := d.Views["arguments"]; ok {
		t.Errorf("the arguments view, where North Korea is no node, is in the page")
	}
	var b bytes.Buffer
	err := html.Write(context.Background(), &b, g, export.Options{ViewOptions: export.ViewOptions{View: "arguments", Focus: "north-korea"}})
	if err == nil || !strings.Contains(err.Error(), "north-korea") {
		t.Errorf("a focus outside the first view: %v, want an error naming it", err)
	}
}

// Every text of the facts is inside the JSON of the data element, escaped so that nothing
// ends the element or starts markup, and comes back as written.
func TestHostileText(t *testing.T) {
	g := hostileGraph()
	page := writePage(t, g, export.Options{})
	data := dataElement(t, page)
	for _, bad := range []string{"<", ">", "\u2028", "\u2029"} {
		if strings.Contains(data, bad) {
			t.Errorf("data element holds a raw %q", bad)
		}
	}
	if n := strings.Count(strings.ToLower(string(page)), "</script"); n != strings.Count(string(page), "<script") {
		t.Errorf("%d </script for %d <script: a text ended its element", n, strings.Count(string(page), "<script"))
	}
	d := pageData(t, page)
	for _, p := range g.Parties {
		if got := d.Items[p.ID]; got == nil || got.Label != strings.ToValidUTF8(p.Name, "\uFFFD") {
			t.Errorf("party %s: label %q, want %q", p.ID, got.Label, p.Name)
		}
	}
	if want := g.Sources[0].Title + " - factgraph"; !strings.Contains(string(page), "<title>"+htmlEscape(want)+"</title>") {
		t.Errorf("title not escaped as text")
	}
}

// The page's Content-Security-Policy lets exactly its own scripts and style run.
func TestContentSecurityPolicy(t *testing.T) {
	g, _ := flagship(t)
	page := string(writePage(t, g, export.Options{}))
	m := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no Content-Security-Policy")
	}
	csp := strings.ReplaceAll(m[1], "&#39;", "'")
	for _, want := range []string{"default-src 'none'", "connect-src 'none'", "worker-src blob:", "base-uri 'none'", "form-action 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("policy %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe") {
		t.Errorf("policy %q allows something unsafe", csp)
	}
	scripts := regexp.MustCompile(`(?s)<script>(.*?)</script>`).FindAllStringSubmatch(page, -1)
	styles := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindAllStringSubmatch(page, -1)
	if len(scripts) < 4 || len(styles) != 1 {
		t.Fatalf("%d scripts and %d styles", len(scripts), len(styles))
	}
	for _, s := range append(scripts, styles...) {
		sum := sha256.Sum256([]byte(s[1]))
		if h := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(csp, h) {
			t.Errorf("policy does not allow the element that starts %q", s[1][:min(60, len(s[1]))])
		}
	}
	if strings.Contains(page, " style=") || strings.Contains(page, " on") && regexp.MustCompile(` on[a-z]+=`).MatchString(page) {
		t.Errorf("the page has inline style or event attributes, which the policy forbids")
	}
}

func TestRegistered(t *testing.T) {
	for _, name := range []string{"treaty.html", "x.HTM"} {
		if f, ok := export.ByExt(name); !ok || f.Name != "html" || !f.Page() {
			t.Errorf("ByExt(%q) = %q, %v; want the html page", name, f.Name, ok)
		}
	}
}

func TestSpans(t *testing.T) {
	g := facttest.Sample()
	got := html.Spans(g)
	want := map[string]html.Span{
		"security-treaty-1951":                {From: 1951, Until: 1960},
		"security-treaty-1960":                {From: 1960},
		"us-defends-japan":                    {From: 1960},
		"japan-defends-us":                    {From: 1960},
		"japan-hosts-bases":                   {From: 1960},
		"signing-1960":                        {From: 1960},
		"treaty-unfair":                       {From: 2019},
		"japan/hosts-forces-of/united-states": {From: 1952},
	}
	if len(got) != len(want) {
		t.Errorf("spans %v, want %v", got, want)
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("span of %s = %+v, want %+v", id, got[id], w)
		}
	}
}

// An agreement the facts give no date is dated by the earliest dated event that involves it,
// as the flagship's 1960 revision is: the text says only "revised in 1960".
func TestSpansFromEvents(t *testing.T) {
	g := &graph.Graph{
		Agreements: []graph.Agreement{
			{ID: "treaty-1951", Signed: graph.MustDate("1951-09-08")},
			{ID: "treaty-1960", Revises: "treaty-1951"},
			{ID: "never-dated"},
		},
		Events: []graph.Event{
			{ID: "criticised", Date: graph.MustDate("2019"), Involves: []string{"treaty-1960"}},
			{ID: "revised", Date: graph.MustDate("1960"), Involves: []string{"treaty-1951", "treaty-1960"}},
			{ID: "undated", Involves: []string{"never-dated"}},
		},
		Obligations: []graph.Obligation{{ID: "defend-japan", Under: "treaty-1960"}},
	}
	got := html.Spans(g)
	for id, want := range map[string]html.Span{
		"treaty-1951":  {From: 1951, Until: 1960},
		"treaty-1960":  {From: 1960},
		"defend-japan": {From: 1960},
		"never-dated":  {},
	} {
		if got[id] != want {
			t.Errorf("span of %s = %+v, want %+v", id, got[id], want)
		}
	}
}

func TestSourceTextErrors(t *testing.T) {
	g, _ := flagship(t)
	var b bytes.Buffer
	err := html.Write(context.Background(), &b, g, export.Options{Texts: failingTexts{}})
	if err == nil || !strings.Contains(err.Error(), "cannot read") {
		t.Errorf("a text that cannot be read: %v, want the error", err)
	}
}

type failingTexts struct{}

func (failingTexts) SourceText(graph.Source) (string, bool, error) {
	return "", false, os.ErrPermission
}

// hostileGraph is facttest's hostile graph with markup that would run script if a page
// put it in the document as HTML, in every kind of text the page shows.
func hostileGraph() *graph.Graph {
	g := facttest.Hostile()
	bad := []string{
		`<img src=x onerror="window.pwned=1;alert(1)">`,
		`</script><script>window.pwned=2;alert(2)</script>`,
		`<!-- <script>window.pwned=3</script>`,
		"line\u2028separator\u2029paragraph",
		`<svg onload="window.pwned=4">`,
	}
	for i, s := range bad {
		g.Parties[i].Name = s
		g.Parties[i].Aliases = []string{s + " alias"}
		g.Parties[i].Quotes = []string{s}
		g.Claims[i].Says = s
	}
	g.Sources[0].Title = `</title><script>window.pwned=5</script>`
	g.Sources[0].URL = `javascript:window.pwned=6`
	return g
}

func htmlEscape(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")
	return r.Replace(s)
}

// dataElement returns the text of the page's data element.
func dataElement(t *testing.T, page []byte) string {
	t.Helper()
	_, rest, ok := strings.Cut(string(page), `<script type="application/json" id="fg-data">`)
	data, _, ok2 := strings.Cut(rest, "</script>")
	if !ok || !ok2 {
		t.Fatal("no data element")
	}
	return data
}

func pageData(t *testing.T, page []byte) *html.Data {
	t.Helper()
	var d html.Data
	if err := json.Unmarshal([]byte(dataElement(t, page)), &d); err != nil {
		t.Fatal(err)
	}
	return &d
}
