package site

import (
	"slices"
	"sort"
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

// rankMore fills each article's More list from an inverted index of tags
// and terms, never comparing all pairs of articles.
func (s *Site) rankMore() {
	features := make([][]string, len(s.Articles))
	postings := make(map[string][]int)
	for i, a := range s.Articles {
		features[i] = articleFeatures(a)
		for _, f := range features[i] {
			postings[f] = append(postings[f], i) // ascending: digest order
		}
	}
	sc := &scratch{score: make([]int, len(s.Articles))}
	for i, a := range s.Articles {
		a.More = s.more(i, features[i], postings, sc)
	}
}

// scratch is the working memory of more, reused from article to article.
type scratch struct {
	score   []int // by article; all zero between calls
	touched []int // articles with a score
	top     []int // the best candidates so far, best first
}

// articleFeatures lists, sorted, the article's topics ("t:" and the slug)
// and the significant words of its title and dek ("w:" and the term).
func articleFeatures(a *Article) []string {
	var fs []string
	for _, t := range a.Topics {
		fs = append(fs, "t:"+t.Slug)
	}
	for w := range terms(a.Meta.Title + " " + a.Meta.Description) {
		fs = append(fs, "w:"+w)
	}
	slices.Sort(fs)
	return fs
}

// more ranks the articles sharing features with article i.
func (s *Site) more(i int, features []string, postings map[string][]int, sc *scratch) []*Article {
	score := sc.score
	sc.touched = sc.touched[:0]
	for _, f := range features {
		w := termWeight
		if f[0] == 't' {
			w = tagWeight
		}
		for _, j := range window(postings[f], i) {
			if score[j] == 0 {
				sc.touched = append(sc.touched, j)
			}
			score[j] += w
		}
	}
	skip := s.linked(i)
	sc.top = sc.top[:0]
	for _, j := range sc.touched {
		if score[j] >= minScore && !skip[j] {
			sc.top = insertTop(sc.top, j, score)
		}
	}
	for _, j := range sc.touched {
		score[j] = 0
	}
	var more []*Article
	for _, j := range sc.top {
		more = append(more, s.Articles[j])
	}
	return more
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

// window returns at most maxPosting entries of the sorted list, centred on
// where i is in it.
func window(list []int, i int) []int {
	if len(list) <= maxPosting {
		return list
	}
	pos := sort.SearchInts(list, i)
	lo := max(0, pos-maxPosting/2)
	hi := min(len(list), lo+maxPosting)
	return list[max(0, hi-maxPosting):hi]
}

// linked is the set of articles that article i must not list under "More
// on this": itself and those its related titles already link.
func (s *Site) linked(i int) map[int]bool {
	skip := map[int]bool{i: true}
	for _, r := range s.Articles[i].Related {
		if r.Article != nil {
			skip[r.Article.n] = true
		}
	}
	return skip
}
