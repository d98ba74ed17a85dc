package serve_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/browsertest"
	"github.com/factgraph/factgraph/internal/fixture"
	"github.com/factgraph/factgraph/internal/synth"
	"github.com/factgraph/factgraph/serve"
)

// The served page in a real Chromium, on the flagship: the same page as the file, its data
// asked of the server.
func TestServedFlagshipInBrowser(t *testing.T) {
	s := flagshipStore(t)
	ts := server(t, s, serve.Options{Facts: []string{fixture.FlagshipPath(t)}})
	tab := browsertest.New(t)
	tab.Open(t, ts.URL+"/")
	g := fixture.Flagship(t)

	t.Run("draws every node of the view", func(t *testing.T) {
		for _, view := range export.Views {
			v, err := export.BuildView(g, export.ViewOptions{View: view})
			if err != nil {
				t.Fatal(err)
			}
			tab.Do(t, chromedp.Click(chromedp.CSS(`#views button[data-view="`+view+`"]`)))
			tab.Wait(t, `document.getElementById("status").dataset.view === "`+view+`"`)
			if n := drawn(t, tab); n != len(v.Nodes) {
				t.Errorf("%s view: drew %d nodes, want %d", view, n, len(v.Nodes))
			}
		}
	})

	t.Run("search asks the server and centres the item", func(t *testing.T) {
		tab.Do(t, chromedp.Click(chromedp.CSS(`#views button[data-view="full"]`)))
		tab.Wait(t, `document.getElementById("status").dataset.view === "full"`)
		tab.Do(t, chromedp.SendKeys(chromedp.ID("search"), "jap"))
		tab.Wait(t, `document.querySelector("#suggestions li") !== null && document.querySelector("#suggestions li").dataset.id === "japan"`)
		tab.Do(t, chromedp.SendKeys(chromedp.ID("search"), kb.Enter))
		tab.Wait(t, `document.getElementById("panel-body").dataset.id === "japan"`)
		tab.Wait(t, `(() => {
			const c = factgraph.renderer.getCamera().getState(), d = factgraph.renderer.getNodeDisplayData("japan");
			return Math.abs(c.x - d.x) < 1e-6 && Math.abs(c.y - d.y) < 1e-6;
		})()`)
	})

	t.Run("a click on the US duty to defend Japan shows its quote in the text the server read", func(t *testing.T) {
		tab.Do(t, chromedp.Click(chromedp.CSS(`#views button[data-view="full"]`)))
		tab.Wait(t, `document.getElementById("status").dataset.view === "full"`)
		x, y := screenPos(t, tab, "us-defend-japan")
		tab.Do(t, chromedp.MouseClickXY(x, y))
		tab.Wait(t, `document.getElementById("panel-body").dataset.id === "us-defend-japan" && document.querySelector("#panel-body mark") !== null`)
		mark := browsertest.Eval[string](t, tab, `document.querySelector("#panel-body mark").textContent`)
		if mark != "While the United States is committed to defending Japan in the case of an armed attack" {
			t.Errorf("marked %q", mark)
		}
	})

	t.Run("a claim's thread comes with the item", func(t *testing.T) {
		clearSearch(t, tab)
		tab.Do(t, chromedp.SendKeys(chromedp.ID("search"), "trump-treaty-unfair"))
		tab.Wait(t, `document.querySelector("#suggestions li") !== null && document.querySelector("#suggestions li").dataset.id === "trump-treaty-unfair"`)
		tab.Do(t, chromedp.SendKeys(chromedp.ID("search"), kb.Enter))
		tab.Wait(t, `document.querySelectorAll(".thread > li > ul > li").length > 0`)
	})

	tab.NoErrors(t)
}

// A store too large to draw whole starts empty, with a note; a search starts the view
// around what it finds, and a node's neighbours are read when asked for.
func TestServedLargeStoreInBrowser(t *testing.T) {
	dir := t.TempDir()
	c, err := synth.Write(context.Background(), synth.Options{Dir: filepath.Join(dir, "corpus"), Articles: serve.WholeSources + 5, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	s := boltStore(t, c.Files...)
	ts := server(t, s, serve.Options{Facts: []string{filepath.Join(dir, "corpus")}, Limit: 10})
	tab := browsertest.New(t)
	tab.Open(t, ts.URL+"/")
	if n := browsertest.Eval[int](t, tab, `factgraph.graph.order`); n != 0 {
		t.Errorf("a store of %d sources drew %d nodes at once", serve.WholeSources+5, n)
	}
	note := browsertest.Eval[string](t, tab, `document.getElementById("note").hidden ? "" : document.getElementById("note").textContent`)
	if !strings.Contains(note, "search for an item") {
		t.Errorf("note %q, want one that says to search", note)
	}

	hub := hubParty(serve.WholeSources+5, 1)
	tab.Do(t, chromedp.SendKeys(chromedp.ID("search"), strings.ToLower(hub.Name[:len(hub.Name)-1])))
	tab.Wait(t, fmt.Sprintf(`[...document.querySelectorAll("#suggestions li")].some(li => li.dataset.id === %q)`, hub.ID))
	// The press goes to the suggestion as the list holds it now: the list is drawn again as
	// each keystroke's answer comes, and a click at where the item was before that lands on
	// another item, or on none.
	if !browsertest.Eval[bool](t, tab, fmt.Sprintf(`(() => {
		const li = document.querySelector('#suggestions li[data-id=%q]');
		if (li) li.dispatchEvent(new MouseEvent('mousedown', {bubbles: true, cancelable: true}));
		return li !== null;
	})()`, hub.ID)) {
		t.Fatalf("the suggestion of %s went away", hub.ID)
	}
	tab.Wait(t, fmt.Sprintf(`factgraph.graph.hasNode(%q) && document.getElementById("panel-body").dataset.id === %q`, hub.ID, hub.ID))
	before := browsertest.Eval[int](t, tab, `factgraph.graph.order`)
	if before < 2 || before > 10*3 {
		t.Errorf("around %s: %d nodes, want its first 10 links' items", hub.ID, before)
	}
	if !browsertest.Eval[bool](t, tab, `document.getElementById("status").textContent.includes("more links")`) {
		t.Errorf("status %q does not say more links are left", browsertest.Eval[string](t, tab, `document.getElementById("status").textContent`))
	}

	// The next page of the hub's links.
	tab.Do(t, chromedp.Click(chromedp.ID("more")))
	tab.Wait(t, fmt.Sprintf(`factgraph.graph.order > %d`, before))
	before = browsertest.Eval[int](t, tab, `factgraph.graph.order`)

	// Expand another node: a click opens it, its button reads its neighbours, which join
	// the drawing.
	other := browsertest.Eval[string](t, tab, fmt.Sprintf(`factgraph.graph.nodes().filter(n => n !== %q && factgraph.graph.getNodeAttribute(n, "kind") === "agreement")[0] || ""`, hub.ID))
	if other == "" {
		t.Fatal("no agreement around the hub to expand")
	}
	x, y := screenPos(t, tab, other)
	tab.Do(t, chromedp.MouseClickXY(x, y))
	tab.Wait(t, fmt.Sprintf(`document.getElementById("panel-body").dataset.id === %q && document.querySelector("#panel-body button.action") !== null`, other))
	tab.Do(t, chromedp.Click(chromedp.CSS("#panel-body button.action")))
	tab.Wait(t, fmt.Sprintf(`factgraph.graph.order > %d`, before))
	tab.NoErrors(t)
}

// Hostile names served from a store: shown as text, run nothing.
func TestServedHostileInBrowser(t *testing.T) {
	bad := `<img src=x onerror="window.pwned=1">`
	f := &graph.Facts{
		Source: graph.Source{ID: "s", Title: `</script><script>window.pwned=2</script>`},
		Parties: []graph.Party{
			{ID: "a", Name: bad, Kind: "state", Evidence: graph.Evidence{Quotes: []string{bad}}},
			{ID: "b", Name: "</script><script>window.pwned=3</script>", Kind: "state"},
		},
		Relations: []graph.Relation{{From: "a", Type: "allied-with", To: "b"}},
	}
	ts := server(t, memStore(t, f), serve.Options{})
	tab := browsertest.New(t)
	tab.Open(t, ts.URL+"/")
	tab.Do(t, chromedp.SendKeys(chromedp.ID("search"), "<img"))
	tab.Wait(t, `document.querySelector("#suggestions li") !== null`)
	if got := browsertest.Eval[string](t, tab, `document.querySelector("#suggestions li .label").textContent`); got != bad {
		t.Errorf("suggestion shows %q, want %q", got, bad)
	}
	tab.Do(t, chromedp.SendKeys(chromedp.ID("search"), kb.Enter))
	tab.Wait(t, `document.getElementById("panel-body").dataset.id === "a"`)
	if got := browsertest.Eval[string](t, tab, `document.querySelector("#panel-body h2").textContent`); got != bad {
		t.Errorf("panel shows %q", got)
	}
	if browsertest.Eval[bool](t, tab, `"pwned" in window || document.querySelectorAll("img").length > 0`) {
		t.Error("a name from the store ran as markup")
	}
	tab.NoErrors(t)
}

func drawn(t *testing.T, tab *browsertest.Tab) int {
	t.Helper()
	return browsertest.Eval[int](t, tab, `factgraph.graph.filterNodes(n => !factgraph.renderer.getNodeDisplayData(n).hidden).length`)
}

func screenPos(t *testing.T, tab *browsertest.Tab, id string) (float64, float64) {
	t.Helper()
	// A camera still moving (centring on a search) would move the node after this.
	tab.Wait(t, `!factgraph.renderer.getCamera().isAnimated()`)
	browsertest.Eval[bool](t, tab, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
	p := browsertest.Eval[[2]float64](t, tab, fmt.Sprintf(`(() => {
		const r = factgraph.renderer, a = factgraph.graph.getNodeAttributes(%q);
		const p = r.graphToViewport(a), b = document.getElementById("graph").getBoundingClientRect();
		return [b.left + p.x, b.top + p.y];
	})()`, id))
	return p[0], p[1]
}

func clearSearch(t *testing.T, tab *browsertest.Tab) {
	t.Helper()
	tab.Do(t, chromedp.Focus(chromedp.ID("search")), chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)), chromedp.KeyEvent(kb.Backspace))
}

// The source filter keeps what one source states.
func TestSourceFilterInBrowser(t *testing.T) {
	samples := filepath.Join(filepath.Dir(fixture.FlagshipPath(t)), "..")
	s := boltStore(t, filepath.Join(samples, "japan-us-security-treaty", "facts.yaml"), filepath.Join(samples, "nato-spending", "facts.yaml"))
	ts := server(t, s, serve.Options{View: export.ViewParties})
	tab := browsertest.New(t)
	tab.Open(t, ts.URL+"/")
	if hidden := browsertest.Eval[bool](t, tab, `document.getElementById("source-filter").hidden`); hidden {
		t.Fatal("no source filter for a view of two sources")
	}
	tab.Do(t, chromedp.SetValue(chromedp.ID("source"), "nato-spending-summary"), chromedp.Evaluate[chromedp.Void](`document.getElementById("source").dispatchEvent(new Event("change"))`))
	got := browsertest.Eval[[]string](t, tab, `factgraph.graph.filterNodes(n => !factgraph.renderer.getNodeDisplayData(n).hidden).sort()`)
	want := browsertest.Eval[[]string](t, tab, `factgraph.graph.filterNodes((n, a) => a.sources.includes("nato-spending-summary")).sort()`)
	all := browsertest.Eval[int](t, tab, `factgraph.graph.order`)
	if strings.Join(got, ",") != strings.Join(want, ",") || len(got) == 0 || len(got) == all {
		t.Errorf("with the NATO source picked the page shows %q, want %q (of %d)", got, want, all)
	}
	tab.NoErrors(t)
}
