package cgraph

// Label returns label attribute.
func (g *Graph) Label() string {
	return g.GetStr(string(labelAttr))
}
