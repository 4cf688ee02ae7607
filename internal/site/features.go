package site

import (
	"slices"
	"sort"
)

// featureIndex is the inverted index that "More on this" is ranked from:
// each article's features (see articleFeatures) and each feature's
// articles. A feature is known by a number, given the first time it is
// seen and never reused, so that the preview can add and remove articles
// and the lists read for an article are found without hashing its words.
type featureIndex struct {
	ids      map[string]int32     // feature → its id
	kinds    []byte               // by id: 'm', 'c', 't' or 'w', as articleFeatures names them
	of       map[*Article][]int32 // an article's features, in the order of their names
	postings [][]*Article         // by id: the articles with the feature, in digest order
}

func newFeatureIndex() *featureIndex {
	return &featureIndex{ids: make(map[string]int32), of: make(map[*Article][]int32)}
}

// add indexes a, whose features are fs (articleFeatures).
func (x *featureIndex) add(a *Article, fs []string) {
	x.addTo(a, fs, insertArticle)
}

// addAll indexes the articles, in digest order, with their features:
// each goes at the end of its lists, with no comparison.
func (x *featureIndex) addAll(articles []*Article, features func(*Article) []string) {
	for _, a := range articles {
		x.addTo(a, features(a), func(list []*Article, a *Article) []*Article { return append(list, a) })
	}
}

func (x *featureIndex) addTo(a *Article, fs []string, insert func([]*Article, *Article) []*Article) {
	ids := make([]int32, len(fs))
	for i, f := range fs {
		id, ok := x.ids[f]
		if !ok {
			id = int32(len(x.kinds))
			x.ids[f] = id
			x.kinds = append(x.kinds, f[0])
			x.postings = append(x.postings, nil)
		}
		ids[i] = id
		x.postings[id] = insert(x.postings[id], a)
	}
	x.of[a] = ids
}

func (x *featureIndex) remove(a *Article) {
	for _, id := range x.of[a] {
		x.postings[id] = deleteArticle(x.postings[id], a)
	}
	delete(x.of, a)
}

// near returns the places in the digest of the articles with feature f
// nearest the article at place n, which has it: up to span of those
// before it (newer) and of those after it (older), and how many there
// are from n on. The places go into buf, which it returns for reuse.
func (x *featureIndex) near(f int32, n, span int, buf []int32) (newer, older []int32, df int, _ []int32) {
	list := x.postings[f]
	pos := sort.Search(len(list), func(k int) bool { return list[k].n >= n })
	buf = buf[:0]
	for _, b := range list[max(0, pos-span):min(len(list), pos+1+span)] {
		buf = append(buf, int32(b.n))
	}
	mid := min(pos, span) // the place of n in buf
	return buf[:mid], buf[mid+1:], len(list) - pos, buf
}

func (x *featureIndex) features(a *Article) []int32 { return x.of[a] }

func (x *featureIndex) kind(f int32) byte { return x.kinds[f] }

// frozenFeatures is a featureIndex at one version of the site, for
// ranking every article at once: the articles by place rather than by
// pointer, and the lists in two flat arrays rather than one allocation
// each. At 100,000 articles the index outgrows the CPU caches, and every
// pointer followed and list found is a trip to memory; here an article's
// features are next to each other, and a list is a run of places to
// binary search and read without touching the articles.
type frozenFeatures struct {
	kinds     []byte
	feats     []int32 // the features of the article at place i: feats[featStart[i]:featStart[i+1]]
	featStart []int32
	lists     []int32 // the places of feature f's articles, ascending: lists[listStart[f]:listStart[f+1]]
	listStart []int32
}

// freeze returns x as it is for the articles, in digest order.
func (x *featureIndex) freeze(articles []*Article) *frozenFeatures {
	z := &frozenFeatures{kinds: x.kinds, featStart: make([]int32, len(articles)+1), listStart: make([]int32, len(x.kinds)+1)}
	for i, a := range articles {
		fs := x.of[a]
		z.feats = append(z.feats, fs...)
		z.featStart[i+1] = int32(len(z.feats))
		for _, f := range fs {
			z.listStart[f+1]++
		}
	}
	for f := range x.kinds {
		z.listStart[f+1] += z.listStart[f]
	}
	z.lists = make([]int32, len(z.feats))
	next := slices.Clone(z.listStart[:len(x.kinds)])
	for i := range articles {
		for _, f := range z.feats[z.featStart[i]:z.featStart[i+1]] {
			z.lists[next[f]] = int32(i)
			next[f]++
		}
	}
	return z
}

func (z *frozenFeatures) near(f int32, n, span int, buf []int32) (newer, older []int32, df int, _ []int32) {
	list := z.lists[z.listStart[f]:z.listStart[f+1]]
	pos, _ := slices.BinarySearch(list, int32(n))
	return list[max(0, pos-span):pos], list[pos+1 : min(len(list), pos+1+span)], len(list) - pos, buf
}

func (z *frozenFeatures) features(a *Article) []int32 {
	return z.feats[z.featStart[a.n]:z.featStart[a.n+1]]
}

func (z *frozenFeatures) kind(f int32) byte { return z.kinds[f] }

// featureReader is what more reads of the index: a featureIndex, or one
// frozen.
type featureReader interface {
	features(a *Article) []int32
	kind(f int32) byte
	near(f int32, n, span int, buf []int32) (newer, older []int32, df int, _ []int32)
}
