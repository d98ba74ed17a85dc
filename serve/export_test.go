package serve

import (
	"context"
	"net/http"
)

// SearchedWhole says whether srv has read every name of its store for a search (searchAll),
// as it does on a store without a name index.
func SearchedWhole(srv *Server) bool {
	srv.namesMu.Lock()
	defer srv.namesMu.Unlock()
	return srv.names != nil
}

// AnswerError sends what srv sends for a request whose answer failed with err.
func AnswerError(srv *Server, w http.ResponseWriter, r *http.Request, err error) {
	srv.api(w, r, func(*request, context.Context, params) (any, error) { return nil, err })
}
