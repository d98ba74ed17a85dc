package store

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/safefile"
	"github.com/factgraph/factgraph/store/model"
)

// WriteNQuads writes the quads of one source ("" for all) as N-Quads, one a line, sorted
// by their text: the same store gives the same bytes every time.
func (s *Store) WriteNQuads(ctx context.Context, w io.Writer, source string) (err error) {
	defer s.recoverDamage(&err, debug.SetPanicOnFault(true))
	return s.writeNQuads(ctx, w, source, false)
}

// writeNQuads is WriteNQuads; see readTable for generic.
func (s *Store) writeNQuads(ctx context.Context, w io.Writer, source string, generic bool) error {
	if err := s.checkOpen(); err != nil {
		return err
	}
	if source == "" {
		t, err := s.readTable(ctx, generic)
		if err != nil {
			return err
		}
		if err := t.WriteSorted(w); err != nil {
			return fmt.Errorf("write n-quads: %w", err)
		}
		return nil
	}
	if _, _, err := s.loadFacts(ctx, source); err != nil {
		return err
	}
	qs, err := s.sourceQuads(ctx, source)
	if err != nil {
		return err
	}
	lines := make([]string, 0, len(qs))
	for _, q := range qs {
		lines = append(lines, model.QuadKey(q)+" .\n")
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

// MaxNQuadsSize is the most N-Quads ImportNQuads reads, in bytes (1 GiB: some 11 million
// quads, about 29,000 articles of the synthetic corpus, whose 10,000 articles take 370 MB):
// it holds them all in memory until they are stored. Export a larger store a source at a
// time (export --source).
const MaxNQuadsSize = 1 << 30

// ImportNQuads reads N-Quads written by WriteNQuads and stores them with the semantics of
// Ingest: each source named by a label replaces what the store held for it, all in one
// transaction. Every quad must carry a source label and fit the factgraph model, so that
// export, import and export again gives the same bytes. It reads at most MaxNQuadsSize
// bytes and stops reading as soon as ctx ends.
func (s *Store) ImportNQuads(ctx context.Context, r io.Reader) (*IngestReport, error) {
	if err := s.checkWritable(); err != nil {
		return nil, err
	}
	imported, err := ReadNQuads(ctx, r)
	if err != nil {
		return nil, err
	}
	return s.Write(ctx, nil, imported)
}

// Imported is a source read from N-Quads (ReadNQuads): its facts, and the quads that hold
// them exactly.
type Imported struct {
	Facts *graph.Facts
	// From says where the quads were read, for messages; ReadNQuads leaves it empty.
	From  string
	quads []quad.Quad
}

// ReadNQuads reads N-Quads written by WriteNQuads into the sources they hold, sorted by
// id, without writing anything: every quad must carry a source label and fit the factgraph
// model, so that export, import and export again gives the same bytes.
func ReadNQuads(ctx context.Context, r io.Reader) ([]Imported, error) {
	byLabel := make(map[string][]quad.Quad)
	err := readNQuads(ctx, r, MaxNQuadsSize, func(line int, q quad.Quad) error {
		l, ok := q.Label.(quad.IRI)
		if !ok || !strings.HasPrefix(string(l), model.SourcePrefix) {
			return fmt.Errorf("read n-quads: line %d: quad %s has no <source/ID> label; factgraph stores every fact under its source", line, clip([]byte(model.QuadKey(q))))
		}
		id := strings.TrimPrefix(string(l), model.SourcePrefix)
		byLabel[id] = append(byLabel[id], q)
		return nil
	})
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(byLabel))
	for id := range byLabel {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	out := make([]Imported, 0, len(ids))
	var errs []error
	for _, id := range ids {
		f, err := model.Decode(id, byLabel[id])
		if err != nil {
			errs = append(errs, err)
			continue
		}
		// Re-encoding must give back exactly the quads read: anything else would be lost
		// or invented on the way into the store.
		enc := model.Encode(f)
		if diff := diffQuads(byLabel[id], enc); diff != "" {
			errs = append(errs, fmt.Errorf("quads of source %q do not fit the factgraph model: %s", id, diff))
			continue
		}
		out = append(out, Imported{Facts: f, quads: enc})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// Write stores the facts of each source and each source read from N-Quads in one write,
// with the semantics of Ingest: a source given twice, in either list, is an error.
func (s *Store) Write(ctx context.Context, facts []*graph.Facts, imported []Imported) (_ *IngestReport, err error) {
	defer s.recoverDamage(&err, debug.SetPanicOnFault(true))
	reps, err := replacements(facts)
	if err != nil {
		return nil, err
	}
	for _, im := range imported {
		reps = append(reps, replacement{id: im.Facts.Source.ID, quads: im.quads, counts: countFacts(im.Facts, uniqueQuads(im.quads))})
	}
	return s.replace(ctx, reps, false)
}

// diffQuads describes the first quad in one list and not the other, or returns "".
func diffQuads(got, want []quad.Quad) string {
	g := make(map[string]bool, len(got))
	for _, q := range got {
		g[model.QuadKey(q)] = true
	}
	w := make(map[string]bool, len(want))
	for _, q := range want {
		w[model.QuadKey(q)] = true
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

// readNQuads calls fn with each quad of r and the number of its line. Input over limit
// bytes is an error; every read of r first checks that ctx has not ended, so a line that
// never ends (/dev/zero) stops at Ctrl-C or at the limit.
//
// It splits the lines itself and parses each with nquads.Parse rather than use
// nquads.Reader, whose ReadQuad skips a quad with an empty IRI or blank node (such as
// "<> <> <> <source/x> .") by calling itself again: one stack frame per skipped line,
// so about two million such lines in a row overflow the goroutine stack, a fatal error
// that no recover catches and that kills the process, and the skipped quads vanish
// without a word. Here such a quad is an error with its line number.
func readNQuads(ctx context.Context, r io.Reader, limit int64, fn func(line int, q quad.Quad) error) error {
	lr := &io.LimitedReader{R: r, N: limit + 1}
	br := bufio.NewReader(safefile.NewReader(ctx, lr))
	for n := 1; ; n++ {
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		raw, err := br.ReadBytes('\n')
		if lr.N <= 0 {
			return fmt.Errorf("read n-quads: line %d: the input is larger than the limit of %s; import a large store a source at a time (export --source)", n, safefile.Size(limit))
		}
		if err != nil && !errors.Is(err, io.EOF) {
			if cerr := ctx.Err(); cerr != nil {
				return cerr
			}
			return fmt.Errorf("read n-quads: line %d: %w", n, err)
		}
		if line := bytes.TrimSpace(raw); len(line) > 0 && line[0] != '#' {
			q, perr := parseNQuad(string(line))
			if perr != nil {
				return fmt.Errorf("read n-quads: line %d: %w", n, perr)
			}
			if !q.IsValid() {
				return fmt.Errorf("read n-quads: line %d: %q has an empty IRI or blank node; give every subject, predicate and object a name", n, clip(line))
			}
			if ferr := fn(n, q); ferr != nil {
				return ferr
			}
		}
		if err != nil { // io.EOF, after the last line
			return nil
		}
	}
}

// parseNQuad parses one line with Cayley's N-Quads parser, turning a panic of the parser
// (it panics on some escapes it did not expect) into an error.
func parseNQuad(line string) (q quad.Quad, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("cannot parse %q: %v", clip([]byte(line)), r)
		}
	}()
	q, err = nquads.Parse(line)
	if err != nil {
		return quad.Quad{}, fmt.Errorf("cannot parse %q: %w", clip([]byte(line)), err)
	}
	return q, nil
}

// clip shortens a line for an error message: a line may be megabytes long.
func clip(line []byte) string {
	const max = 120
	if len(line) <= max {
		return string(line)
	}
	return string(line[:max]) + "..."
}
