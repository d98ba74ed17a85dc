// Package html writes the graph as one self-contained HTML page that explores it in a
// browser: every view laid out and drawn with sigma.js on graphology, the legend, search by
// name or alias, filters by kind, source and obligation status, a time slider, and a side
// panel with every field of an item, its sources and each quote highlighted in its paragraph
// of the source text. docs/browser.md describes the page for users.
//
// The page is the same whether written to a file (Write, registered as the format "html")
// or sent by factgraph serve (package serve), which fills it part by part from a store: Data
// is what it shows, in the JSON it reads. Its scripts are web/util.js, data.js, shapes.js,
// panel.js and page.js, plain JavaScript that no tool builds, and files of the npm packages
// sigma, graphology, graphology-layout-forceatlas2 and graphology-utils, copied unmodified
// from the versions web/third_party/package-lock.json pins; the Go program embeds them all,
// so building factgraph needs no Node.js.
//
// Safety: every text of the facts is written as JSON inside a script element of type
// application/json, with <, >, & and U+2028/U+2029 escaped, and the page puts it in the
// document as text (textContent), never as markup. A Content-Security-Policy allows only the
// page's own scripts (by hash) and style, and no network except, served, its own server.
package html
