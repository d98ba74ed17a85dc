package graph

// Counts says how many items of each kind a source states, and how many quads hold them.
type Counts struct {
	Parties, Agreements, Events, Obligations, Claims, Counterclaims, Relations, Quads int
}

// Counts says how many items of each kind f states; Quads is left for the store to fill.
func (f *Facts) Counts() Counts {
	return Counts{
		Parties:       len(f.Parties),
		Agreements:    len(f.Agreements),
		Events:        len(f.Events),
		Obligations:   len(f.Obligations),
		Claims:        len(f.Claims),
		Counterclaims: len(f.Counterclaims),
		Relations:     len(f.Relations),
	}
}
