package boltstore

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"unicode/utf8"

	hkv "github.com/hidal-go/hidalgo/kv"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/store/model"
	"github.com/hidal-go/hidalgo/kv/options"
	"google.golang.org/protobuf/encoding/protowire"
)

// Cayley's key-value layout (graph/kv in the Cayley module): bucket "log" maps an id, as 8
// big-endian bytes, to a protobuf Primitive that is either a value (Value set) or a quad
// (Subject, Predicate, Object and Label are value ids; Label 0 is none). Removing a quad
// rewrites it with Deleted set; removing the last quad of a value deletes the value's entry.
// Ids above meta/horizon are not written yet. The generic path looks four values up per
// quad, each in a read transaction of its own; readLog scans the log once in one transaction.
var (
	logBucket  = hkv.Key{[]byte("log")}
	horizonKey = hkv.Key{[]byte("meta"), []byte("horizon")}
	sizeKey    = hkv.Key{[]byte("meta"), []byte("size")}
)

// Field numbers of Cayley's Primitive message (graph/proto/primitive.proto).
const (
	primID        = 1
	primSubject   = 2
	primPredicate = 3
	primObject    = 4
	primLabel     = 5
	primValue     = 8
	primDeleted   = 9
)

// primitive is the part of a Primitive that reading needs; value aliases the scanned bytes.
type primitive struct {
	id, subject, predicate, object, label uint64
	value                                 []byte
	deleted                               bool
}

func decodePrimitive(b []byte) (primitive, error) {
	var p primitive
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return p, protowire.ParseError(n)
		}
		b = b[n:]
		switch {
		case typ == protowire.VarintType && num <= primDeleted && num != primValue:
			v, n := protowire.ConsumeVarint(b)
			if n < 0 {
				return p, protowire.ParseError(n)
			}
			b = b[n:]
			switch num {
			case primID:
				p.id = v
			case primSubject:
				p.subject = v
			case primPredicate:
				p.predicate = v
			case primObject:
				p.object = v
			case primLabel:
				p.label = v
			case primDeleted:
				p.deleted = v != 0
			}
		case typ == protowire.BytesType && num == primValue:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return p, protowire.ParseError(n)
			}
			b = b[n:]
			p.value = v
		default:
			n := protowire.ConsumeFieldValue(num, typ, b)
			if n < 0 {
				return p, protowire.ParseError(n)
			}
			b = b[n:]
		}
	}
	return p, nil
}

// releaseEvery is how many bytes of log entries readLog reads between two calls of
// release. Bolt's pages hold more than the entries counted (page and branch headers, free
// space): on a store of 10,000 articles the process held up to about 80 MB of them between
// two releases, against 1.1 GB without.
const releaseEvery = 16 << 20

// readLog reads every live quad of a Cayley key-value store in one read transaction and one
// pass over its log, calling release, when not nil, after each releaseEvery bytes of the
// log: nothing read from the store aliases its pages once decoded.
func readLog(ctx context.Context, db hkv.KV, release func()) (*model.Table, error) {
	tx, err := db.Tx(ctx, false)
	if err != nil {
		return nil, fmt.Errorf("read store: %w", err)
	}
	defer tx.Close()
	var horizon uint64
	switch b, err := tx.Get(ctx, horizonKey); {
	case errors.Is(err, hkv.ErrNotFound):
		// an empty store has no horizon yet
	case err != nil:
		return nil, fmt.Errorf("read store: %w", err)
	case len(b) != 8:
		return nil, fmt.Errorf("read store: horizon of %d bytes, want 8; is it a factgraph store?", len(b))
	default:
		horizon = binary.LittleEndian.Uint64(b)
	}

	var size uint64 // quads in the store, to size the table
	if b, err := tx.Get(ctx, sizeKey); err == nil && len(b) == 8 {
		size = min(binary.LittleEndian.Uint64(b), horizon)
	}

	t := &model.Table{Values: []quad.Value{nil}, Quads: make([][4]uint32, 0, size)}
	// index[id] is the place of value id in t.Values, 0 while not known. Ids are dense, from
	// 1 to the horizon, so a slice is smaller and faster than a map. A quad whose values are
	// not all known yet waits in pending: a value's entry usually precedes its quads, but
	// nothing promises it.
	if horizon >= math.MaxUint32 {
		return nil, fmt.Errorf("read store: horizon %d is beyond what a store can hold; the store is damaged", horizon)
	}
	index := make([]uint32, horizon+1)
	lookup := func(id uint64) (uint32, bool) {
		if id == 0 {
			return 0, true // no label
		}
		if id >= uint64(len(index)) || index[id] == 0 {
			return 0, false
		}
		return index[id], true
	}
	type link struct {
		at  int // place in t.Quads
		ids [4]uint64
	}
	var pending []link
	it := tx.Scan(ctx, options.WithPrefixKV(logBucket))
	defer it.Close()
	read := 0 // bytes of entries since the last release
	for n := 0; it.Next(ctx); n++ {
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		val := it.Val()
		// An entry's key is its 8-byte id (Key would copy it), and bolt adds a 16-byte
		// header to each entry of a page.
		if read += 24 + len(val); read >= releaseEvery && release != nil {
			release()
			read = 0
		}
		p, err := decodePrimitive(val)
		if err != nil {
			return nil, fmt.Errorf("read store: entry %d of the log: %w; is it a factgraph store?", n, err)
		}
		switch {
		case p.id > horizon || p.deleted:
		case len(p.value) > 0:
			v, err := unmarshalValue(p.value)
			if err != nil {
				return nil, fmt.Errorf("read store: value %d: %w", p.id, err)
			}
			index[p.id] = uint32(len(t.Values))
			t.Values = append(t.Values, v)
		default:
			ids := [4]uint64{p.subject, p.predicate, p.object, p.label}
			var q [4]uint32
			ok := true
			for d, id := range ids {
				var found bool
				if q[d], found = lookup(id); !found {
					ok = false
					break
				}
			}
			if !ok {
				pending = append(pending, link{len(t.Quads), ids})
			}
			t.Quads = append(t.Quads, q)
		}
	}
	if err := it.Err(); err != nil {
		return nil, fmt.Errorf("read store: %w", err)
	}
	for _, l := range pending {
		for d, id := range l.ids {
			x, ok := lookup(id)
			if !ok {
				return nil, fmt.Errorf("read store: a quad names value %d, which the store does not hold; the store is damaged", id)
			}
			t.Quads[l.at][d] = x
		}
	}
	return t, ctx.Err()
}

// Field numbers of the Value message of Cayley's pquads (github.com/cayleygraph/quad/pquads,
// quads.proto), which the log holds for every value.
const (
	pvStr      = 2
	pvIRI      = 3
	pvTypedStr = 5
)

// unmarshalValue is pquads.UnmarshalValue, with the kinds of value factgraph writes (strings,
// IRIs and typed strings) decoded without reflection.
func unmarshalValue(b []byte) (quad.Value, error) {
	num, typ, n := protowire.ConsumeTag(b)
	if n > 0 && typ == protowire.BytesType {
		v, m := protowire.ConsumeBytes(b[n:])
		if m > 0 && n+m == len(b) && utf8.Valid(v) {
			switch num {
			case pvStr:
				return quad.String(v), nil
			case pvIRI:
				return quad.IRI(v), nil
			case pvTypedStr:
				if s, t, ok := typedString(v); ok {
					return quad.TypedString{Value: quad.String(s), Type: quad.IRI(t)}, nil
				}
			}
		}
	}
	return model.UnmarshalValue(b)
}

// typedString decodes a pquads TypedString message, or reports that it cannot.
func typedString(b []byte) (value, typ []byte, ok bool) {
	for len(b) > 0 {
		num, wt, n := protowire.ConsumeTag(b)
		if n < 0 || wt != protowire.BytesType || (num != 1 && num != 2) {
			return nil, nil, false
		}
		v, m := protowire.ConsumeBytes(b[n:])
		if m < 0 || !utf8.Valid(v) {
			return nil, nil, false
		}
		if num == 1 {
			value = v
		} else {
			typ = v
		}
		b = b[n+m:]
	}
	return value, typ, true
}
