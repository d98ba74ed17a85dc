package ingest

import (
	"github.com/factgraph/factgraph/graph"
)

// Imported is a source's facts read from elsewhere than a facts file, such as the quads of
// an N-Quads file: Name says where, for messages ("all.nq, source nato-spending").
type Imported struct {
	Name  string
	Facts *graph.Facts
}

// checkImported checks imported facts by every rule a facts file obeys, written out as
// one (marshal) and read back: ids, kinds, required fields, names and references across
// them, the files and the store. Quotes are not checked against the source's text, which
// an import does not carry. Problems name the import and the item; a line of the written
// file would mean nothing to the reader, so they have none.
func checkImported(imported []Imported) []*parsed {
	out := make([]*parsed, 0, len(imported))
	for _, im := range imported {
		f := *im.Facts
		f.Source.Text = ""
		pf := parseFile(im.Name, marshal(&f), nil)
		for _, p := range pf.probs {
			p.Line, p.Column = 0, 0
		}
		out = append(out, pf)
	}
	return out
}
