package sourcetext

import (
	"context"
	"runtime"
	"sync"

	"github.com/factgraph/factgraph/ingest"
)

// Scan reads the source id of each facts file the paths name (files, or folders of them,
// as ingest.Expand reads them) and returns the Files that finds each source's text next to
// its file. A file it cannot read is left out: Scan is for finding texts, and the validator
// is the place to hear about a broken facts file.
func Scan(ctx context.Context, paths []string) (*Files, error) {
	files, _, err := ingest.Expand(paths)
	if err != nil {
		return nil, err
	}
	out := New()
	work := make(chan string)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(files), 1)) {
		wg.Go(func() {
			for path := range work {
				if src, err := ingest.SourceOf(path); err == nil {
					out.Add(src.ID, path)
				}
			}
		})
	}
	for _, f := range files {
		select {
		case work <- f:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
	}
	close(work)
	wg.Wait()
	return out, ctx.Err()
}
