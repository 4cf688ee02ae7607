package search

import "encoding/binary"

// key is a word of up to 16 bytes as two numbers, its bytes in order and
// zeros after them; no word has a zero byte, and none is empty.
type key struct{ lo, hi uint64 }

func keyOf(s string) key {
	var b [16]byte
	copy(b[:], s)
	return key{binary.LittleEndian.Uint64(b[:8]), binary.LittleEndian.Uint64(b[8:])}
}

// bytes is the first n bytes of k.
func (k key) bytes(n int) []byte {
	b := make([]byte, 16)
	binary.LittleEndian.PutUint64(b[:8], k.lo)
	binary.LittleEndian.PutUint64(b[8:], k.hi)
	return b[:n]
}

// at is byte i of k.
func (k key) at(i int) byte {
	if i < 8 {
		return byte(k.lo >> (8 * i))
	}
	return byte(k.hi >> (8 * (i - 8)))
}

// set makes byte i of k c.
func (k *key) set(i int, c byte) {
	w, sh := &k.lo, 8*i
	if i >= 8 {
		w, sh = &k.hi, 8*(i-8)
	}
	*w = *w&^(0xff<<sh) | uint64(c)<<sh
}

// table maps keys to word IDs: open addressing, at most half full, so
// that a lookup is a multiply and a probe or two, where a Go map of
// strings hashes and compares the bytes again.
type table struct {
	slots []slot
	shift uint   // 64 - log2(len(slots))
	mask  uint64 // len(slots) - 1
	n     int
}

type slot struct {
	k  key // zero when the slot is empty
	id int32
}

func (t *table) index(k key) uint64 {
	return (k.lo*0x9e3779b97f4a7c15 ^ k.hi*0xc2b2ae3d27d4eb4f) >> t.shift
}

// find returns the ID of k, or -1 if it has none. Short enough to be
// inlined.
func (t *table) find(k key) int32 {
	for i := t.index(k); ; i = (i + 1) & t.mask {
		if s := &t.slots[i]; s.k == k {
			return s.id
		} else if s.k.lo == 0 {
			return -1
		}
	}
}

// put gives k, which has none yet, the ID id.
func (t *table) put(k key, id int32) {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	i := t.index(k)
	for t.slots[i].k.lo != 0 {
		i = (i + 1) & t.mask
	}
	t.slots[i] = slot{k, id}
	t.n++
}

// grow doubles the table (or makes it: find needs a slot).
func (t *table) grow() {
	old := t.slots
	size := max(2*len(old), 1024)
	t.slots, t.n, t.shift, t.mask = make([]slot, size), 0, 64, uint64(size-1)
	for s := size; s > 1; s >>= 1 {
		t.shift--
	}
	for _, s := range old {
		if s.k.lo != 0 {
			t.put(s.k, s.id)
		}
	}
}
