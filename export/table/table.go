package table

import (
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/factgraph/factgraph/export"
)

// The files WriteDir writes.
const (
	NodesFile = "nodes.csv"
	EdgesFile = "edges.csv"
)

// Gephi's column names, which its spreadsheet import recognises.
const (
	ColID     = "Id"
	ColLabel  = "Label"
	ColSource = "Source"
	ColTarget = "Target"
	ColType   = "Type" // edge direction: always "Directed"
	ColWeight = "Weight"
	// ColEdgeType holds an edge's type attribute (the relation type): Gephi reads a column
	// named type, in any case, as the edge's direction.
	ColEdgeType = "relation_type"
)

func init() {
	export.Register(export.Format{
		Name:        "csv",
		Description: "a folder with nodes.csv and edges.csv for Gephi's spreadsheet import",
		WriteDir:    WriteDir,
	})
}

// WriteDir writes g into the folder dir, which exists, as NodesFile and EdgesFile.
func WriteDir(dir string, g *export.Graph) error {
	if err := writeFile(filepath.Join(dir, NodesFile), g, WriteNodes); err != nil {
		return err
	}
	return writeFile(filepath.Join(dir, EdgesFile), g, WriteEdges)
}

func writeFile(path string, g *export.Graph, write func(io.Writer, *export.Graph) error) error {
	if err := export.WriteFile(path, func(w io.Writer) error { return write(w, g) }); err != nil {
		return fmt.Errorf("csv: %w", err)
	}
	return nil
}

// WriteNodes writes the nodes table: Id, Label, then the standard attributes and the
// extra ones, then color.
func WriteNodes(w io.Writer, g *export.Graph) error {
	fields, err := export.NodeFields(g)
	if err != nil {
		return fmt.Errorf("csv: %w", err)
	}
	header := []string{ColID}
	col := map[string]int{}
	for _, f := range fields {
		col[f.Name] = len(header)
		switch f.Name {
		case export.AttrLabel:
			header = append(header, ColLabel)
		default:
			header = append(header, f.Name)
		}
	}
	colorCol := len(header)
	header = append(header, export.AttrColor)
	cw := csv.NewWriter(w)
	writeRecord(cw, header)
	row := make([]string, len(header))
	var vals []export.Value
	for i := range g.Nodes {
		n := &g.Nodes[i]
		clear(row)
		row[0] = n.ID
		vals = export.NodeValues(vals[:0], n)
		for _, v := range vals {
			row[col[v.Name]] = v.Text
		}
		row[colorCol] = n.Color.Hex()
		writeRecord(cw, row)
	}
	return flush(cw)
}

// WriteEdges writes the edges table: Source, Target, Type (always Directed), Id, Label,
// Weight, then the other standard attributes (type as relation_type) and the extra ones,
// then color.
func WriteEdges(w io.Writer, g *export.Graph) error {
	fields, err := export.EdgeFields(g)
	if err != nil {
		return fmt.Errorf("csv: %w", err)
	}
	header := []string{ColSource, ColTarget, ColType, ColID, ColLabel, ColWeight}
	col := map[string]int{export.AttrLabel: 4, export.AttrWeight: 5}
	for _, f := range fields {
		switch f.Name {
		case export.AttrLabel, export.AttrWeight:
		case export.AttrType:
			col[f.Name] = len(header)
			header = append(header, ColEdgeType)
		default:
			col[f.Name] = len(header)
			header = append(header, f.Name)
		}
	}
	colorCol := len(header)
	header = append(header, export.AttrColor)
	cw := csv.NewWriter(w)
	writeRecord(cw, header)
	row := make([]string, len(header))
	var vals []export.Value
	for i := range g.Edges {
		e := &g.Edges[i]
		clear(row)
		row[0], row[1], row[2], row[3] = e.From, e.To, "Directed", e.ID
		if vals, err = export.EdgeValues(vals[:0], e); err != nil {
			return fmt.Errorf("csv: %w", err)
		}
		for _, v := range vals {
			row[col[v.Name]] = v.Text
		}
		row[colorCol] = e.Color.Hex()
		writeRecord(cw, row)
	}
	return flush(cw)
}

// writeRecord writes a row, every field made valid UTF-8 (each bad byte becomes U+FFFD):
// a CSV file has one encoding; and every field a spreadsheet would run as a formula
// neutralised (see neutralise). Errors stay in cw for flush.
func writeRecord(cw *csv.Writer, row []string) {
	for i, s := range row {
		if !utf8.ValidString(s) {
			s = string([]rune(s))
		}
		row[i] = neutralise(s)
	}
	cw.Write(row)
}

// formulaStart holds the first characters that make Excel, LibreOffice or Google Sheets
// read a cell as a formula (or, for tab and carriage return, hide such a start), per
// OWASP's advice on CSV injection (https://owasp.org/www-community/attacks/CSV_Injection).
const formulaStart = "=+-@\t\r"

// neutralise puts a single quote before a cell that starts with one of formulaStart, so that
// a spreadsheet shows "=cmd|' /C calc'!A0" as text instead of running it. Such a cell then
// reads back with the quote in front; nothing else changes.
func neutralise(s string) string {
	if s != "" && strings.IndexByte(formulaStart, s[0]) >= 0 {
		return "'" + s
	}
	return s
}

func flush(cw *csv.Writer) error {
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("csv: %w", err)
	}
	return nil
}
