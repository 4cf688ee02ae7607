package search

import (
	"encoding/binary"
	"hash/maphash"
	"path"
	"slices"

	"github.com/t4k3news/digest/internal/site"
)

// Memo keeps, from one index to the next, the words that each story was
// read into, so that indexing a site that changed a little reads only the
// stories that changed: build --watch keeps one. When the stories are
// the last index's but for a few replaced in place, as after a story is
// saved, the index is the last one with their words taken out and put
// back (see edit.go), and an edit costs in proportion to it: the reading
// of the stories edited, the lists of their words, and the encoding of
// the shards whose lists changed. Otherwise (stories added, removed or
// moved) the index merges every story's words again, and encodes the
// shards whose words or stories changed. A story is known by its
// *site.Article, whose document never changes. An index made with a Memo
// is byte for byte the one New makes; the memo holds every word of every
// story meanwhile, and for each word the stories that have it.
type Memo struct {
	dict    *dict // the words' numbers, kept from index to index
	workers int
	read    map[*site.Article][][]termPosting // as read returns them
	next    map[*site.Article][][]termPosting
	// shards are the shards encoded for the last index, by prefix, with
	// the sum of what they were made from.
	shards, nextShards map[string]encoded

	// The last index, which the next is made from when the site's
	// stories are the same but for a few replaced in place (see edit):
	// its stories in order, its words' lists by ID, the IDs of the words
	// with postings in the words' order, and has.
	stories []*site.Article
	lists   []termList
	order   []int32
	// has[id] is every story naming word id, in the stories' order, each
	// as hasEntry: a tier of MaxResults postings that loses one takes the
	// next of its tier from it.
	has    [][]uint32
	reader *reader // reads the stories that an edit in place replaced
	// dirty holds, after an edit in place, each prefix of every word whose
	// list changed: the shards to encode again. It is nil after an index
	// made whole, whose shards are compared by their sums.
	dirty map[string]bool
	// written is whether the last index's shards were all written: if
	// not, the next index's are compared by their sums.
	written bool
	// What the last index's plan figured, kept for an edit in place:
	// each word's best postings and its bytes, by ID (none for a word
	// whose list changed since), and each story's entry's bytes, by place
	// (0 until figured).
	planned []planned
	docCost []int
}

// planned is a word's best postings and bytes in a plan.
type planned struct {
	list []posting
	cost int
}

// encoded is a shard's bytes and the sum of what they were made from:
// its words, their postings and the stories these are of, by serial.
type encoded struct {
	sum  uint64
	data []byte
	file string // its path in the output
}

// NewMemo returns an empty memo.
func NewMemo() *Memo { return new(Memo) }

// WriteMemo is [Write], with the words of the stories that m knows taken
// from it, and those of the others kept in it for the next call; a nil m
// keeps none. It must not be called twice at once with one m.
func WriteMemo(s *site.Site, m *Memo, emit func(file string, data []byte) error) error {
	return newIndex(s, m).Write(emit)
}

// start readies m for a whole index on workers CPUs and returns its
// words' numbers and the memory of has, emptied.
func (m *Memo) start(workers int) (*dict, [][]uint32) {
	if m.dict == nil || m.workers != workers { // split for other workers
		m.dict, m.read, m.has, m.reader = &dict{ids: make(map[string]int32)}, nil, nil, nil
	}
	m.workers, m.next = workers, make(map[*site.Article][][]termPosting, len(m.read))
	m.stories, m.lists, m.order, m.dirty = m.stories[:0], nil, nil, nil
	m.nextShards, m.written = nil, false
	for i := range m.has {
		m.has[i] = m.has[i][:0]
	}
	if m.has == nil {
		return m.dict, [][]uint32{}
	}
	return m.dict, m.has
}

// keepIndex keeps the index of s just made whole, for an edit in place.
func (m *Memo) keepIndex(s *site.Site, lists []termList, has [][]uint32, order []int32) {
	if m != nil {
		m.stories = append(m.stories, s.Articles...)
		m.lists, m.has, m.order = lists, has, order
		m.planned, m.docCost = make([]planned, len(lists)), make([]int, len(s.Articles))
	}
}

// plan returns the best postings and bytes of word id as the last plan
// figured them, if its list has not changed since; a nil m has none.
func (m *Memo) plan(id int32) (planned, bool) {
	if m == nil || m.planned[id].list == nil {
		return planned{}, false
	}
	return m.planned[id], true
}

// keepPlan keeps the best postings and bytes of word id for the next
// plan.
func (m *Memo) keepPlan(id int32, pl planned) {
	if m != nil {
		m.planned[id] = pl
	}
}

// docCosts returns the bytes of each of n stories' entries as far as
// figured, where a plan figures the others.
func (m *Memo) docCosts(n int) []int {
	if m == nil {
		return make([]int, n)
	}
	return m.docCost
}

// words returns the words of a as read returned them for an earlier
// index, or nil. It may be called concurrently.
func (m *Memo) words(a *site.Article) [][]termPosting {
	if m == nil {
		return nil
	}
	return m.read[a]
}

// keep keeps the words of the stories of one chunk for the next index:
// a copy of those read afresh (fresh[i]), which the readers' memory holds.
func (m *Memo) keep(stories []*site.Article, words [][][]termPosting, fresh []bool) {
	if m == nil {
		return
	}
	for i, a := range stories {
		w := words[i]
		if fresh[i] {
			w = make([][]termPosting, len(words[i]))
			for j, list := range words[i] {
				w[j] = slices.Clip(slices.Clone(list))
			}
		}
		m.next[a] = w
	}
}

// shard encodes sh with e, or returns the bytes encoded for the last
// index if they were made from the same words, postings and stories;
// and the sum of those. It may be called concurrently.
func (m *Memo) shard(e *encoder, p *plan, sh shard) ([]byte, uint64) {
	if m == nil {
		return e.shard(p, sh), 0
	}
	if m.dirty != nil {
		if old, ok := m.shards[sh.prefix]; ok && !m.dirty[sh.prefix] {
			return old.data, old.sum
		}
		return e.shard(p, sh), shardSum(e.s, p, sh)
	}
	sum := shardSum(e.s, p, sh)
	if old, ok := m.shards[sh.prefix]; ok && old.sum == sum {
		return old.data, sum
	}
	return e.shard(p, sh), sum
}

// keepShards keeps the shards encoded, out[i] of shards[i] with sums[i],
// written to files[i], for the next index.
func (m *Memo) keepShards(shards []shard, out [][]byte, sums []uint64, files []string) {
	if m == nil {
		return
	}
	if m.nextShards == nil {
		m.nextShards = make(map[string]encoded, len(m.shards))
	}
	for i, sh := range shards {
		m.nextShards[sh.prefix] = encoded{sums[i], out[i], files[i]}
	}
}

// file returns the path of the shard of prefix in the output, as the
// last index wrote it if it had the shard: making each shard's path
// again after an edit cost a tenth of the index's time. It may be called
// concurrently.
func (m *Memo) file(prefix string) string {
	if m != nil {
		if old, ok := m.shards[prefix]; ok {
			return old.file
		}
	}
	return path.Join(Dir, ShardFile(prefix))
}

// shardsDone forgets the shards that the index did not have.
func (m *Memo) shardsDone() {
	if m != nil {
		m.shards, m.nextShards = m.nextShards, nil
		m.written = true
	}
}

// shardSum hashes what shard sh of p is made from: its prefix and words,
// their postings, and the stories these are of (by serial: an edited
// story is a new Article).
func shardSum(s *site.Site, p *plan, sh shard) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	var buf []byte
	postings := func(ps []posting) {
		buf = binary.LittleEndian.AppendUint32(buf[:0], uint32(len(ps)))
		for i := range ps {
			q := &ps[i]
			buf = binary.LittleEndian.AppendUint64(buf, s.Articles[q.doc].Serial())
			buf = append(buf, q.tier, q.npos)
			for _, x := range q.pos[:q.npos] {
				buf = binary.LittleEndian.AppendUint32(buf, uint32(x))
			}
			buf = binary.LittleEndian.AppendUint16(buf, uint16(q.field))
			buf = binary.LittleEndian.AppendUint32(buf, uint32(q.start))
			buf = binary.LittleEndian.AppendUint32(buf, uint32(q.end))
		}
		h.Write(buf)
	}
	h.WriteString(sh.prefix)
	for _, ti := range sh.terms {
		h.WriteByte(0)
		h.WriteString(p.terms[ti])
		postings(p.lists[ti])
	}
	if sh.split {
		h.WriteByte(1)
		postings(p.prefixBest(sh.lo, sh.hi))
	}
	return h.Sum64()
}

// seed keys the sums of shards, which live as long as the process.
var seed = maphash.MakeSeed()

// done forgets the stories that the index did not have.
func (m *Memo) done() {
	if m != nil {
		m.read, m.next = m.next, nil
	}
}
