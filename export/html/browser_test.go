package html_test

import (
	"bytes"
	"fmt"
	"image"
	_ "image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/internal/browsertest"
	"github.com/factgraph/factgraph/internal/fixture"
)

// The flagship page in a real Chromium: what the README and docs/browser.md promise of it.
func TestFlagshipInBrowser(t *testing.T) {
	g, texts := flagship(t)
	url := pageFile(t, g, export.Options{Texts: texts})
	tab := browsertest.New(t)
	tab.Open(t, url)

	t.Run("draws every node and edge of each view", func(t *testing.T) {
		for _, view := range export.Views {
			v, err := export.BuildView(g, export.ViewOptions{View: view})
			if err != nil {
				t.Fatal(err)
			}
			showView(t, tab, view)
			got := browsertest.Eval[[2]int](t, tab, `(() => {
				const r = factgraph.renderer, gr = factgraph.graph;
				return [gr.filterNodes(n => !r.getNodeDisplayData(n).hidden).length,
				        gr.filterEdges(e => !r.getEdgeDisplayData(e).hidden).length];
			})()`)
			if got[0] != len(v.Nodes) || got[1] != len(v.Edges) {
				t.Errorf("%s view: drew %d nodes and %d edges, want %d and %d", view, got[0], got[1], len(v.Nodes), len(v.Edges))
			}
		}
	})

	t.Run("draws each node in its colour", func(t *testing.T) {
		showView(t, tab, export.ViewFull)
		shot := decodePNG(t, tab.Screenshot(t))
		for _, id := range []string{"japan", "japan-us-security-treaty-1960", "treaty-signed-1951"} {
			x, y := screenPos(t, tab, id)
			want := fmt.Sprint(browsertest.Eval[string](t, tab, `factgraph.graph.getNodeAttribute(`+jsString(id)+`, "color")`))
			r, gg, b, _ := shot.At(int(x), int(y)).RGBA()
			got := fmt.Sprintf("#%02X%02X%02X", r>>8, gg>>8, b>>8)
			if !near(got, want, 24) {
				t.Errorf("node %s is drawn %s at (%.0f, %.0f), want its colour %s", id, got, x, y, want)
			}
		}
	})

	t.Run("search finds Japan and centres it", func(t *testing.T) {
		showView(t, tab, export.ViewFull)
		tab.Do(t, chromedp.SendKeys(chromedp.ID("search"), "japan"))
		tab.Wait(t, `document.querySelectorAll("#suggestions li").length > 0`)
		first := browsertest.Eval[string](t, tab, `document.querySelector("#suggestions li").dataset.id`)
		if first != "japan" {
			t.Fatalf("first suggestion for %q is %q, want japan", "japan", first)
		}
		tab.Do(t, chromedp.SendKeys(chromedp.ID("search"), kb.Enter))
		tab.Wait(t, `document.getElementById("panel-body").dataset.id === "japan"`)
		tab.Wait(t, `(() => {
			const c = factgraph.renderer.getCamera().getState(), d = factgraph.renderer.getNodeDisplayData("japan");
			return Math.abs(c.x - d.x) < 1e-3 && Math.abs(c.y - d.y) < 1e-3;
		})()`)
		x, y := screenPos(t, tab, "japan")
		cx, cy := browsertest.Eval[float64](t, tab, `(() => { const b = document.getElementById("graph").getBoundingClientRect(); return b.left + b.width / 2; })()`),
			browsertest.Eval[float64](t, tab, `(() => { const b = document.getElementById("graph").getBoundingClientRect(); return b.top + b.height / 2; })()`)
		if math.Abs(x-cx) > 2 || math.Abs(y-cy) > 2 {
			t.Errorf("Japan is at (%.0f, %.0f) on screen, want the middle of the graph (%.0f, %.0f)", x, y, cx, cy)
		}
	})

	t.Run("search by alias", func(t *testing.T) {
		clearSearch(t, tab)
		tab.Do(t, chromedp.SendKeys(chromedp.ID("search"), "Washingt"))
		tab.Wait(t, `document.querySelectorAll("#suggestions li").length > 0`)
		got := browsertest.Eval[[]string](t, tab, `[...document.querySelectorAll("#suggestions li")].map(li => li.dataset.id + " " + li.textContent)`)
		if len(got) == 0 || !strings.HasPrefix(got[0], "united-states ") || !strings.Contains(got[0], "alias: Washington") {
			t.Errorf("suggestions for Washingt: %q, want united-states first, matched by its alias", got)
		}
		tab.Do(t, chromedp.SendKeys(chromedp.ID("search"), kb.Escape))
	})

	t.Run("a click on the US duty to defend Japan shows its quote in its paragraph", func(t *testing.T) {
		showView(t, tab, export.ViewFull)
		x, y := screenPos(t, tab, "us-defend-japan")
		tab.Do(t, chromedp.MouseClickXY(x, y))
		tab.Wait(t, `document.getElementById("panel-body").dataset.id === "us-defend-japan" && document.querySelector("#panel-body mark") !== null`)
		quote := "While the United States is committed to defending Japan in the case of an armed attack"
		mark := browsertest.Eval[string](t, tab, `document.querySelector("#panel-body mark").textContent`)
		para := browsertest.Eval[string](t, tab, `document.querySelector("#panel-body mark").parentElement.textContent`)
		if mark != quote {
			t.Errorf("marked %q, want %q", mark, quote)
		}
		if want := paragraph(t, quote); para != want {
			t.Errorf("quote shown in\n%q\nwant its paragraph\n%q", para, want)
		}
		fields := browsertest.Eval[string](t, tab, `document.querySelector("#panel-body dl").textContent`)
		for _, f := range []string{"bearerUnited States", "beneficiaryJapan", "statusin-force", "underJapan-US Security Treaty (1960 revision)"} {
			if !strings.Contains(fields, f) {
				t.Errorf("fields %q lack %q", fields, f)
			}
		}
	})

	t.Run("a claim shows its thread", func(t *testing.T) {
		clearSearch(t, tab)
		tab.Do(t, chromedp.SendKeys(chromedp.ID("search"), "trump-treaty-unfair"))
		tab.Wait(t, `document.querySelector("#suggestions li") !== null && document.querySelector("#suggestions li").dataset.id === "trump-treaty-unfair"`)
		tab.Do(t, chromedp.SendKeys(chromedp.ID("search"), kb.Enter))
		tab.Wait(t, `document.getElementById("panel-body").dataset.id === "trump-treaty-unfair"`)
		countered := browsertest.Eval[[]string](t, tab, `[...document.querySelectorAll(".thread > li > ul > li")].map(li => li.dataset.id).sort()`)
		var want []string
		for _, c := range g.Counterclaims {
			for _, id := range c.Counters {
				if id == "trump-treaty-unfair" {
					want = append(want, c.ID)
				}
			}
		}
		if len(want) == 0 || strings.Join(countered, ",") != strings.Join(want, ",") {
			t.Errorf("thread nests %q under the claim, want its counterclaims %q", countered, want)
		}
		supported := browsertest.Eval[int](t, tab, `[...document.querySelectorAll("#panel-body p")].filter(p => p.textContent.startsWith("Supported by")).length`)
		if supported != 1 {
			t.Errorf("no line of the claims that support it")
		}
	})

	t.Run("the time slider at 1955 hides the 1960 revision", func(t *testing.T) {
		showView(t, tab, export.ViewFull)
		tab.Do(t, chromedp.Focus(chromedp.ID("year")), chromedp.KeyEvent(kb.Home))
		for range 4 {
			tab.Do(t, chromedp.KeyEvent(kb.ArrowRight))
		}
		if label := browsertest.Eval[string](t, tab, `document.getElementById("year-label").textContent`); label != "the end of 1955" {
			t.Fatalf("slider says %q, want the end of 1955", label)
		}
		hidden := func(id string) bool {
			return browsertest.Eval[bool](t, tab, `factgraph.renderer.getNodeDisplayData(`+jsString(id)+`).hidden === true`)
		}
		for id, want := range map[string]bool{
			"japan-us-security-treaty-1960": true, "treaty-revised-1960": true, "us-defend-japan": true, "japan-defend-us": true,
			"japan-us-security-treaty-1951": false, "treaty-signed-1951": false, "japan": false, "japan-hosts-us-bases": false,
		} {
			if hidden(id) != want {
				t.Errorf("at 1955 %s hidden = %v, want %v", id, !want, want)
			}
		}
		tab.Do(t, chromedp.KeyEvent(kb.End), chromedp.KeyEvent(kb.ArrowLeft))
		if hidden("japan-us-security-treaty-1960") || !hidden("japan-us-security-treaty-1951") {
			t.Errorf("at 1960 the 1960 revision should show, and the 1951 treaty it revised not")
		}
		tab.Do(t, chromedp.KeyEvent(kb.End))
		if label := browsertest.Eval[string](t, tab, `document.getElementById("year-label").textContent`); label != "every year" || hidden("japan-us-security-treaty-1951") {
			t.Errorf("at its end the slider says %q and hides the 1951 treaty: %v; want every year, shown", label, hidden("japan-us-security-treaty-1951"))
		}
	})

	t.Run("filters by kind and status", func(t *testing.T) {
		showView(t, tab, export.ViewParties)
		count := func() int {
			return browsertest.Eval[int](t, tab, `Number(document.getElementById("status").dataset.edges)`)
		}
		all := count()
		tab.Do(t, chromedp.Click(chromedp.CSS(`#legend-statuses li:nth-child(2) input`)))
		if got := count(); got != all-1 {
			t.Errorf("hiding absent duties left %d of %d edges, want one fewer (japan-defend-us)", got, all)
		}
		tab.Do(t, chromedp.Click(chromedp.CSS(`#legend-statuses li:nth-child(2) input`)))
		tab.Do(t, chromedp.Click(chromedp.CSS(`#legend-nodes li:nth-child(2) input`)))
		if got := browsertest.Eval[int](t, tab, `Number(document.getElementById("status").dataset.nodes)`); got != 10 {
			t.Errorf("hiding agreements left %d nodes of the parties view, want its 10 parties", got)
		}
		tab.Do(t, chromedp.Click(chromedp.CSS(`#legend-nodes li:nth-child(2) input`)))
	})

	t.Run("hover highlights the neighbourhood", func(t *testing.T) {
		showView(t, tab, export.ViewParties)
		x, y := screenPos(t, tab, "north-korea")
		tab.Do(t, chromedp.MouseEvent("mouseMoved", x, y))
		tab.Wait(t, `factgraph.state.hovered === "north-korea"`)
		faded := browsertest.Eval[[]string](t, tab, `factgraph.graph.filterNodes(n => factgraph.renderer.getNodeDisplayData(n).color === "#e4e4e4").sort()`)
		near := browsertest.Eval[[]string](t, tab, `factgraph.graph.neighbors("north-korea")`)
		if len(faded) != 12-1-len(near) {
			t.Errorf("hovering North Korea faded %q; want all but it and its neighbours %q", faded, near)
		}
		tab.Do(t, chromedp.MouseEvent("mouseMoved", 5, 5))
	})

	t.Run("layout runs in a web worker", func(t *testing.T) {
		showView(t, tab, export.ViewArguments)
		before := browsertest.Eval[[]float64](t, tab, `Object.values(factgraph.graph.getNodeAttributes("trump-treaty-unfair")).slice(0, 2)`)
		tab.Do(t, chromedp.Click(chromedp.ID("layout")))
		tab.Wait(t, `(() => { const a = factgraph.graph.getNodeAttributes("trump-treaty-unfair"); return a.x !== `+fmt.Sprint(before[0])+` || a.y !== `+fmt.Sprint(before[1])+`; })()`)
		tab.Do(t, chromedp.Click(chromedp.ID("layout")))
	})

	t.Run("loads nothing from the network and reports no error", func(t *testing.T) {
		for _, u := range tab.Requests() {
			if !strings.HasPrefix(u, "file://") && !strings.HasPrefix(u, "blob:") && !strings.HasPrefix(u, "data:") {
				t.Errorf("the page asked for %s", u)
			}
		}
		tab.NoErrors(t)
	})
}

// showView clicks the view's button and waits until it is drawn.
func showView(t *testing.T, tab *browsertest.Tab, view string) {
	t.Helper()
	tab.Do(t, chromedp.Click(chromedp.CSS(`#views button[data-view="`+view+`"]`)))
	tab.Wait(t, `document.getElementById("status").dataset.view === `+jsString(view))
}

// screenPos is where the node is drawn, in CSS pixels of the window, once the frames
// under way are drawn.
func screenPos(t *testing.T, tab *browsertest.Tab, id string) (float64, float64) {
	t.Helper()
	// A camera still moving (centring on a search) would move the node after this.
	tab.Wait(t, `!factgraph.renderer.getCamera().isAnimated()`)
	browsertest.Eval[bool](t, tab, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
	p := browsertest.Eval[[2]float64](t, tab, `(() => {
		const r = factgraph.renderer, a = factgraph.graph.getNodeAttributes(`+jsString(id)+`);
		const p = r.graphToViewport(a), b = document.getElementById("graph").getBoundingClientRect();
		return [b.left + p.x, b.top + p.y];
	})()`)
	return p[0], p[1]
}

// clearSearch empties the search box as a user does: select all, delete.
func clearSearch(t *testing.T, tab *browsertest.Tab) {
	t.Helper()
	tab.Do(t, chromedp.Focus(chromedp.ID("search")), chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)), chromedp.KeyEvent(kb.Backspace))
}

func jsString(s string) string { return fmt.Sprintf("%q", s) }

func decodePNG(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// near says whether two #RRGGBB colours differ by at most d in each channel.
func near(a, b string, d int) bool {
	var r1, g1, b1, r2, g2, b2 int
	fmt.Sscanf(a, "#%02X%02X%02X", &r1, &g1, &b1)
	fmt.Sscanf(b, "#%02X%02X%02X", &r2, &g2, &b2)
	abs := func(x int) int { return max(x, -x) }
	return abs(r1-r2) <= d && abs(g1-g2) <= d && abs(b1-b2) <= d
}

// paragraph is the line of the flagship's article that holds quote.
func paragraph(t *testing.T, quote string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(filepath.Dir(fixture.FlagshipPath(t)), "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.Contains(line, quote) {
			return line
		}
	}
	t.Fatalf("no line of the article holds %q", quote)
	return ""
}
