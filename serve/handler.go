package serve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/factgraph/factgraph/export"
	"github.com/factgraph/factgraph/store"
	"github.com/factgraph/factgraph/store/pgstore"
)

// Handler answers the page's requests: the page at /, its data under /api/. Every other
// path is not found; paths are matched as they come, never cleaned, so no path reaches a
// file. Only GET and HEAD are served: the server never writes.
func (srv *Server) Handler() http.Handler { return http.HandlerFunc(srv.serveHTTP) }

func (srv *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", srv.csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		fail(w, http.StatusMethodNotAllowed, "factgraph serve only reads: use GET")
		return
	}
	// A page on another site may not reach a server on this machine through a name that
	// resolves here (DNS rebinding): it would send that name as the host.
	if Loopback(srv.opts.Addr) && !localHost(r.Host) {
		fail(w, http.StatusBadRequest, fmt.Sprintf("host %q is not this machine; open the page at http://%s/", r.Host, srv.opts.Addr))
		return
	}
	switch r.URL.Path {
	case "/":
		if r.URL.RawQuery != "" {
			fail(w, http.StatusBadRequest, "the page takes no parameters")
			return
		}
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Content-Length", strconv.Itoa(len(srv.page)))
		if r.Method == http.MethodGet {
			w.Write(srv.page)
		}
	case "/api/graph":
		srv.api(w, r, (*request).graph, "view", "focus", "depth", "limit", "page")
	case "/api/item":
		srv.api(w, r, (*request).item, "id")
	case "/api/text":
		srv.api(w, r, (*request).text, "source")
	case "/api/search":
		srv.api(w, r, (*request).search, "q", "limit")
	default:
		fail(w, http.StatusNotFound, "not found")
	}
}

// localHost says whether a Host header names this machine.
func localHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// badRequest is a parameter the page got wrong (400); notFound an id the store does not
// hold (404).
type badRequest struct{ msg string }

func (e *badRequest) Error() string { return e.msg }

type notFound struct{ msg string }

func (e *notFound) Error() string { return e.msg }

func badf(format string, args ...any) error { return &badRequest{fmt.Sprintf(format, args...)} }

// request answers one request: the server, and a snapshot of its store that every read
// of the answer goes through (store.Snapshot), so that they all see the same writes.
type request struct {
	*Server
	s *store.Store
}

// api runs an answer with its parameters checked, from a snapshot of the store, and sends
// it as JSON.
func (srv *Server) api(w http.ResponseWriter, r *http.Request, answer func(*request, context.Context, params) (any, error), allowed ...string) {
	q, err := parseParams(r.URL.RawQuery, allowed)
	if err != nil {
		fail(w, http.StatusBadRequest, err.Error())
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), time.Minute)
	defer cancel()
	select {
	case srv.sem <- struct{}{}:
		defer func() { <-srv.sem }()
	case <-ctx.Done():
		fail(w, http.StatusServiceUnavailable, "the server is busy; try again")
		return
	}
	var v any
	snap, err := srv.s.Snapshot()
	if err == nil {
		v, err = answer(&request{Server: srv, s: snap}, ctx, q)
		snap.Close()
	}
	var bad *badRequest
	var nf *notFound
	switch {
	case errors.As(err, &bad):
		fail(w, http.StatusBadRequest, bad.msg)
		return
	case errors.As(err, &nf):
		fail(w, http.StatusNotFound, nf.msg)
		return
	case errors.Is(err, context.DeadlineExceeded):
		fail(w, http.StatusServiceUnavailable, "the answer took too long; ask for less (a smaller depth or limit)")
		return
	case errors.Is(err, store.ErrTooMany):
		fail(w, http.StatusServiceUnavailable, "too many items to read for this answer; ask for less (a smaller depth or limit)")
		return
	case err != nil:
		err = pgstore.Explain(err) // a pooler's mode: what to do about it
		srv.logf("%s: %v", r.URL.RequestURI(), err)
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	var b []byte
	if raw, ok := v.(json.RawMessage); ok {
		b = raw
	} else if b, err = json.Marshal(v); err != nil {
		srv.logf("%s: %v", r.URL.RequestURI(), err)
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	if r.Method == http.MethodGet {
		w.Write(b)
	}
}

// fail sends an error as JSON: {"error": message}.
func fail(w http.ResponseWriter, status int, msg string) {
	b, _ := json.Marshal(map[string]string{"error": msg})
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b)
}

// params are a request's parameters, each given at most once.
type params map[string]string

// MaxParam is the longest parameter value taken, in bytes.
const MaxParam = 256

func parseParams(raw string, allowed []string) (params, error) {
	vals, err := url.ParseQuery(raw)
	if err != nil {
		return nil, badf("the parameters do not parse: %v", err)
	}
	out := params{}
	for k, vs := range vals {
		if !slices.Contains(allowed, k) {
			return nil, badf("unknown parameter %q; this request takes: %s", k, strings.Join(allowed, ", "))
		}
		if len(vs) > 1 {
			return nil, badf("parameter %q given %d times; give it once", k, len(vs))
		}
		v := vs[0]
		if len(v) > MaxParam {
			return nil, badf("parameter %q is longer than %d bytes", k, MaxParam)
		}
		if !utf8.ValidString(v) || strings.IndexFunc(v, unicode.IsControl) >= 0 {
			return nil, badf("parameter %q holds a byte that is not text", k)
		}
		out[k] = v
	}
	return out, nil
}

// int reads the integer parameter name, def when absent, which must lie in [lo, hi].
func (p params) int(name string, def, lo, hi int) (int, error) {
	s, ok := p[name]
	if !ok {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, badf("%s %q is not a whole number; give %d to %d", name, s, lo, hi)
	}
	if n < lo || n > hi {
		return 0, badf("%s %d is out of range; give %d to %d", name, n, lo, hi)
	}
	return n, nil
}

// required reads a parameter that must be given and not empty.
func (p params) required(name string) (string, error) {
	if p[name] == "" {
		return "", badf("parameter %q is missing: give the id", name)
	}
	return p[name], nil
}

func (p params) view(def string) (string, error) {
	v, ok := p["view"]
	if !ok || v == "" {
		return def, nil
	}
	if !validView(v) {
		return "", badf("unknown view %q; use one of: %s", v, strings.Join(export.Views, ", "))
	}
	return v, nil
}

func validView(v string) bool { return slices.Contains(export.Views, v) }
