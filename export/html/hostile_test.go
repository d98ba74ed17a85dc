package html_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/internal/browsertest"
)

// Texts that would run script if the page put them in the document as markup are shown as
// the characters they are, in the drawing, the suggestions, the panel and the title, and
// run nothing.
func TestHostileLabelsInBrowser(t *testing.T) {
	g := hostileGraph()
	tab := browsertest.New(t)
	tab.Open(t, pageFile(t, g, export.Options{}))
	for i, p := range g.Parties[:5] {
		clearSearch(t, tab)
		tab.Do(t, chromedp.SendKeys(chromedp.ID("search"), p.ID))
		tab.Wait(t, `document.querySelector("#suggestions li") !== null && document.querySelector("#suggestions li").dataset.id === `+jsString(p.ID))
		label := browsertest.Eval[string](t, tab, `document.querySelector("#suggestions li .label").textContent`)
		if want := short(p.Name, 80); label != want {
			t.Errorf("suggestion %d shows %q, want %q", i, label, want)
		}
		tab.Do(t, chromedp.SendKeys(chromedp.ID("search"), kb.Enter))
		tab.Wait(t, `document.getElementById("panel-body").dataset.id === `+jsString(p.ID))
		if got := browsertest.Eval[string](t, tab, `document.querySelector("#panel-body h2").textContent`); got != p.Name {
			t.Errorf("panel title %q, want %q", got, p.Name)
		}
		quote := browsertest.Eval[string](t, tab, `document.querySelector("#panel-body .quote blockquote").textContent`)
		if quote != p.Name {
			t.Errorf("quote shown as %q, want %q", quote, p.Name)
		}
		if drawn := browsertest.Eval[string](t, tab, `factgraph.graph.getNodeAttribute(`+jsString(p.ID)+`, "fullLabel")`); drawn != p.Name {
			t.Errorf("node labelled %q, want %q", drawn, p.Name)
		}
	}
	if title := browsertest.Eval[string](t, tab, `document.title`); title != g.Sources[0].Title+" - factgraph" {
		t.Errorf("title %q", title)
	}
	if links := browsertest.Eval[int](t, tab, `document.querySelectorAll("a[href^='javascript']").length`); links != 0 {
		t.Errorf("a javascript: URL became a link")
	}
	if n := browsertest.Eval[int](t, tab, `document.querySelectorAll("img, [onload], [onerror]").length`); n != 0 {
		t.Errorf("the page grew %d elements from the facts' text", n)
	}
	if n, want := browsertest.Eval[int](t, tab, `document.scripts.length`), strings.Count(string(writePage(t, g, export.Options{})), "<script"); n != want {
		t.Errorf("the page has %d scripts, want the %d it was written with", n, want)
	}
	if pwned := browsertest.Eval[bool](t, tab, `"pwned" in window`); pwned {
		t.Error("a text of the facts ran as script")
	}
	if d := tab.Dialogs(); len(d) > 0 {
		t.Errorf("dialogs opened: %q", d)
	}
	tab.NoErrors(t)
}

// The policy is in force: a script the page did not bring does not run, and says so.
func TestPolicyBlocksOtherScripts(t *testing.T) {
	g, _ := flagship(t)
	tab := browsertest.New(t)
	tab.Open(t, pageFile(t, g, export.Options{}))
	browsertest.Eval[bool](t, tab, `(() => {
		const s = document.createElement("script");
		s.textContent = "window.injected = true";
		document.body.appendChild(s);
		return true;
	})()`)
	if browsertest.Eval[bool](t, tab, `window.injected === true`) {
		t.Error("an inline script the page did not bring ran")
	}
	errs := strings.Join(tab.Errors(), "\n")
	if !strings.Contains(errs, "Content Security Policy") {
		t.Errorf("no report of the blocked script; the page reported:\n%s", strings.Join(tab.Messages(), "\n"))
	}
}

func short(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n-1]) + "\u2026"
	}
	return s
}
