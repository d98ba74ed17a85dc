package html_test

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/html"
	"github.com/factgraph/factgraph/internal/browsertest"
)

var docsFlag = flag.Bool("docs", false, "write the screenshots of docs/ (docs/browser-*.png) again")

// TestDocScreenshots takes the screenshots docs/browser.md and the README show, of the
// flagship page at 1000 by 640 pixels, and checks that each holds a drawing (many colours,
// not a blank page); with -docs it writes them to docs/ as small PNGs.
func TestDocScreenshots(t *testing.T) {
	g, texts := flagship(t)
	tab := browsertest.New(t)
	tab.Do(t, chromedp.EmulateViewport(1000, 640))
	tab.Open(t, pageFile(t, g, export.Options{Texts: texts}))
	shots := map[string][]byte{}

	showView(t, tab, export.ViewParties)
	shots["browser-parties.png"] = tab.Screenshot(t)

	showView(t, tab, export.ViewFull)
	tab.Do(t, chromedp.SendKeys(chromedp.ID("search"), "defend japan"))
	tab.Wait(t, `document.querySelector("#suggestions li") !== null && document.querySelector("#suggestions li").dataset.id === "us-defend-japan"`)
	tab.Do(t, chromedp.SendKeys(chromedp.ID("search"), kb.Enter))
	tab.Wait(t, `document.querySelector("#panel-body mark") !== null`)
	screenPos(t, tab, "us-defend-japan") // waits for the frames under way
	tab.Do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector("#panel-body .quotes").scrollIntoView()`))
	shots["browser-quote.png"] = tab.Screenshot(t)

	for name, b := range shots {
		img := decodePNG(t, b)
		if n := colours(img); n < 8 {
			t.Errorf("%s has %d colours: a blank page?", name, n)
		}
		if *docsFlag {
			path := filepath.Join("..", "..", "docs", name)
			f, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			enc := png.Encoder{CompressionLevel: png.BestCompression}
			if err := enc.Encode(f, paletted(img)); err != nil {
				t.Fatal(err)
			}
			f.Close()
			t.Logf("wrote %s", path)
		}
	}
	tab.NoErrors(t)
}

// colours counts the distinct colours of img, up to 1000.
func colours(img image.Image) int {
	seen := map[color.RGBA]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y && len(seen) < 1000; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bb, a := img.At(x, y).RGBA()
			seen[color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bb >> 8), uint8(a >> 8)}] = true
		}
	}
	return len(seen)
}

// paletted reduces img to a palette of the exports' colours and its own most used ones,
// which keeps a screenshot of flat colours small and every colour of the legend right.
func paletted(img image.Image) *image.Paletted {
	count := map[color.RGBA]int{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bb, _ := img.At(x, y).RGBA()
			count[color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bb >> 8), 255}]++
		}
	}
	type kv struct {
		c color.RGBA
		n int
	}
	var all []kv
	for c, n := range count {
		all = append(all, kv{c, n})
	}
	sortKV := func(a, b kv) int {
		if a.n != b.n {
			return b.n - a.n
		}
		return int(a.c.R)<<16 + int(a.c.G)<<8 + int(a.c.B) - (int(b.c.R)<<16 + int(b.c.G)<<8 + int(b.c.B))
	}
	slices.SortFunc(all, sortKV)
	var pal color.Palette
	style := html.PageStyle()
	for _, list := range [][]html.KindStyle{style.Nodes, style.Edges, style.Statuses} {
		for _, k := range list {
			var c color.RGBA
			fmt.Sscanf(k.Color, "#%02X%02X%02X", &c.R, &c.G, &c.B)
			c.A = 255
			pal = append(pal, c)
		}
	}
	for i := 0; i < len(all) && len(pal) < 256; i++ {
		pal = append(pal, all[i].c)
	}
	out := image.NewPaletted(b, pal)
	draw.Draw(out, b, img, b.Min, draw.Src)
	return out
}
