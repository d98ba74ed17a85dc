package pgstore

import (
	"encoding/binary"
	"net/url"

	"github.com/lib/pq"
)

// The arrays of keys a Reader sends (the ids of a layer of a path search, the hashes of
// the values of a hub's obligations) go in PostgreSQL's binary format for arrays, which
// the server reads element by element as they are, where lib/pq's text arrays are quoted
// (and hashes written in hex) by the client and parsed back by the server: 1.7 ms less
// for a statement with 8,171 ids and for one with 3,541 hashes (the median of 41 runs
// each in turn, on the store of 10,000 articles); as whole commands, every default form
// took 2 to 24 ms less in a round in a slow hour (docs/postgres-queries.md). The driver
// sends a []byte parameter as it is when the connection sends parameters in binary
// (connString, DB.binary); on one whose URL turns that off, the arrays go as text.

// PostgreSQL's type identifiers (pg_type.oid) of the arrays' elements.
const (
	textOID  = 25
	byteaOID = 17
)

// arrayParam returns keys, a []string or a [][]byte, as the parameter of a text[] or
// bytea[] array: in the binary format when inBinary is true, else as lib/pq's text array.
func arrayParam(inBinary bool, keys any) any {
	if inBinary {
		switch k := keys.(type) {
		case []string:
			return binaryArray(textOID, k)
		case [][]byte:
			return binaryArray(byteaOID, k)
		}
	}
	return pq.Array(keys)
}

// binaryArray is the binary format of a one-dimensional array of keys, elements of the
// type oid, none of them NULL (PostgreSQL's array_recv): the number of dimensions, whether
// it holds NULLs, the elements' type, the length and lower bound of the dimension, then
// each element's length and bytes.
func binaryArray[K string | []byte](oid uint32, keys []K) []byte {
	size := 20
	for _, k := range keys {
		size += 4 + len(k)
	}
	b := make([]byte, 0, size)
	b = binary.BigEndian.AppendUint32(b, 1)
	b = binary.BigEndian.AppendUint32(b, 0)
	b = binary.BigEndian.AppendUint32(b, oid)
	b = binary.BigEndian.AppendUint32(b, uint32(len(keys)))
	b = binary.BigEndian.AppendUint32(b, 1)
	for _, k := range keys {
		b = binary.BigEndian.AppendUint32(b, uint32(len(k)))
		b = append(b, k...)
	}
	return b
}

// sendsBinary says whether connections opened with cs, a connection string connString
// made, send []byte parameters as they are.
func sendsBinary(cs string) bool {
	u, err := url.Parse(cs)
	return err == nil && u.Query().Get("binary_parameters") == "yes"
}

// array returns keys, a []string or a [][]byte, as the parameter of an array for the
// Reader's connection (arrayParam).
func (rd *Reader) array(keys any) any { return arrayParam(rd.binary, keys) }
