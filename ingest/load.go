package ingest

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/safefile"
)

// Known is what a store already holds, for checking references and ids across sources.
type Known interface {
	Lookup(ctx context.Context, id string) (graph.ItemInfo, bool, error)
}

// KnownMany is a Known that also answers about many ids at once (LookupMany gives the ones
// it holds): a store on a server answers the ids of a call in one round trip instead of
// one each.
type KnownMany interface {
	Known
	LookupMany(ctx context.Context, ids []string) (map[string]graph.ItemInfo, error)
}

// File is one facts file read and validated.
type File struct {
	Path  string
	Facts *graph.Facts
}

// Load reads and validates the files together: references resolve across all of them and
// into known (nil means an empty store), parties and agreements stated by several sources
// must agree, and every other id must be new to the store. Store entries stated only by
// sources that this call replaces count as not known. On any problem Load returns nil files
// and Problems listing every problem of every file; an error that is not about the files
// (the store failing, the context ending) is returned as it is. Files are read and checked on
// all cores; the result keeps the order of paths.
func Load(ctx context.Context, paths []string, known Known) ([]*File, error) {
	return LoadWith(ctx, paths, LoadOptions{Known: known})
}

// LoadOptions tune LoadWith.
type LoadOptions struct {
	Known Known // what the store holds; nil means an empty store
	// Progress, when set, is called once for each file read and checked on its own, from
	// any of the goroutines doing the work.
	Progress func()
	// Imported are facts that come from elsewhere than a facts file (N-Quads), checked
	// with the files as if each were one (checkImported); LoadWith returns the files only.
	Imported []Imported
}

// LoadWith is Load with options.
func LoadWith(ctx context.Context, paths []string, opts LoadOptions) ([]*File, error) {
	known := opts.Known
	parsed := make([]*parsed, len(paths))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(paths), 1)) {
		wg.Go(func() {
			for i := range work {
				parsed[i] = readAndParse(ctx, paths[i])
				if opts.Progress != nil {
					opts.Progress()
				}
			}
		})
	}
feed:
	for i := range paths {
		select {
		case work <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	parsed = append(parsed, checkImported(opts.Imported)...)
	c := &crossCheck{ctx: ctx, known: known, files: parsed, defs: map[string]fileDef{}, lookups: map[string]lookup{}, replaced: map[string]bool{}}
	if err := c.run(); err != nil {
		return nil, err
	}
	var all Problems
	for _, pf := range parsed {
		all = append(all, pf.probs...)
	}
	all = append(all, c.probs...)
	if len(opts.Imported) > 0 {
		imported := map[string]bool{}
		for _, im := range opts.Imported {
			imported[im.Name] = true
		}
		for _, p := range all {
			if imported[p.File] {
				p.Line, p.Column = 0, 0 // a line of the written-out file means nothing here
			}
		}
	}
	if len(all) > 0 {
		return nil, sortProblems(all)
	}
	files := make([]*File, len(paths))
	for i, pf := range parsed[:len(paths)] {
		files[i] = &File{Path: pf.name, Facts: pf.facts}
	}
	return files, nil
}

// readAndParse reads one file, refusing files that are not regular files (without waiting on
// a named pipe) and files over MaxFileSize without reading them whole, and parses it with
// source.text resolved next to it.
func readAndParse(ctx context.Context, path string) *parsed {
	fail := func(err error, msg string) *parsed {
		return &parsed{name: path, facts: &graph.Facts{}, probs: Problems{{File: path, Msg: msg, Err: err}}}
	}
	f, err := safefile.Open(path)
	if err != nil {
		return fail(err, fmt.Sprintf("cannot read facts file: %v", err))
	}
	defer f.Close()
	data, err := safefile.ReadAll(ctx, f, MaxFileSize)
	if err != nil {
		return fail(err, fmt.Sprintf("cannot read facts file: %v", err))
	}
	readText := func(text string) ([]byte, error) { return ReadSourceText(ctx, path, text) }
	return parseFile(path, data, readText)
}

// fileDef is an id defined by a file of the call.
type fileDef struct {
	def
	file *parsed
}

type lookup struct {
	info     graph.ItemInfo
	ok       bool
	replaced bool // the store has it, but only from sources this call replaces
}

// crossCheck holds the checks that need every file of a call and the store.
type crossCheck struct {
	ctx      context.Context
	known    Known
	files    []*parsed
	defs     map[string]fileDef // first definition of each id in the call
	lookups  map[string]lookup
	replaced map[string]bool // ids of the sources this call (re)ingests
	probs    Problems
	ids      map[string][]string // ids defined in the call, by what a field accepts, sorted
}

func (c *crossCheck) problem(f *parsed, at pos, msg string) {
	c.probs = append(c.probs, &Problem{File: f.name, Line: at.line, Column: at.col, Msg: msg})
}

func (c *crossCheck) run() error {
	sources := map[string]*parsed{}
	for _, f := range c.files {
		id := f.facts.Source.ID
		if id == "" {
			continue
		}
		if first, ok := sources[id]; ok {
			c.problem(f, f.sourceAt, fmt.Sprintf("source %q is also the source of %s:%s; give each source document one facts file", id, first.name, first.sourceAt))
			continue
		}
		sources[id] = f
		c.replaced[id] = true
	}
	if err := c.lookupAll(); err != nil {
		return err
	}
	for _, f := range c.files {
		for _, d := range f.defs {
			if err := c.define(f, d); err != nil {
				return err
			}
		}
	}
	for _, f := range c.files {
		for _, r := range f.refs {
			if err := c.resolve(f, r); err != nil {
				return err
			}
		}
	}
	return nil
}

// lookup asks the store about id once; entries only the replaced sources state count as
// not known, since the call is about to replace them.
func (c *crossCheck) lookup(id string) (lookup, error) {
	if c.known == nil {
		return lookup{}, nil
	}
	if l, ok := c.lookups[id]; ok {
		return l, nil
	}
	info, ok, err := c.known.Lookup(c.ctx, id)
	if err != nil {
		return lookup{}, fmt.Errorf("look up %q in the store: %w", id, err)
	}
	return c.record(id, info, ok), nil
}

// record keeps what the store said of id for lookup.
func (c *crossCheck) record(id string, info graph.ItemInfo, ok bool) lookup {
	l := lookup{info: info, ok: ok}
	if ok && len(info.Sources) > 0 && !slices.ContainsFunc(info.Sources, func(s string) bool { return !c.replaced[s] }) {
		l.ok, l.replaced = false, true
	}
	c.lookups[id] = l
	return l
}

// lookupAll asks a KnownMany about every id the files define or name, at once, for lookup
// to answer from.
func (c *crossCheck) lookupAll() error {
	many, ok := c.known.(KnownMany)
	if !ok {
		return nil
	}
	seen := map[string]bool{}
	var ids []string
	for _, f := range c.files {
		for _, d := range f.defs {
			if !seen[d.id] {
				seen[d.id] = true
				ids = append(ids, d.id)
			}
		}
		for _, r := range f.refs {
			if !seen[r.id] {
				seen[r.id] = true
				ids = append(ids, r.id)
			}
		}
	}
	if len(ids) == 0 {
		return nil
	}
	found, err := many.LookupMany(c.ctx, ids)
	if err != nil {
		return fmt.Errorf("look up the ids of the files in the store: %w", err)
	}
	for _, id := range ids {
		info, ok := found[id]
		c.record(id, info, ok)
	}
	return nil
}

// shared reports whether items of kind name the same thing in every source.
func shared(kind string) bool { return kind == graph.KindParty || kind == graph.KindAgreement }

// define checks an id against the files before it and the store.
func (c *crossCheck) define(f *parsed, d def) error {
	if first, ok := c.defs[d.id]; ok {
		where := fmt.Sprintf("%s:%s", first.file.name, first.at)
		if msg := conflict(d, first.def, where); msg != "" {
			c.problem(f, d.at, msg)
		}
		return nil
	}
	c.defs[d.id] = fileDef{d, f}
	l, err := c.lookup(d.id)
	if err != nil || !l.ok {
		return err
	}
	info := l.info
	other := def{id: info.ID, kind: info.Kind, typ: info.Type, name: info.Name}
	where := "the store (" + sourceWord(info.Sources) + " " + quoteList(info.Sources) + ")"
	if msg := conflict(d, other, where); msg != "" {
		c.problem(f, d.at, msg)
	}
	return nil
}

// conflict says what is wrong with defining d when first already defines the same id
// elsewhere, or returns "".
func conflict(d, first def, where string) string {
	switch {
	case d.kind != first.kind:
		return fmt.Sprintf("id %q is already %s %s in %s; pick another id", d.id, article(first.kind), first.kind, where)
	case !shared(d.kind):
		return fmt.Sprintf("%s %q is already defined in %s; ids of %ss are unique across sources, so pick another id", d.kind, d.id, where, d.kind)
	case d.typ != "" && first.typ != "" && d.typ != first.typ:
		return fmt.Sprintf("%s %q has kind %q here but %q in %s; %s %s has one kind in every source", d.kind, d.id, d.typ, first.typ, where, article(d.kind), d.kind)
	case first.name != "" && d.name != first.name && d.kind == graph.KindParty:
		return fmt.Sprintf("party %q is named %q here but %q in %s; use the same name and list the other in \"aliases\"", d.id, d.name, first.name, where)
	case first.name != "" && d.name != first.name:
		return fmt.Sprintf("%s %q is named %q here but %q in %s; use the same name in every source (a party may list other names in \"aliases\")", d.kind, d.id, d.name, first.name, where)
	}
	return ""
}

func quoteList(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += ", "
		}
		out += fmt.Sprintf("%q", s)
	}
	return out
}

// resolve checks a reference a file does not define itself.
func (c *crossCheck) resolve(f *parsed, r ref) error {
	if d, ok := c.defs[r.id]; ok {
		if msg := wrongKind(r, d.kind); msg != "" {
			c.problem(f, r.at, msg)
		}
		return nil
	}
	l, err := c.lookup(r.id)
	if err != nil {
		return err
	}
	if l.ok {
		if msg := wrongKind(r, l.info.Kind); msg != "" {
			c.problem(f, r.at, msg)
		}
		return nil
	}
	msg := fmt.Sprintf("unknown %s %q in %s%s", unknownName(r.accept), r.id, r.field, didYouMean(r.id, c.candidates(r.accept)))
	if l.replaced {
		msg += fmt.Sprintf("; the store has it only from source %s, which this replaces, so define it again", quoteList(l.info.Sources))
	}
	c.problem(f, r.at, msg)
	return nil
}

func sourceWord(ss []string) string {
	if len(ss) == 1 {
		return "source"
	}
	return "sources"
}

// candidates lists the ids of the call a field accepting accept could name, for suggestions.
func (c *crossCheck) candidates(accept []string) []string {
	key := fmt.Sprint(accept)
	if ids, ok := c.ids[key]; ok {
		return ids
	}
	var ids []string
	for id, d := range c.defs {
		if accept == nil || slices.Contains(accept, d.kind) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	if c.ids == nil {
		c.ids = map[string][]string{}
	}
	c.ids[key] = ids
	return ids
}

// AllFacts returns the facts of files, in their order, as the store's Ingest takes them.
func AllFacts(files []*File) []*graph.Facts {
	facts := make([]*graph.Facts, len(files))
	for i, f := range files {
		facts[i] = f.Facts
	}
	return facts
}
