package boltstore

// keyArena holds the value keys of a load in chunks that never move: one slice grown as
// keys came was copied whole at each growth (Go grows a large slice by a quarter), some
// 1.2 GB of copies, each into pages new to the process, for the 300 MB of keys of 10,000
// articles.
type keyArena [][]byte

// keyChunkSize is the size of a chunk of a keyArena; a longer key has a chunk of its own.
const keyChunkSize = 16 << 20

// add copies key into the arena and says where it lies: its chunk and offset.
func (a *keyArena) add(key []byte) (chunk, off uint32) {
	last := len(*a) - 1
	if last < 0 || cap((*a)[last])-len((*a)[last]) < len(key) {
		*a = append(*a, make([]byte, 0, max(keyChunkSize, len(key))))
		last++
	}
	c := &(*a)[last]
	off = uint32(len(*c))
	*c = append(*c, key...)
	return uint32(last), off
}
