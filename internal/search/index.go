package search

import (
	"cmp"
	"runtime"
	"slices"
	"sync"

	"github.com/t4k3news/digest/internal/parallel"
	"github.com/t4k3news/digest/internal/site"
)

// MaxResults is how many stories the index keeps for each word: the best
// by tier, then the newest. It bounds what a query fetches, whatever the
// size of the site; a word that more stories name finds only these.
const MaxResults = 16

// MaxPositions is how many places of a word in a story the index keeps,
// the first ones, for quoted phrases: a phrase is found where its words
// stand next to each other among them.
const MaxPositions = 4

// posting is a word's occurrence in one story.
type posting struct {
	doc  int32 // index in Site.Articles: lower is newer
	tier uint8 // the best tier the word stands in
	npos uint8
	pos  [MaxPositions]int32
	// field and start, end are where the word first stands in its best
	// tier: the field's index in eachField's order and byte offsets in its text.
	field      int16
	start, end int32
}

// termList keeps a word's best postings. Stories arrive newest first, so
// the first MaxResults of each tier are the best of that tier.
type termList struct {
	tiers [TierHeadline + 1][]posting
}

// add keeps p if its tier has room, and reports whether the tier is full.
func (l *termList) add(p posting) (full bool) {
	t := &l.tiers[p.tier]
	if len(*t) < MaxResults {
		*t = append(*t, p)
	}
	return len(*t) == MaxResults
}

// empty reports whether the list holds no postings.
func (l *termList) empty() bool {
	for _, t := range l.tiers {
		if len(t) > 0 {
			return false
		}
	}
	return true
}

// best is the list's postings in rank order, at most MaxResults.
func (l *termList) best() []posting {
	var out []posting
	for t := TierHeadline; t >= TierBody && len(out) < MaxResults; t-- {
		out = append(out, l.tiers[t][:min(len(l.tiers[t]), MaxResults-len(out))]...)
	}
	return out
}

// Index is the words of a site's stories and, for each, its best stories.
type Index struct {
	site  *site.Site
	memo  *Memo      // nil for none
	ids   []int32    // the words' numbers
	terms []string   // sorted
	lists []termList // lists[i] is the postings of terms[i]
}

// chunk is how many stories are read between merges: it bounds the
// memory of postings not yet merged.
const chunk = 256

// New indexes the published stories of s. Stories are read on every CPU,
// a chunk at a time, and each CPU merges the words of its own share of
// the vocabulary, story by story, so the result does not depend on the
// order the work was done in.
//
// Between chunks, full records the tiers of each word that already hold
// MaxResults stories: stories come newest first, so no later story can
// enter them, and a reader leaves such a word out of a story whose best
// tier for it is one of them. Most of a story's words are common ones
// whose tiers fill in the first chunk, so most are never merged.
func New(s *site.Site) *Index { return newIndex(s, nil) }

// newIndex is New, with the words of the stories that memo knows taken
// from it and not read, or memo's last index edited in place (see
// Memo.edit); a nil memo knows none. The memo keeps every word
// of a story (full is for reading into an index only), and the words'
// numbers; a word no story has any longer keeps its number, with no
// postings, and sortedIDs leaves it out.
func newIndex(s *site.Site, memo *Memo) *Index {
	if ix := memo.edit(s); ix != nil {
		return ix
	}
	workers := runtime.GOMAXPROCS(0)
	d := &dict{ids: make(map[string]int32)}
	var has [][]uint32 // see Memo.has; nil for no memo
	if memo != nil {
		d, has = memo.start(workers)
	}
	var lists []termList
	var full []uint8 // by word ID: bit t set when tier t is full
	// byDoc[d][w] are story d's postings whose words fall to worker w.
	byDoc := make([][][]termPosting, chunk)
	scratch, fresh := make([][][]termPosting, chunk), make([]bool, chunk) // the readers' memory
	// Each reader keeps the words it has met across stories; a channel,
	// not a sync.Pool, so that none is dropped with what it knows.
	readers := make(chan *reader, workers)
	for range workers {
		readers <- newReader(d)
	}
	for lo := 0; lo < len(s.Articles); lo += chunk {
		hi := min(lo+chunk, len(s.Articles))
		parallel.For(hi-lo, workers, func(i int) {
			a := s.Articles[lo+i]
			if byDoc[i] = memo.words(a); byDoc[i] != nil {
				fresh[i] = false
				return
			}
			skip := full
			if memo != nil {
				skip = nil
			}
			r := <-readers
			scratch[i] = r.read(a, int32(lo+i), skip, workers, scratch[i])
			byDoc[i], fresh[i] = scratch[i], true
			readers <- r
		})
		memo.keep(s.Articles[lo:hi], byDoc, fresh)
		n := len(d.terms) // no reader is running: d is still
		lists = slices.Grow(lists, n-len(lists))[:n]
		full = slices.Grow(full, n-len(full))[:n]
		if has != nil {
			has = grow(has, n)
		}
		parallel.For(workers, workers, func(w int) {
			for i := range hi - lo {
				for _, tp := range byDoc[i][w] {
					tp.doc = int32(lo + i) // a memo's is of the index it was read for
					if lists[tp.term].add(tp.posting) {
						full[tp.term] |= 1 << tp.tier
					}
					if has != nil {
						has[tp.term] = append(has[tp.term], hasEntry(tp.doc, tp.tier))
					}
				}
			}
		})
	}
	memo.done()
	terms := d.terms[:len(lists)]
	order := sortedIDs(terms, lists)
	memo.keepIndex(s, lists, has, order)
	return byOrder(s, memo, terms, lists, order)
}

// sortedIDs is the IDs of the words that have postings, in the words'
// order.
func sortedIDs(terms []string, lists []termList) []int32 {
	order := make([]int32, 0, len(terms))
	for i := range terms {
		if !lists[i].empty() {
			order = append(order, int32(i))
		}
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(terms[a], terms[b]) })
	return order
}

// byOrder is the index of the words order names, of terms and lists by ID.
func byOrder(s *site.Site, memo *Memo, terms []string, lists []termList, order []int32) *Index {
	ix := &Index{site: s, memo: memo, ids: order, terms: make([]string, len(order)), lists: make([]termList, len(order))}
	for i, id := range order {
		ix.terms[i], ix.lists[i] = terms[id], lists[id]
	}
	return ix
}

// dict gives each word of the site a number, the same for every reader,
// so that a word's postings are merged by number, not looked up by text.
type dict struct {
	mu    sync.Mutex
	ids   map[string]int32
	terms []string // by ID
}

// id is the number of term, new if no reader has met it before.
func (d *dict) id(term string) int32 {
	d.mu.Lock()
	defer d.mu.Unlock()
	id, ok := d.ids[term]
	if !ok {
		id = int32(len(d.terms))
		d.ids[term] = id
		d.terms = append(d.terms, term)
	}
	return id
}

// termPosting is a posting and its word's ID, as a story's reader makes
// them.
type termPosting struct {
	term int32
	posting
}

// Terms returns the index's words, sorted.
func (ix *Index) Terms() []string {
	return slices.Clone(ix.terms)
}
