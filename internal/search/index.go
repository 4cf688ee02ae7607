package search

import (
	"hash/maphash"
	"runtime"
	"slices"

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

func (l *termList) add(p posting) {
	if t := &l.tiers[p.tier]; len(*t) < MaxResults {
		*t = append(*t, p)
	}
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
	terms map[string]*termList
}

// chunk is how many stories are read between merges: it bounds the
// memory of postings not yet merged.
const chunk = 256

// New indexes the published stories of s. Stories are read on every CPU,
// and each CPU merges the words of its own share of the vocabulary, so the
// result does not depend on the order the work was done in.
func New(s *site.Site) *Index {
	workers := runtime.GOMAXPROCS(0)
	parts := make([]map[string]*termList, workers)
	for i := range parts {
		parts[i] = make(map[string]*termList)
	}
	seed := maphash.MakeSeed()
	// byDoc[d][w] are story d's postings whose words fall to worker w.
	byDoc := make([][][]termPosting, chunk)
	// Each reader keeps the words it has met across stories; a channel,
	// not a sync.Pool, so that none is dropped with what it knows.
	readers := make(chan *reader, workers)
	for range workers {
		readers <- newReader()
	}
	for lo := 0; lo < len(s.Articles); lo += chunk {
		hi := min(lo+chunk, len(s.Articles))
		parallel.For(hi-lo, workers, func(i int) {
			r := <-readers
			byDoc[i] = r.read(s.Articles[lo+i], int32(lo+i), seed, workers, byDoc[i])
			readers <- r
		})
		parallel.For(workers, workers, func(w int) {
			for i := range hi - lo {
				for _, tp := range byDoc[i][w] {
					l := parts[w][tp.term]
					if l == nil {
						l = new(termList)
						parts[w][tp.term] = l
					}
					l.add(tp.posting)
				}
			}
		})
	}
	ix := &Index{site: s, terms: make(map[string]*termList)}
	for _, p := range parts {
		for t, l := range p {
			ix.terms[t] = l
		}
	}
	return ix
}

// termPosting is a posting and its word, as a story's reader makes them.
type termPosting struct {
	term string
	posting
}

// reader finds the words of one story at a time, reusing its memory.
type reader struct {
	// seen holds every word the reader has met, and where it was last.
	seen map[string]*seen
	out  []termPosting
	word []byte // the word being read, lower-cased
}

// seen is where a reader last met a word: in story doc, at r.out[i].
type seen struct {
	term string
	doc  int32
	i    int32
}

func newReader() *reader { return &reader{seen: make(map[string]*seen)} }

// read returns the postings of story a (index doc), split by the worker
// that merges their words, in the memory of into.
func (r *reader) read(a *site.Article, doc int32, seed maphash.Seed, workers int, into [][]termPosting) [][]termPosting {
	r.out = r.out[:0]
	pos := int32(0)
	eachField(a, func(fi, tier int, text string) bool {
		r.scan(text, doc, int16(fi), uint8(tier), &pos)
		pos++ // a phrase does not run from one field into the next
		return true
	})
	if len(into) != workers {
		into = make([][]termPosting, workers)
	}
	for w := range into {
		into[w] = into[w][:0]
	}
	for _, tp := range r.out {
		w := int(maphash.String(seed, tp.term) % uint64(workers))
		into[w] = append(into[w], tp)
	}
	return into
}

func (r *reader) note(t Token, doc int32, fi int16, tier uint8, pos int32) {
	at := r.seen[t.Term]
	if at == nil {
		at = &seen{term: t.Term, doc: -1}
		r.seen[t.Term] = at
	}
	r.at(at, doc, fi, tier, t.Start, t.End, pos)
}

// at notes the word of at, at pos in story doc.
func (r *reader) at(at *seen, doc int32, fi int16, tier uint8, start, end int, pos int32) {
	if at.doc != doc {
		at.doc, at.i = doc, int32(len(r.out))
		r.out = append(r.out, termPosting{at.term, posting{doc: doc, tier: tier, field: fi, start: int32(start), end: int32(end)}})
	}
	r.update(int(at.i), tier, fi, start, end, pos)
}

// update records that the word of r.out[i] stands at pos, in field fi.
func (r *reader) update(i int, tier uint8, fi int16, start, end int, pos int32) {
	p := &r.out[i].posting
	if tier > p.tier {
		p.tier, p.field, p.start, p.end = tier, fi, int32(start), int32(end)
	}
	if int(p.npos) < MaxPositions {
		p.pos[p.npos] = pos
		p.npos++
	}
}

// Terms returns the index's words, sorted.
func (ix *Index) Terms() []string {
	terms := make([]string, 0, len(ix.terms))
	for t := range ix.terms {
		terms = append(terms, t)
	}
	slices.Sort(terms)
	return terms
}
