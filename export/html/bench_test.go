package html_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/html"
	"github.com/factgraph/factgraph/internal/browsertest"
)

// BenchmarkFlagshipInteractive opens the flagship page in Chromium, again and again, and
// reports how long after the start of its navigation the page drew its first view and took
// input (ms-to-interactive), by the page's own clock; docs/browser.md promises under 1 s.
//
//	go test -run '^$' -bench FlagshipInteractive -benchtime 10x ./export/html/
func BenchmarkFlagshipInteractive(b *testing.B) {
	g, texts := flagship(b)
	path := filepath.Join(b.TempDir(), "treaty.html")
	if err := os.WriteFile(path, writePage(b, g, export.Options{Texts: texts}), 0o644); err != nil {
		b.Fatal(err)
	}
	tab := browsertest.New(b)
	var total float64
	for b.Loop() {
		tab.Do(b, chromedp.Navigate("about:blank"))
		tab.Open(b, "file://"+path)
		total += browsertest.Eval[float64](b, tab, `window.factgraph.readyAt`)
	}
	b.ReportMetric(total/float64(b.N), "ms-to-interactive")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkWriteFlagship writes the flagship page, texts included, and reports its size.
func BenchmarkWriteFlagship(b *testing.B) {
	g, texts := flagship(b)
	var size int64
	for b.Loop() {
		c := &countWriter{}
		if err := html.Write(context.Background(), c, g, export.Options{Texts: texts}); err != nil {
			b.Fatal(err)
		}
		size = c.n
	}
	b.ReportMetric(float64(size), "bytes")
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}

var _ io.Writer = (*countWriter)(nil)
