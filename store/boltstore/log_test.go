package boltstore

import (
	"context"
	"encoding/binary"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/boltdb/bolt"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"github.com/factgraph/factgraph/store/model"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
	"google.golang.org/protobuf/proto"
)

// logDB writes a key-value database in Cayley's layout by hand: the given log entries, with
// the horizon at the highest id when horizon is 0.
func logDB(t *testing.T, prims []*cproto.Primitive, raw map[uint64][]byte, horizon uint64) hkv.KV {
	t.Helper()
	db, err := hbolt.Open(filepath.Join(t.TempDir(), "log.db"), &bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ctx := context.Background()
	var top, size uint64
	err = hkv.Update(ctx, db, func(tx hkv.Tx) error {
		for _, b := range []string{"meta", "log"} {
			if err := hkv.CreateBucket(ctx, tx, hkv.Key{[]byte(b)}); err != nil {
				return err
			}
		}
		put := func(id uint64, v []byte) error {
			top = max(top, id)
			k := make([]byte, 8)
			binary.BigEndian.PutUint64(k, id)
			return tx.Put(ctx, logBucket.AppendBytes(k), v)
		}
		for _, p := range prims {
			if len(p.Value) == 0 && !p.Deleted {
				size++
			}
			b, err := proto.Marshal(p)
			if err != nil {
				return err
			}
			if err := put(p.ID, b); err != nil {
				return err
			}
		}
		for id, b := range raw {
			if err := put(id, b); err != nil {
				return err
			}
		}
		if horizon == 0 {
			horizon = top
		}
		// bolt holds on to a value until the commit: one buffer each
		if err := tx.Put(ctx, horizonKey, binary.LittleEndian.AppendUint64(nil, horizon)); err != nil {
			return err
		}
		return tx.Put(ctx, sizeKey, binary.LittleEndian.AppendUint64(nil, size))
	})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func valuePrim(t *testing.T, id uint64, v quad.Value) *cproto.Primitive {
	t.Helper()
	b, err := pquads.MarshalValue(v)
	if err != nil {
		t.Fatal(err)
	}
	return &cproto.Primitive{ID: id, Value: b, Timestamp: 1}
}

func quadsOf(t *model.Table) []quad.Quad {
	out := make([]quad.Quad, len(t.Quads))
	for i, q := range t.Quads {
		out[i] = quad.Quad{Subject: t.Values[q[0]], Predicate: t.Values[q[1]], Object: t.Values[q[2]], Label: t.Values[q[3]]}
	}
	return out
}

// TestReadLog covers what stores written by Cayley seldom show: a quad logged before its
// values, removed quads, entries above the horizon, and damaged logs.
func TestReadLog(t *testing.T) {
	japan, name, nippon, label := quad.IRI("japan"), quad.IRI("fg:name"), quad.String("Nippon"), quad.IRI("source/a")
	tests := []struct {
		name    string
		prims   func(t *testing.T) []*cproto.Primitive
		raw     map[uint64][]byte
		horizon uint64
		want    []quad.Quad
		wantErr string
	}{
		{
			name: "quad before its values",
			prims: func(t *testing.T) []*cproto.Primitive {
				return []*cproto.Primitive{
					{ID: 1, Subject: 3, Predicate: 4, Object: 5, Label: 6, Timestamp: 1},
					valuePrim(t, 2, quad.String("unused")),
					valuePrim(t, 3, japan), valuePrim(t, 4, name), valuePrim(t, 5, nippon), valuePrim(t, 6, label),
					{ID: 7, Subject: 3, Predicate: 4, Object: 2},
				}
			},
			want: []quad.Quad{
				{Subject: japan, Predicate: name, Object: nippon, Label: label},
				{Subject: japan, Predicate: name, Object: quad.String("unused")},
			},
		},
		{
			name: "removed quads and entries above the horizon",
			prims: func(t *testing.T) []*cproto.Primitive {
				return []*cproto.Primitive{
					valuePrim(t, 1, japan), valuePrim(t, 2, name), valuePrim(t, 3, nippon),
					{ID: 4, Subject: 1, Predicate: 2, Object: 3, Deleted: true},
					{ID: 5, Subject: 1, Predicate: 2, Object: 3},
					// logged above the horizon, as by a write that has not finished
					{ID: 6, Subject: 3, Predicate: 2, Object: 1},
				}
			},
			horizon: 5,
			want:    []quad.Quad{{Subject: japan, Predicate: name, Object: nippon}},
		},
		{
			name: "missing value",
			prims: func(t *testing.T) []*cproto.Primitive {
				return []*cproto.Primitive{valuePrim(t, 1, japan), {ID: 2, Subject: 1, Predicate: 9, Object: 1}}
			},
			wantErr: "names value 9, which the store does not hold",
		},
		{
			name:    "damaged entry",
			prims:   func(t *testing.T) []*cproto.Primitive { return nil },
			raw:     map[uint64][]byte{1: {0x0a, 0xff}},
			wantErr: "entry 0 of the log",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := logDB(t, tt.prims(t), tt.raw, tt.horizon)
			got, err := readLog(context.Background(), db, nil)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("readLog: error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("readLog: %v", err)
			}
			if q := quadsOf(got); !reflect.DeepEqual(q, tt.want) {
				t.Errorf("readLog quads:\n got %v\nwant %v", q, tt.want)
			}
		})
	}
}

func TestUnmarshalValue(t *testing.T) {
	tests := []struct {
		name string
		v    quad.Value
	}{
		{"string", quad.String("Japan")},
		{"empty string", quad.String("")},
		{"iri", quad.IRI("fg:name")},
		{"typed string", quad.TypedString{Value: "1951", Type: "http://www.w3.org/2001/XMLSchema#gYear"}},
		{"typed string without value", quad.TypedString{Type: "http://www.w3.org/2001/XMLSchema#date"}},
		{"typed string without type", quad.TypedString{Value: "x"}},
		{"lang string", quad.LangString{Value: "Nippon", Lang: "ja"}},
		{"blank node", quad.BNode("b1")},
		{"int", quad.Int(-3)},
		{"float", quad.Float(1.5)},
		{"bool", quad.Bool(true)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := pquads.MarshalValue(tt.v)
			if err != nil {
				t.Fatal(err)
			}
			got, err := unmarshalValue(b)
			if err != nil {
				t.Fatalf("unmarshalValue: %v", err)
			}
			if got != tt.v {
				t.Errorf("unmarshalValue = %#v, want %#v", got, tt.v)
			}
		})
	}
	t.Run("unknown kind", func(t *testing.T) {
		if v, err := unmarshalValue([]byte{0x58, 0x01}); err == nil {
			t.Errorf("unmarshalValue of field 11 = %#v, want an error", v)
		}
	})
	t.Run("invalid UTF-8", func(t *testing.T) {
		if v, err := unmarshalValue([]byte{0x12, 0x01, 0xff}); err == nil {
			t.Errorf("unmarshalValue of a string of byte 0xff = %#v, want an error", v)
		}
	})
}
