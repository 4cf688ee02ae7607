package search

import (
	"slices"

	"github.com/t4k3news/digest/internal/site"
)

// Memo keeps, from one index to the next, the words that each story was
// read into, so that indexing a site that changed a little reads only the
// stories that changed: build --watch keeps one, and an edit costs the
// reading of the stories edited, not of the archive (then the merge and
// the shards, as ever). A story is known by its *site.Article, whose
// document never changes. An index made with a Memo is byte for byte the
// one New makes; the memo holds every word of every story meanwhile.
type Memo struct {
	dict    *dict // the words' numbers, kept from index to index
	workers int
	read    map[*site.Article][][]termPosting // as read returns them
	next    map[*site.Article][][]termPosting
}

// NewMemo returns an empty memo.
func NewMemo() *Memo { return new(Memo) }

// WriteMemo is [Write], with the words of the stories that m knows taken
// from it, and those of the others kept in it for the next call; a nil m
// keeps none. It must not be called twice at once with one m.
func WriteMemo(s *site.Site, m *Memo, emit func(file string, data []byte) error) error {
	return newIndex(s, m).Write(emit)
}

// start readies m for an index on workers CPUs and returns its words'
// numbers.
func (m *Memo) start(workers int) *dict {
	if m.dict == nil || m.workers != workers { // split for other workers
		m.dict, m.read = &dict{ids: make(map[string]int32)}, nil
	}
	m.workers, m.next = workers, make(map[*site.Article][][]termPosting, len(m.read))
	return m.dict
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

// done forgets the stories that the index did not have.
func (m *Memo) done() {
	if m != nil {
		m.read, m.next = m.next, nil
	}
}
