package graph

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// WriteNQuads writes the quads of one source ("" for all) as N-Quads, one a line, sorted
// by their text: the same store gives the same bytes every time.
func (s *Store) WriteNQuads(ctx context.Context, w io.Writer, source string) error {
	return s.writeNQuads(ctx, w, source, false)
}

// writeNQuads is WriteNQuads; see readTable for generic.
func (s *Store) writeNQuads(ctx context.Context, w io.Writer, source string, generic bool) error {
	if err := s.checkOpen(); err != nil {
		return err
	}
	var lines []string
	if source != "" {
		if _, _, err := s.loadFacts(ctx, source); err != nil {
			return err
		}
		qs, err := s.sourceQuads(ctx, source)
		if err != nil {
			return err
		}
		lines = make([]string, 0, len(qs))
		for _, q := range qs {
			lines = append(lines, quadKey(q)+" .\n")
		}
	} else {
		t, err := s.readTable(ctx, generic)
		if err != nil {
			return err
		}
		lines = t.lines()
	}
	slices.Sort(lines)
	bw := bufio.NewWriter(w)
	prev := ""
	for _, l := range lines {
		if l == prev {
			continue
		}
		prev = l
		if _, err := bw.WriteString(l); err != nil {
			return fmt.Errorf("write n-quads: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write n-quads: %w", err)
	}
	return nil
}

// ImportNQuads reads N-Quads written by WriteNQuads and stores them with the semantics of
// Ingest: each source named by a label replaces what the store held for it, all in one
// transaction. Every quad must carry a source label and fit the factgraph model, so that
// export, import and export again gives the same bytes.
func (s *Store) ImportNQuads(ctx context.Context, r io.Reader) (*IngestReport, error) {
	if err := s.checkWritable(); err != nil {
		return nil, err
	}
	rd := nquads.NewReader(r, false)
	defer rd.Close()
	byLabel := make(map[string][]quad.Quad)
	for n := 1; ; n++ {
		q, err := rd.ReadQuad()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read n-quads: quad %d: %w", n, err)
		}
		l, ok := q.Label.(quad.IRI)
		if !ok || !strings.HasPrefix(string(l), sourcePrefix) {
			return nil, fmt.Errorf("read n-quads: quad %d (%s) has no <source/ID> label; factgraph stores every fact under its source", n, quadKey(q))
		}
		id := strings.TrimPrefix(string(l), sourcePrefix)
		byLabel[id] = append(byLabel[id], q)
	}
	ids := make([]string, 0, len(byLabel))
	for id := range byLabel {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	reps := make([]replacement, 0, len(ids))
	var errs []error
	for _, id := range ids {
		f, err := DecodeFacts(id, byLabel[id])
		if err != nil {
			errs = append(errs, err)
			continue
		}
		// Re-encoding must give back exactly the quads read: anything else would be lost
		// or invented on the way into the store.
		enc := EncodeFacts(f)
		if diff := diffQuads(byLabel[id], enc); diff != "" {
			errs = append(errs, fmt.Errorf("quads of source %q do not fit the factgraph model: %s", id, diff))
			continue
		}
		reps = append(reps, replacement{id: id, quads: enc, counts: countFacts(f, uniqueQuads(enc))})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return s.replace(ctx, reps, false)
}

// diffQuads describes the first quad in one list and not the other, or returns "".
func diffQuads(got, want []quad.Quad) string {
	g := make(map[string]bool, len(got))
	for _, q := range got {
		g[quadKey(q)] = true
	}
	w := make(map[string]bool, len(want))
	for _, q := range want {
		w[quadKey(q)] = true
	}
	var extra, missing []string
	for k := range g {
		if !w[k] {
			extra = append(extra, k)
		}
	}
	for k := range w {
		if !g[k] {
			missing = append(missing, k)
		}
	}
	sort.Strings(extra)
	sort.Strings(missing)
	switch {
	case len(extra) > 0:
		return fmt.Sprintf("unexpected quad %s (%d in all)", extra[0], len(extra))
	case len(missing) > 0:
		return fmt.Sprintf("missing quad %s (%d in all)", missing[0], len(missing))
	}
	return ""
}
