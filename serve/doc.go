// Package serve is factgraph serve: a read-only web server of one store that sends the page
// of export/html and answers the page's requests for what it shows, through the store's
// targeted reads, so that a store far too large to send whole is explored a neighbourhood
// at a time. docs/browser.md describes it for users.
//
// Requests (GET only; every answer JSON, every error {"error": message} with status 400 for
// a parameter the page got wrong and 404 for an id the store does not hold):
//
//	/                                   the page
//	/api/graph?view=V&focus=ID&depth=N&limit=N&page=N
//	                                    a view laid out: around focus, the page-th limit of its
//	                                    links up to depth steps, nearest first; without focus,
//	                                    the whole store when it holds at most WholeSources
//	                                    sources, else an empty view with a note
//	/api/item?id=ID                     the item whole, the names of what it refers to, a
//	                                    claim's thread, and their sources
//	/api/text?source=ID                 a source and its text, read next to its facts file
//	/api/search?q=TEXT&limit=N          items whose id, name or alias is TEXT or starts with it
//
// It listens on 127.0.0.1 unless told otherwise, refuses requests that name another host
// (DNS rebinding), and sends a Content-Security-Policy with everything.
package serve
