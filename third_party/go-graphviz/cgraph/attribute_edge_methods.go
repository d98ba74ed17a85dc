package cgraph

// Label returns label attribute.
func (e *Edge) Label() string {
	return e.GetStr(string(labelAttr))
}
