package html_test

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/internal/browsertest"
)

// The labels the page always draws (parties and agreements, as many as fit) do not overlap
// one another or such a node, in any view of the flagship, on a small laptop's screen, as
// Chromium draws them: positions from sigma.js, widths measured in the page's font. The
// parties view names every party and agreement.
func TestLabelsApartInBrowser(t *testing.T) {
	g, texts := flagship(t)
	tab := browsertest.New(t)
	tab.Do(t, chromedp.EmulateViewport(1000, 640))
	tab.Open(t, pageFile(t, g, export.Options{Texts: texts}))
	for _, view := range export.Views {
		showView(t, tab, view)
		browsertest.Eval[bool](t, tab, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
		clashes := browsertest.Eval[[]string](t, tab, `(() => {
			const r = factgraph.renderer, gr = factgraph.graph;
			const ctx = document.createElement("canvas").getContext("2d");
			ctx.font = r.getSetting("labelWeight") + " " + r.getSetting("labelSize") + "px " + r.getSetting("labelFont");
			const boxes = gr.filterNodes((n, a) => a.forceLabel && !r.getNodeDisplayData(n).hidden).map(n => {
				const a = gr.getNodeAttributes(n), p = r.graphToViewport(a), s = r.getNodeDisplayData(n).size;
				const h = Math.max(s, r.getSetting("labelSize") / 2);
				return {n, l: p.x - s, r: p.x + s + 3 + ctx.measureText(a.label).width, t: p.y - h, b: p.y + h};
			});
			const out = [];
			for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
				const a = boxes[i], b = boxes[j];
				if (Math.min(a.r, b.r) - Math.max(a.l, b.l) > 1 && Math.min(a.b, b.b) - Math.max(a.t, b.t) > 1) out.push(a.n + " and " + b.n);
			}
			const named = gr.filterNodes((n, a) => (a.kind === "party" || a.kind === "agreement") && !r.getNodeDisplayData(n).hidden).length;
			return out.concat([String(named - boxes.length), String(boxes.length)]);
		})()`)
		n, unnamed := clashes[len(clashes)-1], clashes[len(clashes)-2]
		if (view == export.ViewFull || view == export.ViewParties) && (n == "0" || n == "1") {
			t.Errorf("%s view: %s labelled nodes; the test needs several", view, n)
		}
		// The flagship's parties view has room for every name.
		if view == export.ViewParties && unnamed != "0" {
			t.Errorf("parties view: %s parties or agreements drawn without their names", unnamed)
		}
		for _, c := range clashes[:len(clashes)-2] {
			t.Errorf("%s view: the labels of %s overlap", view, c)
		}
	}
	tab.NoErrors(t)
}
