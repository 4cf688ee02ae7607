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
	article int     // index into Site.Articles
	terms   []int32 // ids of its terms, sorted, so that sets intersect by merging
}

// headlineIndex finds the article a related title names without comparing
// the title with every headline: exact matches by map, near-duplicates
// through an inverted index of term pairs. A near-duplicate shares most of
// the title's terms, so it holds some pair of them; and a pair is far rarer
// than either of its terms. Indexed by single terms, the lists read grow
// with the archive, since a headline's words come from a vocabulary that
// does not ("Ukraine", "talks", "deadline"), and lookup is linear in the
// number of articles.
type headlineIndex struct {
	exact map[string]int // normalised headline → first article
	heads []headline
	pairs map[uint64][]int32 // pairKey → indexes into heads, shortest headline first
	ids   map[string]int32   // term → its id in headline.terms
}

// pairKey keys the inverted index by two term ids, a ≤ b: a headline of
// one term is listed under a = b.
func pairKey(a, b int32) uint64 { return uint64(a)<<32 | uint64(b) }

func newHeadlineIndex(articles []*Article) *headlineIndex {
	x := &headlineIndex{exact: make(map[string]int), pairs: make(map[uint64][]int32), ids: make(map[string]int32)}
	for i, a := range articles {
		for _, h := range []string{a.Meta.Title, a.Meta.Headline} {
			if h != "" {
				x.add(i, h)
			}
		}
	}
	for _, list := range x.pairs {
		slices.SortStableFunc(list, func(i, j int32) int { return cmp.Compare(len(x.heads[i].terms), len(x.heads[j].terms)) })
	}
	return x
}

func (x *headlineIndex) add(article int, text string) {
	if _, ok := x.exact[normalise(text)]; !ok {
		x.exact[normalise(text)] = article
	}
	ts := terms(text)
	h := headline{article: article, terms: make([]int32, 0, len(ts))}
	for t := range ts {
		id, ok := x.ids[t]
		if !ok {
			id = int32(len(x.ids))
			x.ids[t] = id
		}
		h.terms = append(h.terms, id)
	}
	slices.Sort(h.terms)
	hi := int32(len(x.heads))
	x.heads = append(x.heads, h)
	if len(h.terms) == 1 {
		k := pairKey(h.terms[0], h.terms[0])
		x.pairs[k] = append(x.pairs[k], hi)
	}
	for i, a := range h.terms {
		for _, b := range h.terms[i+1:] {
			x.pairs[pairKey(a, b)] = append(x.pairs[pairKey(a, b)], hi)
		}
	}
}

// lookup returns the index of the article that title names, or -1: an
// exact headline match first, else the most similar near-duplicate, ties
// going to the newer article.
func (x *headlineIndex) lookup(title string) int {
	if i, ok := x.exact[normalise(title)]; ok {
		return i
	}
	q := terms(title)
	ids := x.termIDs(q)
	best, bestInter, bestUnion := -1, 0, 1
	// |h| ≥ 3/4·|q| and |q| ≥ 3/4·|h| for Jaccard ≥ 3/4.
	minSize := (len(q)*similarNum + similarDen - 1) / similarDen
	maxSize := len(q) * similarDen / similarNum
	// A headline in the lists of two probed pairs is weighed twice, to
	// the same result: cheaper than remembering which were seen.
	for _, k := range x.probe(ids, minSize) {
		for _, hi := range x.sized(x.pairs[k], minSize, maxSize) {
			h := &x.heads[hi]
			inter := intersectSorted(ids, h.terms)
			union := len(q) + len(h.terms) - inter
			if inter*similarDen < union*similarNum {
				continue
			}
			if best < 0 || inter*bestUnion > bestInter*union || inter*bestUnion == bestInter*union && h.article < best {
				best, bestInter, bestUnion = h.article, inter, union
			}
		}
	}
	return best
}

// sized returns the part of list whose headlines have from minSize to
// maxSize terms.
func (x *headlineIndex) sized(list []int32, minSize, maxSize int) []int32 {
	lo, _ := slices.BinarySearchFunc(list, minSize, func(hi int32, n int) int { return cmp.Compare(len(x.heads[hi].terms), n) })
	hi, _ := slices.BinarySearchFunc(list, maxSize+1, func(hi int32, n int) int { return cmp.Compare(len(x.heads[hi].terms), n) })
	return list[lo:hi]
}

// probe returns the keys of the pairs of term ids whose lists must be
// read, for a title whose terms that some headline has are ids and of
// which a similar headline shares at least need. Any len(ids)−need+1 pairs
// with no term in common will do: the need shared terms cannot avoid them
// all, since avoiding a pair leaves out one of its terms. The pairs taken
// are those with the shortest lists, greedily.
func (x *headlineIndex) probe(ids []int32, need int) []uint64 {
	switch {
	case need == 0 || len(ids) < need:
		return nil
	case need == 1: // a one-term title matches only a one-term headline
		return []uint64{pairKey(ids[0], ids[0])}
	}
	type edge struct {
		a, b int32
		cost int
	}
	edges := make([]edge, 0, len(ids)*(len(ids)-1)/2)
	for i, a := range ids {
		for _, b := range ids[i+1:] {
			edges = append(edges, edge{a, b, len(x.pairs[pairKey(a, b)])})
		}
	}
	slices.SortFunc(edges, func(e, f edge) int {
		return cmp.Or(cmp.Compare(e.cost, f.cost), cmp.Compare(e.a, f.a), cmp.Compare(e.b, f.b))
	})
	var taken []int32
	keys := make([]uint64, 0, len(ids)-need+1)
	for _, e := range edges {
		if len(keys) == cap(keys) {
			break
		}
		if !slices.Contains(taken, e.a) && !slices.Contains(taken, e.b) {
			taken = append(taken, e.a, e.b)
			keys = append(keys, pairKey(e.a, e.b))
		}
	}
	return keys
}

// termIDs returns the sorted ids of the terms of q that some headline
// has; the others can match nothing.
func (x *headlineIndex) termIDs(q map[string]bool) []int32 {
	ids := make([]int32, 0, len(q))
	for t := range q {
		if id, ok := x.ids[t]; ok {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

func intersect(a, b map[string]bool) int {
	if len(b) < len(a) {
		a, b = b, a
	}
	n := 0
	for t := range a {
		if b[t] {
			n++
		}
	}
	return n
}

// intersectSorted is intersect for sorted term ids: a merge of two short
// arrays, without a hash or a string compare per term, since lookup runs
// it for every candidate headline.
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

// resolveRelated resolves each article's editorial related titles. A title
// that names the article itself is dropped rather than shown as text: it is
// the page the reader is on, and unlinked it would read as a broken link.
// A second title naming an article already linked is dropped too.
func (s *Site) resolveRelated() {
	x := newHeadlineIndex(s.Articles)
	for i, a := range s.Articles {
		linked := map[int]bool{i: true}
		for _, title := range a.Meta.Related {
			j := x.lookup(title)
			switch {
			case j < 0:
				a.Related = append(a.Related, Related{Title: title})
			case !linked[j]:
				linked[j] = true
				a.Related = append(a.Related, Related{Title: title, Article: s.Articles[j]})
			}
		}
	}
}
