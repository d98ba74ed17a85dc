// Package table writes an exported graph as two CSV tables (RFC 4180, UTF-8, LF line
// ends), a nodes table and an edges table, in the shape Gephi's spreadsheet import expects
// (Data Laboratory > Import Spreadsheet; https://gephi.org/users/supported-graph-formats/csv-format/):
//
//	nodes.csv: Id,Label,kind,type,date,precision,status,since,until,source,quote,<extra...>,color
//	edges.csv: Source,Target,Type,Id,Label,Weight,kind,relation_type,date,...,dashed,<extra...>,color
//
// The attributes have the names every format uses, except where Gephi's own column names
// take over: Id and Label (capitalised, as Gephi wants them), Weight, and an edge's type
// attribute, written as relation_type because Gephi reads a column named Type (in any
// case) as the edge's direction, which is always Directed here. A cell is empty where the
// item has no such attribute. Colours are "#RRGGBB". CSV carries every character, line
// breaks and control characters included (fields are quoted as needed); only bytes that
// are not UTF-8 become U+FFFD. A cell that starts with "=", "+", "-", "@", a tab or a
// carriage return, which a spreadsheet would run as a formula (CSV injection), is written
// with a single quote in front, as OWASP advises; a program reading the tables back drops
// that one quote from such cells.
//
// The format is registered as "csv" and writes a folder: WriteDir writes nodes.csv and
// edges.csv into it. WriteNodes and WriteEdges write either table to any io.Writer, for
// callers that want two files of their own naming.
package table
