package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/urfave/cli/v2"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/heap"
	"github.com/factgraph/factgraph/query"
	"github.com/factgraph/factgraph/store"
)

// inputOptions are the flags every query and stats take: where the graph comes from and
// how to print the answer.
type inputOptions struct {
	store  string
	in     cli.StringSlice
	json   bool
	source string // --source, for the commands that take it
}

func (o *inputOptions) flags() []cli.Flag {
	return []cli.Flag{
		storeFlag(&o.store),
		&cli.StringSliceFlag{Name: "in", Usage: "query the facts `FILE` (repeatable) instead of the store", Destination: &o.in},
		&cli.BoolFlag{Name: "json", Usage: "print stable JSON (see docs/query.md) instead of a table", Destination: &o.json},
	}
}

// printable is what every query returns.
type printable interface {
	WriteText(w io.Writer, width int) error
}

// answer loads the graph the options name, asks ask about it and prints the answer.
func (o *inputOptions) answer(c *cli.Context, ask func(*graph.Graph) (printable, error)) error {
	return o.withStore(c, func(ctx context.Context, s *store.Store) (printable, error) {
		g, err := s.Load(ctx, store.LoadOptions{Source: o.source})
		if err != nil {
			return nil, err
		}
		return ask(g)
	})
}

// ask answers on the store with onStore, which reads what it needs; with --source, on the
// graph of what that source states, with onIndex.
func (o *inputOptions) ask(c *cli.Context, onIndex func(*query.Index) (printable, error), onStore func(context.Context, *store.Store) (printable, error)) error {
	// Without --source and --in the query reads only what it needs from the store.
	collector := heap.Query
	if o.source == "" && len(o.in.Value()) == 0 {
		collector = heap.Targeted
	}
	return o.withCollector(c, collector, func(ctx context.Context, s *store.Store) (printable, error) {
		if o.source == "" {
			return onStore(ctx, s)
		}
		g, err := s.Load(ctx, store.LoadOptions{Source: o.source})
		if err != nil {
			return nil, err
		}
		return onIndex(query.NewIndex(g))
	})
}

func (o *inputOptions) withStore(c *cli.Context, ask func(context.Context, *store.Store) (printable, error)) error {
	return o.withCollector(c, heap.Query, ask)
}

// withCollector is withStore with the garbage collector set by collector (internal/heap).
func (o *inputOptions) withCollector(c *cli.Context, collector func() func(), ask func(context.Context, *store.Store) (printable, error)) error {
	defer collector()()
	s, err := openInput(c.Context, o.store, o.in.Value())
	if err != nil {
		return err
	}
	defer s.Close()
	// Every read of the answer in one snapshot: another process may write meanwhile.
	snap, err := s.Snapshot()
	if err != nil {
		return err
	}
	defer snap.Close()
	r, err := ask(c.Context, snap)
	if err != nil {
		return err
	}
	// One write a buffer, not one a line: the hub's 4,465 obligations were as many
	// system calls, 30 ms of a whole command on a machine where each costs 7 µs.
	w := bufio.NewWriterSize(c.App.Writer, 64<<10)
	if o.json {
		err = query.WriteJSON(w, r)
	} else {
		err = r.WriteText(w, termWidth())
	}
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	return err
}

// termWidth is the width text output wraps to: $COLUMNS when set, else a default.
func termWidth() int {
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 20 {
		return n
	}
	return query.DefaultWidth
}

// noArgs rejects positional arguments a command does not take.
func noArgs(c *cli.Context) error {
	if c.NArg() > 0 {
		return usagef("unexpected argument %q; flags go before arguments", c.Args().First())
	}
	return nil
}

func queryCommand() *cli.Command {
	return &cli.Command{
		Name:  "query",
		Usage: "answer questions about the graph: obligations, claims, stances, contested, neighbors, paths, timeline, Gizmo",
		Description: "Each query reads the store (--store) or, with --in, just the facts files given,\n" +
			"and prints a table, or stable JSON with --json. Ids may be given as names or aliases\n" +
			"when they match one item. See docs/query.md.",
		Subcommands: []*cli.Command{
			obligationsQuery(), claimsQuery(), stancesQuery(), contestedQuery(), neighborsQuery(), pathQuery(),
			timelineQuery(), gizmoQuery(),
		},
	}
}

type obligationsOptions struct {
	inputOptions
	between cli.StringSlice
	query.ObligationsOptions
}

func obligationsQuery() *cli.Command {
	var o obligationsOptions
	return &cli.Command{
		Name:      "obligations",
		Usage:     "who owes whom what, under which agreement, with status and condition",
		ArgsUsage: "[--between A B]",
		Description: "With --between A B, shows what A owes B beside what B owes A, and the balance:\n" +
			"how many duties each side owes the other, in force, absent, demanded and disputed.\n\n" +
			"Example:\n" +
			"   factgraph query obligations --between united-states japan\n" +
			"   factgraph query obligations --bearer japan --status absent --json",
		Flags: append(o.flags(), sourceFlag(&o.source),
			&cli.StringSliceFlag{Name: "between", Usage: "the obligations between party `A` and party B (B follows A)", Destination: &o.between},
			&cli.StringFlag{Name: "bearer", Usage: "only duties the party `ID` owes", Destination: &o.Bearer},
			&cli.StringFlag{Name: "status", Usage: "only duties with `STATUS`: in-force, absent, demanded or disputed", Destination: &o.Status},
		),
		Action: func(c *cli.Context) error {
			pair := append(o.between.Value(), c.Args().Slice()...)
			switch {
			case len(o.between.Value()) == 0:
				if err := noArgs(c); err != nil {
					return err
				}
			case len(pair) != 2:
				return usagef("--between takes two parties, got %d: %q", len(pair), pair)
			default:
				o.Between = [2]string{pair[0], pair[1]}
			}
			if err := o.ObligationsOptions.Check(); err != nil {
				return usageError{err}
			}
			o.TextOnly = !o.json
			return o.ask(c, func(ix *query.Index) (printable, error) { return ix.Obligations(o.ObligationsOptions) },
				func(ctx context.Context, s *store.Store) (printable, error) {
					return query.ObligationsIn(ctx, s, o.ObligationsOptions)
				})
		},
	}
}

type claimsOptions struct {
	inputOptions
	query.ClaimsOptions
}

func claimsQuery() *cli.Command {
	var o claimsOptions
	return &cli.Command{
		Name:  "claims",
		Usage: "each claim with the counterclaims that rebut it, nested, with who said what, when",
		Description: "Example:\n" +
			"   factgraph query claims --by donald-trump\n" +
			"   factgraph query claims --about japan-us-security-treaty-1960 --json\n\n" +
			"At most --limit threads are listed (100 unless given), contested claims first; the\n" +
			"output says how many more there are.",
		Flags: append(o.flags(), sourceFlag(&o.source),
			&cli.StringFlag{Name: "about", Usage: "only threads with an assertion about `ID`", Destination: &o.About},
			&cli.StringFlag{Name: "by", Usage: "only threads with an assertion by the party `ID`", Destination: &o.By},
			&cli.IntFlag{Name: "limit", Usage: "list at most `N` threads, in order, and count the rest (0: all)", Value: 100, Destination: &o.Limit},
		),
		Action: func(c *cli.Context) error {
			if err := noArgs(c); err != nil {
				return err
			}
			if o.Limit < 0 {
				return usagef("--limit must be 0 (all) or more, got %d", o.Limit)
			}
			o.TextOnly = !o.json
			return o.ask(c, func(ix *query.Index) (printable, error) { return ix.Claims(o.ClaimsOptions) },
				func(ctx context.Context, s *store.Store) (printable, error) {
					return query.ClaimsIn(ctx, s, o.ClaimsOptions)
				})
		},
	}
}

type neighborsOptions struct {
	inputOptions
	query.NeighborsOptions
}

func neighborsQuery() *cli.Command {
	var o neighborsOptions
	return &cli.Command{
		Name:      "neighbors",
		Usage:     "what is connected to an item, with the relation and its direction",
		ArgsUsage: "ID",
		Description: "Example:\n" +
			"   factgraph query neighbors japan\n" +
			"   factgraph query neighbors donald-trump --depth 2 --type claim\n\n" +
			"At most --limit links are listed (1000 unless given); the output says how many more\n" +
			"there are at the depth where the list stops, and which depths were not walked.",
		Flags: append(o.flags(), sourceFlag(&o.source),
			&cli.IntFlag{Name: "depth", Usage: "go `N` steps out", Value: 1, Destination: &o.Depth},
			&cli.StringFlag{Name: "type", Usage: "follow only the relation `T` (bearer, allied-with, ...) or reach only items of kind T (party, claim, ...)", Destination: &o.Type},
			&cli.IntFlag{Name: "limit", Usage: "list at most `N` links, nearest first, and count the rest (0: all)", Value: 1000, Destination: &o.Limit},
		),
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("neighbors takes one ID, got %d arguments", c.NArg())
			}
			if o.Depth < 1 {
				return usagef("--depth must be 1 or more, got %d", o.Depth)
			}
			if o.Limit < 0 {
				return usagef("--limit must be 0 (all) or more, got %d", o.Limit)
			}
			id := c.Args().First()
			return o.ask(c, func(ix *query.Index) (printable, error) { return ix.Neighbors(id, o.NeighborsOptions) },
				func(ctx context.Context, s *store.Store) (printable, error) {
					return query.NeighborsIn(ctx, s, id, o.NeighborsOptions)
				})
		},
	}
}

type pathOptions struct {
	inputOptions
	query.PathOptions
}

func pathQuery() *cli.Command {
	var o pathOptions
	return &cli.Command{
		Name:      "path",
		Usage:     "the shortest chain(s) of relations between two items, each step named",
		ArgsUsage: "FROM TO",
		Description: "Example:\n" +
			"   factgraph query path north-korea donald-trump\n" +
			"   factgraph query path nato japan --all --max 5",
		Flags: append(o.flags(), sourceFlag(&o.source),
			&cli.BoolFlag{Name: "all", Usage: "every shortest chain, not just the first", Destination: &o.All},
			&cli.IntFlag{Name: "max", Usage: "with --all, at most `N` chains", Value: 10, Destination: &o.Max},
		),
		Action: func(c *cli.Context) error {
			if c.NArg() != 2 {
				return usagef("path takes FROM and TO, got %d arguments", c.NArg())
			}
			if o.Max < 1 {
				return usagef("--max must be 1 or more, got %d", o.Max)
			}
			from, to := c.Args().Get(0), c.Args().Get(1)
			return o.ask(c, func(ix *query.Index) (printable, error) { return ix.Path(from, to, o.PathOptions) },
				func(ctx context.Context, s *store.Store) (printable, error) {
					return query.PathIn(ctx, s, from, to, o.PathOptions)
				})
		},
	}
}

type timelineOptions struct {
	inputOptions
	query.TimelineOptions
}

func timelineQuery() *cli.Command {
	var o timelineOptions
	return &cli.Command{
		Name:  "timeline",
		Usage: "every dated item in order, each date at the precision it was written in",
		Description: "A date written as a bare year sorts before the days within it and prints as a year.\n\n" +
			"Example:\n" +
			"   factgraph query timeline\n" +
			"   factgraph query timeline --from 1950 --to 1960-12",
		Flags: append(o.flags(), sourceFlag(&o.source),
			&cli.StringFlag{Name: "from", Usage: "only from `DATE` (YYYY, YYYY-MM or YYYY-MM-DD) on", Destination: &o.From},
			&cli.StringFlag{Name: "to", Usage: "only up to `DATE`, inclusive", Destination: &o.To},
		),
		Action: func(c *cli.Context) error {
			if err := noArgs(c); err != nil {
				return err
			}
			if err := o.TimelineOptions.Check(); err != nil {
				return usageError{fmt.Errorf("--%w", err)} // "--from: ...", as typed
			}
			return o.answer(c, func(g *graph.Graph) (printable, error) { return query.Timeline(g, o.TimelineOptions) })
		},
	}
}

type gizmoOptions struct {
	inputOptions
	store.GizmoOptions
}

func gizmoQuery() *cli.Command {
	var o gizmoOptions
	return &cli.Command{
		Name:      "gizmo",
		Usage:     "run a query in Cayley's Gizmo language straight against the store",
		ArgsUsage: "'g.V(\"<japan>\").Out().All()'",
		Description: "Prints one result a line as JSON, or all of them as one JSON document with --json.\n" +
			"The IRIs and predicates to query are in docs/model.md. A query stops with an error\n" +
			"after --timeout, when it makes the heap grow by more than 1 GiB, or at Ctrl-C.\n\n" +
			"Example:\n" +
			"   factgraph query gizmo 'g.V(\"<japan>\").In(\"<fg:bearer>\").Out(\"<fg:duty>\").All()'",
		Flags: append(o.flags(),
			&cli.IntFlag{Name: "limit", Usage: "stop after `N` results (0: the most, " + strconv.Itoa(store.MaxGizmoResults) + ")", Value: 1000, Destination: &o.Limit},
			&cli.DurationFlag{Name: "timeout", Usage: "stop the query after `DURATION`", Value: store.DefaultGizmoTimeout, Destination: &o.Timeout},
		),
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("gizmo takes one query, got %d arguments; quote it", c.NArg())
			}
			code := c.Args().First()
			return o.withStore(c, func(ctx context.Context, s *store.Store) (printable, error) {
				res, err := query.GizmoIn(ctx, s, code, o.GizmoOptions)
				if err == nil && res.Hint != "" {
					fmt.Fprintln(c.App.ErrWriter, "factgraph: "+res.Hint)
				}
				return res, err
			})
		},
	}
}
