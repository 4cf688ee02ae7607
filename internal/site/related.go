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
// through an inverted index probed with the title's rarest terms only.
type headlineIndex struct {
	exact    map[string]int // normalised headline → first article
	heads    []headline
	postings map[posting][]int // term and size → indexes into heads
	df       map[string]int    // term → number of headlines with it
	ids      map[string]int32  // term → its id in headline.terms
}

// posting keys the inverted index by term and by the number of terms of
// the headline, since a headline much longer or shorter than a title cannot
// be similar to it: the lists read stay short even for "Ukraine".
type posting struct {
	term string
	size int
}

func newHeadlineIndex(articles []*Article) *headlineIndex {
	x := &headlineIndex{exact: make(map[string]int), postings: make(map[posting][]int), df: make(map[string]int), ids: make(map[string]int32)}
	for i, a := range articles {
		for _, h := range []string{a.Meta.Title, a.Meta.Headline} {
			if h != "" {
				x.add(i, h)
			}
		}
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
		k := posting{t, len(ts)}
		x.postings[k] = append(x.postings[k], len(x.heads))
		x.df[t]++
		id, ok := x.ids[t]
		if !ok {
			id = int32(len(x.ids))
			x.ids[t] = id
		}
		h.terms = append(h.terms, id)
	}
	slices.Sort(h.terms)
	x.heads = append(x.heads, h)
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
	// A headline in the lists of two probed terms is weighed twice, to
	// the same result: cheaper than remembering which were seen.
	for _, t := range x.probe(q) {
		for size := minSize; size <= maxSize; size++ {
			for _, hi := range x.postings[posting{t, size}] {
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
	}
	return best
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

// probe returns the terms of q whose postings must be read: a headline
// sharing fewer than ceil(3/4·|q|) of q's terms cannot be similar enough,
// so it must contain one of any |q|−ceil(3/4·|q|)+1 of them. Taking the
// rarest keeps the lists read short even when every headline says
// "Ukraine".
func (x *headlineIndex) probe(q map[string]bool) []string {
	if len(q) == 0 {
		return nil
	}
	list := make([]string, 0, len(q))
	for t := range q {
		list = append(list, t)
	}
	slices.SortFunc(list, func(a, b string) int {
		return cmp.Or(cmp.Compare(x.df[a], x.df[b]), cmp.Compare(a, b))
	})
	need := (len(q)*similarNum + similarDen - 1) / similarDen
	return list[:len(q)-need+1]
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
