package boltstore

import (
	"encoding/binary"

	"github.com/boltdb/bolt"
	"google.golang.org/protobuf/encoding/protowire"
)

// A bulk load's log: the entries Cayley's ApplyDeltas would log for its values and quads
// (see scan.go), gathered as the load lays sources out and written a transaction at a time
// beside it.

// logQuad logs a quad's Primitive: its id, its values' ids and its time stamp, in field
// order.
func (l *bulkLoader) logQuad(q bulkQuad) {
	p := l.startLog(q.id)
	p = protowire.AppendTag(p, primID, protowire.VarintType)
	p = protowire.AppendVarint(p, q.id)
	for d, n := range q.dirs {
		if n < 0 {
			continue
		}
		p = protowire.AppendTag(p, protowire.Number(primSubject+d), protowire.VarintType)
		p = protowire.AppendVarint(p, l.nodes[n].id)
	}
	l.endLog(l.appendStamp(p))
}

func (l *bulkLoader) appendStamp(p []byte) []byte {
	p = protowire.AppendTag(p, primTimestamp, protowire.VarintType)
	return protowire.AppendVarint(p, uint64(l.stamp))
}

// startLog starts the log entry of id: it returns the log buffer with the entry's key
// appended, for the caller to append the value to and hand to endLog.
func (l *bulkLoader) startLog(id uint64) []byte {
	return binary.BigEndian.AppendUint64(l.logBuf, id)
}

// endLog ends the log entry started with startLog; buf is the log buffer with the entry.
func (l *bulkLoader) endLog(buf []byte) {
	l.logBuf = buf
	l.logEnds = append(l.logEnds, len(buf))
}

// logEntries are log entries as bulkLoader.logBuf and logEnds hold them.
type logEntries struct {
	buf  []byte
	ends []int
}

// flushLog writes the pending log entries when they are enough for a transaction, or all
// of them. The write runs beside the load of the next sources, one write at a time (bolt
// has one writer); with all, flushLog returns once everything is written.
func (l *bulkLoader) flushLog(all bool) error {
	if len(l.logEnds) == 0 || (!all && len(l.logBuf) < bulkTxBytes && len(l.logEnds) < bulkTxPuts) {
		if all {
			return l.waitLog()
		}
		return nil
	}
	if err := l.waitLog(); err != nil {
		return err
	}
	entries := &logEntries{buf: l.logBuf, ends: l.logEnds}
	// The buffer of the last write is free again: bolt lets go of what a transaction put
	// once it commits.
	l.logBuf, l.logEnds = nil, nil
	if spare := l.logSpare; spare != nil {
		l.logBuf, l.logEnds, l.logSpare = spare.buf[:0], spare.ends[:0], nil
	}
	l.logWrite = make(chan error, 1)
	go func(done chan<- error) {
		err := l.db.Update(func(tx *bolt.Tx) error {
			b, err := tx.CreateBucketIfNotExists(logBucketName)
			if err != nil {
				return err
			}
			// Ids grow: every page but the last is full and stays so.
			b.FillPercent = 1
			start := 0
			for _, end := range entries.ends {
				if err := b.Put(entries.buf[start:start+8], entries.buf[start+8:end]); err != nil {
					return err
				}
				start = end
			}
			return nil
		})
		if err == nil {
			l.logSpare = entries
			l.committed()
		}
		done <- err
	}(l.logWrite)
	if all {
		return l.waitLog()
	}
	return nil
}

// waitLog waits for the log write under way, if any, and returns its error.
func (l *bulkLoader) waitLog() error {
	if l.logWrite == nil {
		return nil
	}
	err := <-l.logWrite
	l.logWrite = nil
	return err
}

// committed counts a transaction of the load, and every bulkReleaseEvery of them releases
// the pages the load mapped.
func (l *bulkLoader) committed() {
	if l.commits.Add(1)%bulkReleaseEvery == 0 {
		releaseMap(l.db)
	}
}
