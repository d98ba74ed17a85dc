package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/export/html"
	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/internal/sourcetext"
	"github.com/factgraph/factgraph/store"
)

// Defaults and bounds of the options and of the parameters a page may ask with.
const (
	DefaultAddr  = "127.0.0.1:8080"
	DefaultLimit = 200  // links of a focus answer, when the page does not say
	MaxLimit     = 2000 // links a page may ask for at once
	MaxDepth     = 3    // steps out from a focus a page may ask for
	// WholeSources is the most sources a store may hold for the page to start on its whole
	// graph; a larger one starts from a focus, or a search.
	WholeSources = 50
)

// Options say what to serve and how.
type Options struct {
	Addr  string // where to listen; DefaultAddr when empty
	View  string // the view the page starts on; export.ViewFull when empty
	Focus string // the item the page starts around; none when empty
	Depth int    // steps out from Focus; 1 when 0
	Limit int    // links of a focus answer; DefaultLimit when 0
	// Texts gives the sources' texts when it is known before the server starts (facts files
	// given); else Facts names the facts files or folders the store was built from, which
	// New reads in the background to find each source's text.
	Texts export.TextSource
	Facts []string
	// Log receives a line for each request that failed on the server's side; nil: none.
	Log io.Writer
}

// Server answers the page's requests from one store, read-only.
type Server struct {
	s     *store.Store
	opts  Options
	page  []byte
	csp   string
	texts export.TextSource
	ready chan struct{} // closed when texts is known
	scan  error         // why the facts files could not be read, once ready

	sem chan struct{} // bounds the reads under way

	mu      sync.Mutex
	sources int               // how many sources the store holds; -1 until read
	views   map[string][]byte // whole views of a small store, as sent

	namesMu sync.Mutex
	names   []nameEntry // every name, for a store without a name index; nil until read

	agreementsMu sync.Mutex
	agreements   map[string]*graph.Agreement // read whole for the time slider; nil: not in the store
	revisers     map[string][]string         // agreement id -> the agreements that revise it
}

// New makes a server of the store s, which it does not close. It checks the options and,
// when opts.Facts is set, starts reading the facts files for their texts.
func New(ctx context.Context, s *store.Store, opts Options) (*Server, error) {
	if opts.Addr == "" {
		opts.Addr = DefaultAddr
	}
	if opts.View == "" {
		opts.View = export.ViewFull
	}
	if !validView(opts.View) {
		return nil, fmt.Errorf("unknown view %q; use one of: %s", opts.View, strings.Join(export.Views, ", "))
	}
	if opts.Depth == 0 {
		opts.Depth = 1
	}
	if opts.Depth < 1 || opts.Depth > MaxDepth {
		return nil, fmt.Errorf("depth %d is out of range; give 1 to %d", opts.Depth, MaxDepth)
	}
	if opts.Limit == 0 {
		opts.Limit = DefaultLimit
	}
	if opts.Limit < 1 || opts.Limit > MaxLimit {
		return nil, fmt.Errorf("limit %d is out of range; give 1 to %d", opts.Limit, MaxLimit)
	}
	srv := &Server{s: s, opts: opts, ready: make(chan struct{}), sem: make(chan struct{}, 4), sources: -1, views: map[string][]byte{},
		agreements: map[string]*graph.Agreement{}, revisers: map[string][]string{}}
	if opts.Focus != "" {
		if _, ok, err := s.Lookup(ctx, opts.Focus); err != nil {
			return nil, err
		} else if !ok {
			return nil, fmt.Errorf("no item %q in store %q to start around; find its id with factgraph query neighbors or stats", opts.Focus, s.Shown())
		}
	}
	d := &html.Data{
		Version: 1, Title: "factgraph - " + s.Shown(), Mode: html.ModeServe, View: opts.View,
		Focus: opts.Focus, Style: html.PageStyle(),
	}
	if opts.Focus != "" {
		d.Depth = opts.Depth
	}
	var page bytes.Buffer
	if err := html.WritePage(&page, d); err != nil {
		return nil, err
	}
	srv.page = page.Bytes()
	csp, err := html.PageCSP(html.ModeServe)
	if err != nil {
		return nil, err
	}
	srv.csp = csp + "; frame-ancestors 'none'"
	switch {
	case opts.Texts != nil:
		srv.texts = opts.Texts
		close(srv.ready)
	case len(opts.Facts) > 0:
		go func() {
			defer close(srv.ready)
			files, err := sourcetext.Scan(ctx, opts.Facts)
			if err != nil {
				srv.scan = err
				srv.logf("read facts files for their texts: %v", err)
				return
			}
			srv.texts = files
		}()
	default:
		close(srv.ready)
	}
	return srv, nil
}

func (srv *Server) logf(format string, args ...any) {
	if srv.opts.Log != nil {
		fmt.Fprintf(srv.opts.Log, "factgraph serve: "+format+"\n", args...)
	}
}

// ListenAndServe listens on the options' address and serves until ctx ends, then stops
// taking requests and waits a little for those under way. It calls started with the page's
// address once it listens.
func (srv *Server) ListenAndServe(ctx context.Context, started func(url string)) error {
	ln, err := net.Listen("tcp", srv.opts.Addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w; pass another --addr, such as 127.0.0.1:8081", srv.opts.Addr, err)
	}
	hs := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	if started != nil {
		started("http://" + ln.Addr().String() + "/")
	}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		stop, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := hs.Shutdown(stop); err != nil && !errors.Is(err, context.DeadlineExceeded) {
			return err
		}
		return nil
	}
}

// Loopback says whether addr listens on this machine only.
func Loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
