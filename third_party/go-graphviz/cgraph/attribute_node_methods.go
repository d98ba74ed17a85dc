package cgraph

func (n *Node) FixedSize() bool {
	return n.GetStr(string(fixedSizeAttr)) == toBoolString(true)
}

func (n *Node) ImageScale() ImageScale {
	v := n.GetStr(string(imageScaleAttr))
	if v == "" {
		return ImageScaleDefault
	}
	return ImageScale(v)
}

// Label returns label attribute.
func (n *Node) Label() string {
	return n.GetStr(string(labelAttr))
}
