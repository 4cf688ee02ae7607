package site

import (
	"slices"
	"sort"
	"sync"
)

// MaxMore is the most "More on this" articles an article lists.
const MaxMore = 5

// Scores of what two articles share. A tag is the editor's statement of the
// subject, so it weighs more than a word the headlines happen to share; an
// article needs a shared tag or two shared terms to be listed at all.
const (
	tagWeight  = 3
	termWeight = 1
	minScore   = 2
)

// maxPosting caps how much of one tag's or term's article list is read for
// an article: the maxPosting articles nearest it in the digest. Common tags
// ("Ukraine") would otherwise make ranking quadratic in the number of
// articles; the nearest in time are the likeliest to be the same story.
const maxPosting = 200

// articleFeatures lists, sorted, the article's topics ("t:" and the slug)
// and the significant words of its title and dek ("w:" and the term).
func articleFeatures(a *Article) []string {
	var fs []string
	for _, t := range a.Topics {
		fs = append(fs, "t:"+t.Slug)
	}
	for _, w := range terms(a.Meta.Title + " " + a.Meta.Description) {
		fs = append(fs, "w:"+w)
	}
	slices.Sort(fs)
	return fs
}

// scratch is the working memory of more, reused from article to article.
type scratch struct {
	score   []int // by place in the digest; all zero between calls
	touched []int // articles with a score
	top     []int // the best candidates so far, best first
}

var scratches = sync.Pool{New: func() any { return new(scratch) }}

// more ranks the articles sharing features with a, from an inverted index
// of tags and terms, never comparing all pairs of articles. None of them
// is a or linked from rel.
func (l *Live) more(a *Article, rel []Related, sc *scratch) []*Article {
	if len(sc.score) < len(l.s.Articles) {
		sc.score = make([]int, len(l.s.Articles))
	}
	score := sc.score
	sc.touched = sc.touched[:0]
	for _, f := range l.features[a] {
		w := termWeight
		if f[0] == 't' {
			w = tagWeight
		}
		for _, b := range window(l.postings[f], a.n) {
			if score[b.n] == 0 {
				sc.touched = append(sc.touched, b.n)
			}
			score[b.n] += w
		}
	}
	sc.top = sc.top[:0]
	for _, j := range sc.touched {
		if score[j] >= minScore && !linked(a, rel, j) {
			sc.top = insertTop(sc.top, j, score)
		}
	}
	for _, j := range sc.touched {
		score[j] = 0
	}
	var more []*Article
	for _, j := range sc.top {
		more = append(more, l.s.Articles[j])
	}
	return more
}

// linked reports whether the article at place j is a or one that its
// related titles rel link.
func linked(a *Article, rel []Related, j int) bool {
	if j == a.n {
		return true
	}
	for _, r := range rel {
		if r.Article != nil && r.Article.n == j {
			return true
		}
	}
	return false
}

// insertTop adds article j to top, the best at most MaxMore articles,
// best first: higher score, then earlier in the digest. Keeping only
// those is cheaper than sorting every candidate, and gives the same list.
func insertTop(top []int, j int, score []int) []int {
	better := func(a, b int) bool { return score[a] > score[b] || score[a] == score[b] && a < b }
	k := len(top)
	for k > 0 && better(j, top[k-1]) {
		k--
	}
	if k >= MaxMore {
		return top
	}
	if len(top) < MaxMore {
		top = append(top, 0)
	}
	copy(top[k+1:], top[k:len(top)-1])
	top[k] = j
	return top
}

// window returns at most maxPosting articles of the list, in digest order,
// centred on where place i is in it.
func window(list []*Article, i int) []*Article {
	if len(list) <= maxPosting {
		return list
	}
	pos := sort.Search(len(list), func(k int) bool { return list[k].n >= i })
	lo := max(0, pos-maxPosting/2)
	hi := min(len(list), lo+maxPosting)
	return list[max(0, hi-maxPosting):hi]
}
