package boltstore

import (
	"hash/maphash"
	"testing"

	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
)

// TestBulkNodeKeys checks that a bulk load tells values apart by kind and parts, also when
// the hashes of two value keys collide, and merges values Cayley hashes alike.
func TestBulkNodeKeys(t *testing.T) {
	l := &bulkLoader{seed: maphash.MakeSeed(), byKey: map[uint64]int32{}, byKeyMore: map[string]int32{}, byHash: map[refs.ValueHash]int32{}}
	values := []quad.Value{
		quad.IRI("a"), quad.String("a"), quad.BNode("a"),
		quad.TypedString{Value: "ab", Type: "c"}, quad.TypedString{Value: "b", Type: "ac"},
		quad.LangString{Value: "ab", Lang: "c"}, quad.LangString{Value: "b", Lang: "ac"},
		quad.Int(5),
	}
	nodes := map[int32]bool{}
	for _, v := range values {
		n, err := l.node(v)
		if err != nil {
			t.Fatal(err)
		}
		if nodes[n] {
			t.Errorf("%#v got node %d of another value", v, n)
		}
		nodes[n] = true
		if again, _ := l.node(v); again != n {
			t.Errorf("%#v: node %d, then %d", v, n, again)
		}
	}
	// Make the key of a new value collide with the key of the first.
	v := quad.IRI("collides")
	l.byKey[maphash.Bytes(l.seed, appendValueKey(nil, v))] = 0
	n, err := l.node(v)
	if err != nil || n == 0 || nodes[n] {
		t.Errorf("value whose key hash collides got node %d (%v), want a new one", n, err)
	}
	if again, _ := l.node(v); again != n {
		t.Errorf("colliding value: node %d, then %d", n, again)
	}
	if first, _ := l.node(values[0]); first != 0 {
		t.Errorf("first value after a collision: node %d, want 0", first)
	}
	// Cayley hashes a value by its N-Quads form: an int and the typed string it writes as
	// are one value.
	typed := quad.TypedString{Value: "5", Type: "http://www.w3.org/2001/XMLSchema#integer"}
	if refs.HashOf(typed) == refs.HashOf(quad.Int(5)) {
		if a, b := mustNode(t, l, typed), mustNode(t, l, quad.Int(5)); a != b {
			t.Errorf("values Cayley hashes alike got nodes %d and %d", a, b)
		}
	}
}

func mustNode(t *testing.T, l *bulkLoader, v quad.Value) int32 {
	t.Helper()
	n, err := l.node(v)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
