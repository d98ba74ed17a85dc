package pgstore

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/cayleygraph/quad"
	"github.com/factgraph/factgraph/store/model"
	"github.com/lib/pq"
)

// bulkItemQuad is a quad of a bulk load that the item table holds: its nodes, and its
// place among the quads copied, from which its number follows.
type bulkItemQuad struct {
	dirs [4]int32
	at   uint32
}

// itemChunk is the number of quads of the item table a load keeps in one piece of memory:
// pieces that never move, where one slice grown by append copied all it held each time
// (4 million quads at 10,000 articles).
const itemChunk = 1 << 16

// addItemQuad keeps a quad of the item table.
func (l *bulkLoad) addItemQuad(q bulkItemQuad) {
	if n := len(l.items); n == 0 || len(l.items[n-1]) == itemChunk {
		l.items = append(l.items, make([]bulkItemQuad, 0, itemChunk))
	}
	last := &l.items[len(l.items)-1]
	*last = append(*last, q)
}

// isItemQuad says whether the item table holds the quad whose nodes are dirs (itemQuadOf).
func (l *bulkLoad) isItemQuad(dirs [4]int32) bool {
	if dirs[0] < 0 || dirs[3] < 0 {
		return false
	}
	_, ok := itemQuadOf(quad.Quad{Subject: l.nodes[dirs[0]].v, Label: l.nodes[dirs[3]].v})
	return ok
}

// readFirstNumber reads the number the first quad copied got: the column's default takes
// the next of the sequence for each row as COPY writes it, so the load's quads are
// numbered one after the other, which it checks.
func (l *bulkLoad) readFirstNumber(ctx context.Context, conn *sql.Conn) error {
	if l.copied == 0 {
		return nil
	}
	var first, last, count int64
	if err := conn.QueryRowContext(ctx, `SELECT min(horizon), max(horizon), count(*) FROM `+pq.QuoteIdentifier(l.quads)).Scan(&first, &last, &count); err != nil {
		return err
	}
	if count != l.copied || last-first+1 != count {
		return fmt.Errorf("the %d quads copied hold %d, numbered %d to %d, not one after the other", l.copied, count, first, last)
	}
	l.firstNumber = first
	return nil
}

// copyItemTable copies the rows of the item table, the items in the order of their nodes,
// each item's rows in the order their sources were copied, each row's quads in the order
// they were copied, their values as the nodes table gives them back (asStored). The
// quads are put in order by their subjects' nodes in one pass (a counting sort): a
// source's quads are copied together, so each item's then come source by source.
func (l *bulkLoad) copyItemTable(ctx context.Context, conn *sql.Conn) error {
	at := func(i int32) *bulkItemQuad { return &l.items[i/itemChunk][i%itemChunk] }
	next := make([]int32, len(l.nodes)+1) // where the next quad of each subject goes
	total := int32(0)
	for _, c := range l.items {
		for _, q := range c {
			next[q.dirs[0]+1]++
		}
		total += int32(len(c))
	}
	for i := 1; i < len(next); i++ {
		next[i] += next[i-1]
	}
	order := make([]int32, total)
	for i := range total {
		s := at(i).dirs[0]
		order[next[s]] = i
		next[s]++
	}
	var row []byte
	err := l.copyTable(ctx, conn, l.itemsTable, []string{"item", "source", "quads"}, func(w *textRows) error {
		for i := 0; i < len(order); {
			first := *at(order[i])
			row = row[:0]
			j := i
			for ; j < len(order) && at(order[j]).dirs[0] == first.dirs[0] && at(order[j]).dirs[3] == first.dirs[3]; j++ {
				q := at(order[j])
				row = appendItemLine(row, l.firstNumber+int64(q.at), asStored(l.nodes[q.dirs[1]].v), asStored(l.nodes[q.dirs[2]].v))
			}
			item, _ := l.nodes[first.dirs[0]].v.(quad.IRI)
			label, _ := l.nodes[first.dirs[3]].v.(quad.IRI)
			w.buf = appendText(w.buf, string(item))
			w.buf = append(w.buf, '\t')
			w.buf = appendText(w.buf, string(label[len(model.SourcePrefix):]))
			w.buf = append(w.buf, '\t')
			w.buf = appendText(w.buf, row)
			if err := w.end(); err != nil {
				return err
			}
			i = j
		}
		return nil
	})
	l.items = nil
	return err
}
