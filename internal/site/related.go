package site

import (
	"cmp"
	"slices"
)

// A related title is a near-duplicate of a headline when the Jaccard
// similarity of their term sets (see terms) is at least
// similarNum/similarDen. At 3/4, one added or dropped word still matches a
// headline of three or more terms, and one changed word matches from seven
// terms up; two changed words in a six-term headline ("Ukraine security
// guarantees push advances in Washington" against "... discussed in
// Washington", 4/7) do not: that is another story. TestNearDuplicate pins
// both sides.
const similarNum, similarDen = 3, 4

// headline is one headline (title or alternative headline) of an article.
type headline struct {
	article *Article
	terms   []int32 // ids of its terms, sorted, so that sets intersect by merging
}

// entry is a headline in a list of the index, with what lookup needs to
// pass over it without reading the headline itself: its number of terms,
// and a mask with bit id%32 set for each of its term ids. The terms of a
// title whose bits the mask lacks are certainly not the headline's, so
// the mask bounds how many terms they share. At 100,000 articles the
// headlines outgrow the CPU caches and each one read costs a trip to
// memory; the mask rules out nearly every candidate that is not a match.
type entry struct {
	h    *headline
	size int32
	mask uint32
}

func newEntry(h *headline) entry {
	return entry{h: h, size: int32(len(h.terms)), mask: termMask(h.terms)}
}

func termMask(ids []int32) uint32 {
	var m uint32
	for _, id := range ids {
		m |= 1 << (id % 32)
	}
	return m
}

// headlineIndex finds the article a related title names without comparing
// the title with every headline: exact matches by map, near-duplicates
// through an inverted index of term pairs. A near-duplicate shares most of
// the title's terms, so it holds some pair of them; and a pair is far rarer
// than either of its terms. Indexed by single terms, the lists read grow
// with the archive, since a headline's words come from a vocabulary that
// does not ("Ukraine", "talks", "deadline"), and lookup is linear in the
// number of articles.
//
// It is keyed by article, not by place in the digest, so that it survives
// articles moving as the preview adds and removes them; the place only
// breaks ties.
type headlineIndex struct {
	exact map[string][]*Article // normalised headline → its articles
	pairs map[uint64][]entry    // pairKey → headlines, fewest terms first
	ids   map[string]int32      // term → its id in headline.terms; never reused
	leads *leads
}

// pairKey keys the inverted index by two term ids, a ≤ b: a headline of
// one term is listed under a = b.
func pairKey(a, b int32) uint64 { return uint64(a)<<32 | uint64(b) }

func newHeadlineIndex() *headlineIndex {
	return &headlineIndex{exact: make(map[string][]*Article), pairs: make(map[uint64][]entry), ids: make(map[string]int32), leads: newLeads()}
}

// headlines returns the article's title, alternative headline and dek,
// those it has.
func headlines(a *Article) []string {
	var hs []string
	for _, h := range []string{a.Meta.Title, a.Meta.Headline, a.Meta.Description} {
		if h != "" {
			hs = append(hs, h)
		}
	}
	return hs
}

// add adds the article's headlines, keeping each list in order.
func (x *headlineIndex) add(a *Article) {
	x.addTo(a, func(list []entry, e entry) []entry {
		return slices.Insert(list, sizeIndex(list, int(e.size)+1), e)
	})
}

// addAll adds the articles' headlines. Each list is made at its full
// length and sorted once at the end: at 100,000 articles the lists hold
// millions of entries, which lists grown one entry at a time copied again
// and again, and a search for each headline's place costs more than the
// one sort.
func (x *headlineIndex) addAll(articles []*Article) {
	number := make(map[uint64]int32) // a pair's key → its list's number
	var keys []uint64                // by number
	var count []int32                // by number: the list's length
	var heads []entry                // every headline added
	var lists []int32                // the numbers of the lists of heads[0], then of heads[1]...
	for _, a := range articles {
		x.addHeadlines(a, func(e entry, pairs []uint64) {
			heads = append(heads, e)
			for _, k := range pairs {
				n, ok := number[k]
				if !ok {
					n = int32(len(keys))
					number[k] = n
					keys = append(keys, k)
					count = append(count, int32(len(x.pairs[k])))
				}
				count[n]++
				lists = append(lists, n)
			}
		})
	}
	all := make([]entry, sum(count))
	filled := make([]int32, len(keys)) // by number: the start of the list in all, then its end so far
	for n, k := range keys {
		if n > 0 {
			filled[n] = filled[n-1] + count[n-1]
		}
		filled[n] += int32(copy(all[filled[n]:], x.pairs[k]))
	}
	for _, e := range heads {
		k := pairCount(int(e.size))
		for _, n := range lists[:k] {
			all[filled[n]] = e
			filled[n]++
		}
		lists = lists[k:]
	}
	for n, k := range keys {
		end := int(filled[n])
		list := all[end-int(count[n]) : end : end] // full: an insert into it copies it
		slices.SortStableFunc(list, func(e, f entry) int { return cmp.Compare(e.size, f.size) })
		x.pairs[k] = list
	}
}

func sum(counts []int32) int64 {
	var n int64
	for _, c := range counts {
		n += int64(c)
	}
	return n
}

func (x *headlineIndex) addTo(a *Article, insert func([]entry, entry) []entry) {
	x.addHeadlines(a, func(e entry, pairs []uint64) {
		for _, k := range pairs {
			x.pairs[k] = insert(x.pairs[k], e)
		}
	})
}

// addHeadlines adds the article to the index of leads and the exact
// headlines, and passes each of its headlines to add with the keys of the
// lists it belongs in.
func (x *headlineIndex) addHeadlines(a *Article, add func(e entry, pairs []uint64)) {
	if a.Meta.Description == "" {
		x.leads.add(a, x.termIDs(terms(lead(a)), true))
	}
	for _, text := range headlines(a) {
		key := normalise(text)
		x.exact[key] = append(x.exact[key], a)
		h := &headline{article: a, terms: x.termIDs(terms(text), true)}
		add(newEntry(h), headPairs(h.terms))
	}
}

func (x *headlineIndex) remove(a *Article) {
	x.leads.remove(a)
	for _, text := range headlines(a) {
		key := normalise(text)
		if list := slices.DeleteFunc(x.exact[key], func(b *Article) bool { return b == a }); len(list) > 0 {
			x.exact[key] = list
		} else {
			delete(x.exact, key)
		}
		for _, k := range headPairs(x.termIDs(terms(text), false)) {
			if list := slices.DeleteFunc(x.pairs[k], func(e entry) bool { return e.h.article == a }); len(list) > 0 {
				x.pairs[k] = list
			} else {
				delete(x.pairs, k)
			}
		}
	}
}

// headPairs returns the keys a headline with the sorted term ids is listed
// under: every pair of its terms, or its one term twice.
func headPairs(ids []int32) []uint64 {
	if len(ids) == 1 {
		return []uint64{pairKey(ids[0], ids[0])}
	}
	keys := make([]uint64, 0, pairCount(len(ids)))
	for i, a := range ids {
		for _, b := range ids[i+1:] {
			keys = append(keys, pairKey(a, b))
		}
	}
	return keys
}

// pairCount is the number of keys headPairs returns for n terms.
func pairCount(n int) int {
	if n == 1 {
		return 1
	}
	return n * (n - 1) / 2
}

// lookup returns the article that title names, or nil: an exact headline
// match first, else the most similar near-duplicate, ties going to the
// newer article.
func (x *headlineIndex) lookup(title string) *Article {
	if list := x.exact[normalise(title)]; len(list) > 0 {
		return slices.MinFunc(list, func(a, b *Article) int { return cmp.Compare(a.n, b.n) })
	}
	q := terms(title)
	ids := x.termIDs(q, false)
	var best *Article
	bestInter, bestUnion := 0, 1
	// |h| ≥ 3/4·|q| and |q| ≥ 3/4·|h| for Jaccard ≥ 3/4.
	minSize := (len(q)*similarNum + similarDen - 1) / similarDen
	maxSize := len(q) * similarDen / similarNum
	// A headline in the lists of two probed pairs is weighed twice, to
	// the same result: cheaper than remembering which were seen.
	for _, list := range x.probe(ids, minSize) {
		for _, e := range list[sizeIndex(list, minSize):sizeIndex(list, maxSize+1)] {
			if !similar(len(q), int(e.size), maskedTerms(ids, e.mask)) {
				continue // shares too few terms even if every masked one is shared
			}
			h := e.h
			inter := intersectSorted(ids, h.terms)
			union := len(q) + len(h.terms) - inter
			if !similar(len(q), len(h.terms), inter) {
				continue
			}
			if best == nil || inter*bestUnion > bestInter*union || inter*bestUnion == bestInter*union && h.article.n < best.n {
				best, bestInter, bestUnion = h.article, inter, union
			}
		}
	}
	return best
}

// similar reports whether sets of sizes p and q with inter members in
// common are near-duplicates: Jaccard similarity inter/(p+q−inter) of at
// least similarNum/similarDen. It is monotone in inter.
func similar(p, q, inter int) bool {
	return inter*similarDen >= (p+q-inter)*similarNum
}

// maskedTerms counts the ids whose bit is set in mask: at least as many as
// the set the mask was made from shares with ids.
func maskedTerms(ids []int32, mask uint32) int {
	n := 0
	for _, id := range ids {
		n += int(mask >> (id % 32) & 1)
	}
	return n
}

// sizeIndex returns the index of the first headline in list with at least
// size terms.
func sizeIndex(list []entry, size int) int {
	i, _ := slices.BinarySearchFunc(list, size, func(e entry, n int) int { return cmp.Compare(int(e.size), n) })
	return i
}

// termIDs returns the sorted ids of the terms of q, giving new terms an
// id if add is set and leaving them out if not: a term no headline has can
// match nothing.
func (x *headlineIndex) termIDs(q []string, add bool) []int32 {
	ids := make([]int32, 0, len(q))
	for _, t := range q {
		id, ok := x.ids[t]
		if !ok && add {
			id, ok = int32(len(x.ids)), true
			x.ids[t] = id
		}
		if ok {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

// probe returns the lists of the pairs of term ids that must be read,
// for a title whose terms that some headline has are ids and of
// which a similar headline shares at least need. Any len(ids)−need+1 pairs
// with no term in common will do: the need shared terms cannot avoid them
// all, since avoiding a pair leaves out one of its terms. The pairs taken
// are those with the shortest lists, greedily. Each list is found once:
// at 100,000 articles the index holds millions of pairs, and a look-up in
// it is a trip to memory.
func (x *headlineIndex) probe(ids []int32, need int) [][]entry {
	switch {
	case need == 0 || len(ids) < need:
		return nil
	case need == 1: // a one-term title matches only a one-term headline
		return [][]entry{x.pairs[pairKey(ids[0], ids[0])]}
	}
	type edge struct {
		a, b int32
		list []entry
	}
	edges := make([]edge, 0, len(ids)*(len(ids)-1)/2)
	for i, a := range ids {
		for _, b := range ids[i+1:] {
			edges = append(edges, edge{a, b, x.pairs[pairKey(a, b)]})
		}
	}
	slices.SortFunc(edges, func(e, f edge) int {
		return cmp.Or(cmp.Compare(len(e.list), len(f.list)), cmp.Compare(e.a, f.a), cmp.Compare(e.b, f.b))
	})
	var taken []int32
	lists := make([][]entry, 0, len(ids)-need+1)
	for _, e := range edges {
		if len(lists) == cap(lists) {
			break
		}
		if !slices.Contains(taken, e.a) && !slices.Contains(taken, e.b) {
			taken = append(taken, e.a, e.b)
			lists = append(lists, e.list)
		}
	}
	return lists
}

// intersectSorted counts the terms two sorted id lists share: a merge of
// two short arrays, without a hash or a string compare per term, since
// lookup runs it for every candidate headline.
func intersectSorted(a, b []int32) int {
	n := 0
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] == b[0]:
			n++
			a, b = a[1:], b[1:]
		case a[0] < b[0]:
			a = a[1:]
		default:
			b = b[1:]
		}
	}
	return n
}

// related resolves the article's editorial related titles. A title that
// names the article itself is dropped rather than shown as text: it is the
// page the reader is on, and unlinked it would read as a broken link. A
// second title naming an article already linked is dropped too.
func (x *headlineIndex) related(a *Article) []Related {
	var rel []Related
	linked := []*Article{a}
	for _, title := range a.Meta.Related {
		b := x.lookup(title)
		if b == nil {
			q := terms(title)
			b = x.leads.lookup(x.termIDs(q, false), len(q), a)
		}
		switch {
		case b == nil:
			rel = append(rel, Related{Title: title})
		case !slices.Contains(linked, b):
			linked = append(linked, b)
			rel = append(rel, Related{Title: title, Article: b})
		}
	}
	return rel
}
