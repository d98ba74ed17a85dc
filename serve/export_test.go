package serve

// SearchedWhole says whether srv has read every name of its store for a search (searchAll),
// as it does on a store without a name index.
func SearchedWhole(srv *Server) bool {
	srv.namesMu.Lock()
	defer srv.namesMu.Unlock()
	return srv.names != nil
}
