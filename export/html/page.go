package html

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"strings"
	"sync"
)

// The page's own code, and the files of the npm packages it is built on, copied unmodified
// from the versions web/third_party/package-lock.json pins (web/third_party/README.md).
//
//go:embed web/page.html web/page.css web/util.js web/data.js web/shapes.js web/panel.js web/page.js
//go:embed web/third_party/graphology/dist/graphology.umd.min.js
//go:embed web/third_party/sigma/dist/sigma.min.js
//go:embed web/third_party/graphology-utils/is-graph.js web/third_party/graphology-utils/getters.js
//go:embed web/third_party/graphology-layout-forceatlas2/worker.js web/third_party/graphology-layout-forceatlas2/webworker.js
//go:embed web/third_party/graphology-layout-forceatlas2/helpers.js web/third_party/graphology-layout-forceatlas2/defaults.js
var web embed.FS

// modules are the CommonJS files the page loads with its own require (web/page.js's
// factgraphRequire), by the name they are required by: ForceAtlas2's web worker and what it
// requires. They have no browser build of their own; wrapping each in a function is all a
// bundler would do to them.
var modules = []string{
	"graphology-utils/is-graph.js",
	"graphology-utils/getters.js",
	"graphology-layout-forceatlas2/defaults.js",
	"graphology-layout-forceatlas2/helpers.js",
	"graphology-layout-forceatlas2/webworker.js",
	"graphology-layout-forceatlas2/worker.js",
}

// Page is the page's parts, assembled once: its markup, style and scripts, and the
// Content-Security-Policy that lets exactly those scripts and that style run.
type Page struct {
	head, body string   // markup around the data
	scripts    []string // inline scripts, in order
	style      string
	hashes     []string // 'sha256-...' of each script, then of the style
}

var (
	pageOnce sync.Once
	page     *Page
	pageErr  error
)

// thePage returns the assembled page.
func thePage() (*Page, error) {
	pageOnce.Do(func() { page, pageErr = assemble() })
	return page, pageErr
}

func assemble() (*Page, error) {
	read := func(name string) (string, error) {
		b, err := web.ReadFile("web/" + name)
		if err != nil {
			return "", err
		}
		s := string(b)
		// Inside a <script> or <style> element these would end it early, or start HTML's
		// escaped-script state; none of the files has them, and none may.
		low := strings.ToLower(s)
		if strings.Contains(low, "</script") || strings.Contains(low, "<!--") || strings.Contains(low, "</style") {
			return "", fmt.Errorf("html: web/%s holds text that would end its element", name)
		}
		return s, nil
	}
	p := &Page{}
	var err error
	if p.style, err = read("page.css"); err != nil {
		return nil, err
	}
	markup, err := read("page.html")
	if err != nil {
		return nil, err
	}
	head, body, ok := strings.Cut(markup, "{{data}}")
	if !ok {
		return nil, fmt.Errorf("html: web/page.html has no {{data}} mark")
	}
	p.head, p.body = head, body
	for _, name := range []string{"third_party/graphology/dist/graphology.umd.min.js", "third_party/sigma/dist/sigma.min.js"} {
		s, err := read(name)
		if err != nil {
			return nil, err
		}
		p.scripts = append(p.scripts, s)
	}
	var mods strings.Builder
	mods.WriteString("(function () {\n  var defs = window.factgraphModules = window.factgraphModules || {};\n")
	for _, name := range modules {
		s, err := read("third_party/" + name)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&mods, "  defs[%q] = function (module, exports, require) {\n%s\n};\n", name, s)
	}
	mods.WriteString("})();\n")
	p.scripts = append(p.scripts, mods.String())
	for _, name := range []string{"util.js", "data.js", "shapes.js", "panel.js", "page.js"} {
		s, err := read(name)
		if err != nil {
			return nil, err
		}
		p.scripts = append(p.scripts, s)
	}
	for _, s := range append(append([]string(nil), p.scripts...), p.style) {
		sum := sha256.Sum256([]byte(s))
		p.hashes = append(p.hashes, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
	}
	return p, nil
}

// CSP is the Content-Security-Policy of the page: nothing but its own scripts and style,
// the web worker the layout starts from a Blob, and, served, requests to its own server.
func (p *Page) CSP(mode string) string {
	n := len(p.scripts)
	connect := "'none'"
	if mode == ModeServe {
		connect = "'self'"
	}
	return "default-src 'none'; script-src " + strings.Join(p.hashes[:n], " ") +
		"; style-src " + p.hashes[n] + "; img-src data:; worker-src blob:; connect-src " + connect +
		"; base-uri 'none'; form-action 'none'"
}

// WritePage writes the page that shows d: one HTML document that holds everything it
// needs. Every text of d is written inside JSON in a <script type="application/json">
// element, with <, >, & and U+2028/U+2029 escaped, so no text can end the element; the page
// puts each text in the document as text, never as markup.
func WritePage(w io.Writer, d *Data) error {
	return writePage(w, d, nil)
}

// writePage writes the page of d, with more members of the data object written by more
// after d's own.
func writePage(w io.Writer, d *Data, more func(*dataWriter) error) error {
	p, err := thePage()
	if err != nil {
		return err
	}
	var head bytes.Buffer
	enc := json.NewEncoder(&head)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(d); err != nil {
		return fmt.Errorf("html: %w", err)
	}
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta http-equiv=\"Content-Security-Policy\" content=\"" + html.EscapeString(p.CSP(d.Mode)) + "\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<meta name=\"generator\" content=\"factgraph\">\n")
	b.WriteString("<title>" + html.EscapeString(d.Title) + "</title>\n")
	b.WriteString("<style>" + p.style + "</style>\n</head>\n")
	b.WriteString(p.head)
	b.WriteString("<script type=\"application/json\" id=\"fg-data\">")
	// d's members, then more's, then the end of the object.
	b.Write(bytes.TrimSuffix(bytes.TrimRight(head.Bytes(), "\n"), []byte("}")))
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	if more != nil {
		dw := &dataWriter{w: w, enc: json.NewEncoder(w)}
		dw.enc.SetEscapeHTML(true)
		if err := more(dw); err != nil {
			return err
		}
		if dw.err != nil {
			return dw.err
		}
	}
	b.Reset()
	b.WriteString("}</script>\n")
	for _, s := range p.scripts {
		b.WriteString("<script>" + s + "</script>\n")
	}
	b.WriteString(p.body)
	_, err = io.WriteString(w, b.String())
	return err
}

// PageCSP is the Content-Security-Policy of the page in the given mode, for a server to send
// as a header besides the one the page carries.
func PageCSP(mode string) (string, error) {
	p, err := thePage()
	if err != nil {
		return "", err
	}
	return p.CSP(mode), nil
}
