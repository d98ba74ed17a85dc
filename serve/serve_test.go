package serve_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/html"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/fixture"
	"github.com/factgraph/factgraph/serve"
	"github.com/factgraph/factgraph/store/storetest"
)

// Parameters the page could not have sent get 400 and a message that says what is wrong;
// ids the store does not hold get 404; paths outside the page's get 404, however written.
func TestBadRequests(t *testing.T) {
	ts := server(t, flagshipStore(t), serve.Options{})
	tests := []struct {
		path   string
		status int
		says   string
	}{
		{"/api/graph?view=bogus", 400, `unknown view "bogus"; use one of: full, parties, arguments`},
		{"/api/graph?depth=abc", 400, `depth "abc" is not a whole number`},
		{"/api/graph?depth=0", 400, "depth 0 is out of range; give 1 to 3"},
		{"/api/graph?depth=99", 400, "depth 99 is out of range"},
		{"/api/graph?limit=0", 400, "limit 0 is out of range"},
		{"/api/graph?limit=-5", 400, "limit -5 is out of range"},
		{"/api/graph?page=x", 400, `page "x" is not a whole number`},
		{"/api/graph?focus=japan&focus=nato", 400, `parameter "focus" given 2 times`},
		{"/api/graph?secret=1", 400, `unknown parameter "secret"`},
		{"/api/graph?view=%zz", 400, "do not parse"},
		{"/api/graph?focus=" + strings.Repeat("x", 300), 400, "longer than 256 bytes"},
		{"/api/graph?focus=a%00b", 400, "not text"},
		{"/api/graph?focus=%ff", 400, "not text"},
		{"/api/graph?focus=nowhere", 404, `no item "nowhere" in the store`},
		{"/api/item", 400, `parameter "id" is missing`},
		{"/api/item?id=", 400, `parameter "id" is missing`},
		{"/api/item?id=nowhere", 404, `no item "nowhere"`},
		{"/api/text?source=nowhere", 404, `no source "nowhere"`},
		{"/api/text?id=x", 400, `unknown parameter "id"`},
		{"/api/search?q=j&limit=1000", 400, "limit 1000 is out of range"},
		{"/?x=1", 400, "takes no parameters"},
		{"/../../etc/passwd", 404, "not found"},
		{"/%2e%2e/%2e%2e/etc/passwd", 404, "not found"},
		{"/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", 404, "not found"},
		{"/..%2f..%2fetc%2fpasswd", 404, "not found"},
		{"/api/../../../etc/passwd", 404, "not found"},
		{"/api/graph/../../etc/passwd", 404, "not found"},
		{"/%252e%252e/etc/passwd", 404, "not found"},
		{"/..\\..\\etc\\passwd", 404, "not found"},
		{"/etc/passwd", 404, "not found"},
		{"/" + strings.Repeat("../", 12) + "etc/passwd", 404, "not found"},
		{"/" + strings.Repeat("%2e%2e%2f", 12) + "etc%2fpasswd", 404, "not found"},
		{"/" + strings.Repeat("..%2F", 12) + "etc/passwd", 404, "not found"},
		{"/" + strings.Repeat("%2e%2e/", 12) + "etc/passwd", 404, "not found"},
		{"/index.html", 404, "not found"},
		{"/api/graph/", 404, "not found"},
		{"/web/page.js", 404, "not found"},
		{"/favicon.ico", 404, "not found"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			status, body := get(t, ts, tt.path)
			if status != tt.status {
				t.Errorf("status %d, want %d: %s", status, tt.status, body)
			}
			msg := decode[map[string]string](t, body)["error"]
			if !strings.Contains(msg, tt.says) {
				t.Errorf("message %q, want one saying %q", msg, tt.says)
			}
			if strings.Contains(string(body), "root:") {
				t.Errorf("answered with a file of the machine: %s", body)
			}
		})
	}
}

// The server only reads, answers only for this machine's names, and sends its policy and
// the headers that keep a browser from guessing types or framing it, with every answer.
func TestHeadersAndMethods(t *testing.T) {
	ts := server(t, flagshipStore(t), serve.Options{})
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch} {
		req, _ := http.NewRequest(m, ts.URL+"/api/graph", strings.NewReader("{}"))
		resp, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s: %d, Allow %q; want 405 and GET, HEAD", m, resp.StatusCode, resp.Header.Get("Allow"))
		}
	}
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/", nil)
	req.Host = "attacker.example:8080"
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("a request for host attacker.example: %d, want 400", resp.StatusCode)
	}
	for _, path := range []string{"/", "/api/graph", "/api/item?id=nowhere", "/nowhere"} {
		resp, err := ts.Client().Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		h := resp.Header
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'none'", "connect-src 'self'", "frame-ancestors 'none'", "script-src 'sha256-"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: policy %q lacks %q", path, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe") {
			t.Errorf("%s: policy %q allows something unsafe", path, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s: headers %v", path, h)
		}
	}
}

func TestAnswers(t *testing.T) {
	s := flagshipStore(t)
	ts := server(t, s, serve.Options{})
	g := fixture.Flagship(t)

	t.Run("a small store whole", func(t *testing.T) {
		for _, view := range export.Views {
			want, err := export.BuildView(g, export.ViewOptions{View: view})
			if err != nil {
				t.Fatal(err)
			}
			status, body := get(t, ts, "/api/graph?view="+view)
			v := decode[html.View](t, body)
			if status != 200 || len(v.Nodes) != len(want.Nodes) || len(v.Edges) != len(want.Edges) {
				t.Errorf("%s: %d, %d nodes and %d edges; want 200, %d and %d", view, status, len(v.Nodes), len(v.Edges), len(want.Nodes), len(want.Edges))
			}
		}
	})

	t.Run("around a focus", func(t *testing.T) {
		_, body := get(t, ts, "/api/graph?view=parties&focus=north-korea")
		v := decode[html.View](t, body)
		var ids []string
		for _, n := range v.Nodes {
			ids = append(ids, n.ID)
		}
		if !slices.Contains(ids, "north-korea") || !slices.Contains(ids, "east-asia") || v.Focus != "north-korea" {
			t.Errorf("parties around north-korea: %v (focus %q), want it and east-asia", ids, v.Focus)
		}
		_, body = get(t, ts, "/api/graph?focus=japan&limit=3")
		v = decode[html.View](t, body)
		if !v.Truncated || v.Omitted == 0 || v.Note == "" {
			t.Errorf("japan with 3 links: truncated %v, omitted %d, note %q; want the rest counted", v.Truncated, v.Omitted, v.Note)
		}
		_, body = get(t, ts, "/api/graph?focus=japan&limit=3&page=1")
		next := decode[html.View](t, body)
		if len(next.Nodes) < 2 {
			t.Errorf("second page of japan's links: %d nodes", len(next.Nodes))
		}
	})

	t.Run("the 1960 revision ends the 1951 treaty around a focus too", func(t *testing.T) {
		// Twice for each focus: the second answer comes from the agreements the server kept.
		for _, focus := range []string{"us-defend-japan", "us-defend-japan", "japan-us-security-treaty-1951", "japan-us-security-treaty-1951"} {
			_, body := get(t, ts, "/api/graph?focus="+focus)
			v := decode[html.View](t, body)
			spans := map[string]html.Span{}
			for _, n := range v.Nodes {
				spans[n.ID] = n.Span
			}
			for id, want := range map[string]html.Span{
				"us-defend-japan":               {From: 1960},
				"japan-us-security-treaty-1960": {From: 1960},
				"japan-us-security-treaty-1951": {From: 1951, Until: 1960},
			} {
				if got, ok := spans[id]; ok && got != want {
					t.Errorf("around %s: span of %s %+v, want %+v", focus, id, got, want)
				}
			}
			if _, ok := spans["japan-us-security-treaty-1960"]; !ok {
				t.Errorf("around %s: no node japan-us-security-treaty-1960", focus)
			}
		}
	})

	t.Run("an item whole, with its sources", func(t *testing.T) {
		_, body := get(t, ts, "/api/item?id=us-defend-japan")
		a := decode[struct {
			Items   map[string]*html.Item
			Sources map[string]*html.Source
		}](t, body)
		it := a.Items["us-defend-japan"]
		if it == nil || it.Brief || len(it.Quotes) != 1 || a.Items["japan"] == nil || a.Sources["japan-us-security-treaty-article"] == nil {
			t.Errorf("item answer: %s", body)
		}
	})

	t.Run("a claim with its thread", func(t *testing.T) {
		_, body := get(t, ts, "/api/item?id=trump-treaty-unfair")
		a := decode[struct{ Items map[string]*html.Item }](t, body)
		for _, c := range g.Counterclaims {
			if slices.Contains(c.Counters, "trump-treaty-unfair") && a.Items[c.ID] == nil {
				t.Errorf("thread lacks counterclaim %s", c.ID)
			}
		}
		for _, c := range g.Claims {
			if slices.Contains(c.Supports, "trump-treaty-unfair") && a.Items[c.ID] == nil {
				t.Errorf("answer lacks %s, which supports the claim", c.ID)
			}
		}
	})

	t.Run("search", func(t *testing.T) {
		for q, want := range map[string]string{"jap": "japan", "JAPAN": "japan", "washing": "united-states", "us-defend-japan": "us-defend-japan", "  donald  ": "donald-trump"} {
			_, body := get(t, ts, "/api/search?q="+strings.ReplaceAll(q, " ", "+"))
			res := decode[struct {
				Results []struct{ ID, Label, How string }
			}](t, body).Results
			if len(res) == 0 || res[0].ID != want {
				t.Errorf("search %q: %+v, want %s first", q, res, want)
			}
		}
		_, body := get(t, ts, "/api/search?q=")
		if res := decode[struct{ Results []any }](t, body).Results; res == nil || len(res) != 0 {
			t.Errorf("empty search: %s", body)
		}
	})

	t.Run("a text without its facts files", func(t *testing.T) {
		_, body := get(t, ts, "/api/text?source=japan-us-security-treaty-article")
		src := decode[html.Source](t, body)
		if src.HasText || src.Title == "" {
			t.Errorf("text with no facts files given: %+v", src)
		}
	})
}

func TestTexts(t *testing.T) {
	s := flagshipStore(t)
	ts := server(t, s, serve.Options{Facts: []string{fixture.FlagshipPath(t)}})
	_, body := get(t, ts, "/api/text?source=japan-us-security-treaty-article")
	src := decode[html.Source](t, body)
	if !src.HasText || !strings.Contains(src.Text, "While the United States is committed") {
		t.Errorf("text read next to the facts file: %+v", src)
	}
}

// A store whose names cannot be looked up by their start (in memory) is searched on its
// names read whole once.
func TestSearchWithoutNameIndex(t *testing.T) {
	srv, ts := serveStore(t, memFlagship(t), serve.Options{})
	_, body := get(t, ts, "/api/search?q=trump")
	res := decode[struct{ Results []struct{ ID string } }](t, body).Results
	if len(res) == 0 || res[0].ID != "donald-trump" {
		t.Errorf("search trump in memory: %+v", res)
	}
	if !serve.SearchedWhole(srv) {
		t.Error("a search in memory did not read the names whole")
	}
}

func TestNewRefuses(t *testing.T) {
	s := flagshipStore(t)
	for name, opts := range map[string]serve.Options{
		"unknown view":    {View: "bogus"},
		"unknown focus":   {Focus: "nowhere"},
		"depth too large": {Depth: 9},
		"limit too large": {Limit: serve.MaxLimit + 1},
	} {
		if _, err := serve.New(context.Background(), s, opts); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestLoopback(t *testing.T) {
	for addr, want := range map[string]bool{"127.0.0.1:8080": true, "localhost:1": true, "[::1]:80": true, ":8080": false, "0.0.0.0:8080": false, "192.168.1.2:80": false} {
		if serve.Loopback(addr) != want {
			t.Errorf("Loopback(%q) = %v", addr, !want)
		}
	}
}

// An agreement's years end where one that revises it starts, also when the revision lies
// outside the view asked for, and when the server answers from the agreements it kept.
func TestSpansWithRevisionOutOfView(t *testing.T) {
	f := &graph.Facts{
		Source:  graph.Source{ID: "article", Title: "An article"},
		Parties: []graph.Party{{ID: "a", Name: "A", Kind: "state"}, {ID: "b", Name: "B", Kind: "state"}},
		Agreements: []graph.Agreement{
			{ID: "treaty-1951", Name: "Treaty", Kind: "treaty", Parties: []string{"a", "b"}, Signed: graph.MustDate("1951")},
			{ID: "treaty-1960", Name: "Revised treaty", Kind: "treaty", Parties: []string{"a", "b"}, Signed: graph.MustDate("1960"), Revises: "treaty-1951"},
		},
		Obligations: []graph.Obligation{{ID: "old-duty", Bearer: "a", Beneficiary: "b", Duty: "defend B", Under: "treaty-1951", Status: "in-force"}},
	}
	ts := server(t, memStore(t, f), serve.Options{})
	for range 2 {
		_, body := get(t, ts, "/api/graph?view=full&depth=1&focus=old-duty")
		v := decode[html.View](t, body)
		spans := map[string]html.Span{}
		for _, n := range v.Nodes {
			spans[n.ID] = n.Span
		}
		if _, ok := spans["treaty-1960"]; ok {
			t.Fatalf("the revision is in the view; the test needs it outside")
		}
		for id, want := range map[string]html.Span{"treaty-1951": {From: 1951, Until: 1960}, "old-duty": {From: 1951, Until: 1960}} {
			if spans[id] != want {
				t.Errorf("span of %s %+v, want %+v", id, spans[id], want)
			}
		}
	}
}

// TestAnswerErrorPoolerMode checks that an answer that failed on an error of the store's
// server that a connection pooler's mode caused says so and what to do, in the response and
// in the log, as the command's messages do (pgstore.Explain); another error goes as it is.
func TestAnswerErrorPoolerMode(t *testing.T) {
	var log bytes.Buffer
	srv, err := serve.New(context.Background(), flagshipStore(t), serve.Options{Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		err  error
		want string
	}{
		{storetest.StatementPoolingError(), "pool_mode = session"},
		{errors.New("read store: the disk is on fire"), "read store: the disk is on fire"},
	} {
		log.Reset()
		rec := httptest.NewRecorder()
		serve.AnswerError(srv, rec, httptest.NewRequest(http.MethodGet, "/api/graph", nil), c.err)
		var body struct{ Error string }
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
			t.Fatal(err)
		}
		if rec.Code != http.StatusInternalServerError || !strings.Contains(body.Error, c.want) || !strings.Contains(log.String(), c.want) {
			t.Errorf("an answer that failed with %v: %d %q, logged %q; want 500 and %q in both", c.err, rec.Code, body.Error, log.String(), c.want)
		}
	}
	if strings.Contains(log.String(), "pool_mode") {
		t.Errorf("another error was explained as a pooler's: %q", log.String())
	}
}
