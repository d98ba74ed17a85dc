package cgraph
