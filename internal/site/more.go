package site

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"
)

// MaxMore is the most "More on this" articles an article lists.
const MaxMore = 5

// "More on this" ranks the articles that share an article's topics and
// the terms of its headlines, dek and lede, each shared feature weighted
// by its rarity: log((N+1)/df), where df is how many of the N articles
// counted carry it. A topic half the site has counts for little, a name
// three stories share for much. A topic is the editor's statement of the
// subject and weighs tagWeight times a word; a category (a subject from
// the vocabulary, such as "Economy") is as broad as a word.
//
// The list is stable as the archive grows. An article's candidates, and
// the N and df of its weights, are the articles published before it (and
// itself), plus at most maxNewer newer ones: the first that qualify, in
// order of publication. A story published later changes an older story's
// list only while that list has fewer than maxNewer newer stories in it,
// so each page changes at most maxNewer times after it is published, and
// adding the newest story leaves all but a few pages as they were.
//
// A candidate qualifies with at least minShared features in common and a
// score of at least minScore: one shared subject, or one common word, is
// not "more on this". Those that do are listed first, best first; a list
// left short is filled with stories whose main subject (first category)
// is the article's, best first. Ties go to the newer article.
const (
	tagWeight      = 2
	categoryWeight = 1
	termWeight     = 1
	minShared      = 2
	minScore       = 6
	maxNewer       = 2
)

// rough rounds a count of articles down to its first roughBits bits
// (counts below 1<<roughBits are exact), for the weights of More: so that
// one story more or less changes the weight a newer story gives a
// feature only when the count crosses one of those few values, and an
// edit need not rank again every newer story that shares a word with it
// (see reach in sidebars.go). A weight moves by at most log(9/8) for it.
func rough(n int) int {
	if n < 1<<roughBits {
		return n
	}
	drop := bits.Len(uint(n)) - roughBits
	return n >> drop << drop
}

// roughBits is how many leading bits of a count rough keeps.
const roughBits = 4

// maxPosting caps how much of one feature's article list is read for an
// article: the maxPosting articles nearest it on each side, or maxSubject
// for a category, which is far more common than a name and needs only
// enough stories to fill a list. Common
// features ("Ukraine") would otherwise make ranking quadratic in the
// number of articles; the nearest in time are the likeliest to be the same
// story, and the older side never changes as the archive grows.
const (
	maxPosting = 100
	maxSubject = 30
)

// articleFeatures lists, sorted, the article's main subject ("m:" and the
// slug of its first category), its categories ("c:"), its tags ("t:")
// and the significant words of its headlines and dek, or lede if it has
// no dek ("w:" and the term). slug is the slug of a tag's topic: two
// spellings the site config merges are one feature.
func articleFeatures(a *Article, slug func(tag string) string) []string {
	var fs []string
	if len(a.Meta.Categories) > 0 {
		fs = append(fs, "m:"+slug(a.Meta.Categories[0]))
	}
	for _, c := range a.Meta.Categories {
		fs = append(fs, "c:"+slug(c))
	}
	for _, t := range a.Meta.Tags {
		fs = append(fs, "t:"+slug(t))
	}
	text := a.Meta.Title + " " + a.Meta.Headline + " " + a.Meta.Description
	if a.Meta.Description == "" {
		text += " " + a.Meta.Summary // a headerless story's dek
	}
	// A name is counted once, as a tag, not again as the words it is
	// written with.
	named := terms(strings.Join(a.Meta.Tags, " "))
	for _, w := range terms(text) {
		if !number(w) && !weak[w] && !slices.Contains(named, w) {
			fs = append(fs, "w:"+w)
		}
	}
	slices.Sort(fs)
	return slices.Compact(fs)
}

// scratch is the working memory of more, reused from article to article.
type scratch struct {
	by      []tally     // by place in the digest; all zero between calls
	top     []candidate // the best older candidates so far
	newer   []candidate // the newer candidates nearest a so far
	touched []int32     // places of the articles with a tally
	buf     []int32     // for featureIndex.near
}

// tally is what more counts of one candidate. One array of them, rather
// than an array for each count, costs one cache miss per candidate.
type tally struct {
	score   float64
	shared  int32 // features shared
	subject bool  // whether it shares the main subject
}

var scratches = sync.Pool{New: func() any { return new(scratch) }}

// more ranks the articles sharing features with a, from an inverted index
// of topics and terms, never comparing all pairs of articles. None of
// them is a or linked from rel.
func (l *Live) more(x featureReader, a *Article, rel []Related, sc *scratch) []*Article {
	if len(sc.by) < len(l.s.Articles) {
		sc.by = make([]tally, len(l.s.Articles))
	}
	sc.touched = sc.touched[:0]
	older := len(l.s.Articles) - a.n // a and the articles before it
	for _, f := range x.features(a) {
		kind := x.kind(f)
		span := maxPosting
		if kind == 'm' || kind == 'c' {
			span = maxSubject
		}
		newer, old, df, buf := x.near(f, a.n, span, sc.buf)
		sc.buf = buf
		if kind == 'm' { // the articles whose main subject is a's
			sc.mark(newer)
			sc.mark(old)
			continue
		}
		w := math.Log(float64(rough(older)+1) / float64(rough(df)))
		switch kind {
		case 't':
			w *= tagWeight
		case 'c':
			w *= categoryWeight
		default:
			w *= termWeight
		}
		sc.add(newer, w)
		sc.add(old, w)
	}
	// Keep only the best MaxMore older candidates and the maxNewer newer
	// ones nearest a, as each is found: cheaper than sorting the
	// thousands a common subject touches, and the same lists.
	sc.top, sc.newer = sc.top[:0], sc.newer[:0]
	for _, j := range sc.touched {
		c, ok := sc.by[j].candidate(int(j))
		if !ok || linked(a, rel, c.j) {
			continue
		}
		if c.j > a.n {
			sc.top = keepBest(sc.top, c, MaxMore, better)
		} else {
			sc.newer = keepBest(sc.newer, c, maxNewer, nearer)
		}
	}
	cands := append(sc.top, sc.newer...)
	slices.SortFunc(cands, func(c, d candidate) int {
		if better(c, d) {
			return -1
		}
		return 1 // candidates differ in place, so never equal
	})
	var more []*Article
	for _, c := range cands[:min(len(cands), MaxMore)] {
		more = append(more, l.s.Articles[c.j])
	}
	for _, j := range sc.touched {
		sc.by[j] = tally{}
	}
	return more
}

// candidate returns the candidate the article at place j is, and whether
// it qualifies at all.
func (t tally) candidate(j int) (candidate, bool) {
	switch {
	case t.shared >= minShared && t.score >= minScore:
		return candidate{j: j, tier: 2, score: t.score}, true
	case t.subject:
		return candidate{j: j, tier: 1, score: t.score}, true
	}
	return candidate{}, false
}

// candidate is an article that qualifies for a's list: its place j,
// its tier (2 for a strong match, 1 for the same main subject) and score.
type candidate struct {
	j     int
	tier  int
	score float64
}

// better orders candidates best first: higher tier, higher score, newer.
func better(c, d candidate) bool {
	return cmp.Or(cmp.Compare(d.tier, c.tier), cmp.Compare(d.score, c.score), cmp.Compare(c.j, d.j)) < 0
}

// nearer orders newer candidates by publication after a: the nearest
// (latest in the digest, so highest place) first.
func nearer(c, d candidate) bool { return c.j > d.j }

// keepBest adds c to list, the first at most n candidates in the order
// less, keeping it in that order.
func keepBest(list []candidate, c candidate, n int, less func(c, d candidate) bool) []candidate {
	k := len(list)
	for k > 0 && less(c, list[k-1]) {
		k--
	}
	if k >= n {
		return list
	}
	if len(list) < n {
		list = append(list, candidate{})
	}
	copy(list[k+1:], list[k:len(list)-1])
	list[k] = c
	return list
}

// weak words are common in news headlines whatever the story: two stories
// that both "call" for something, or "end", are not on one subject. (In a
// large archive their rarity says so; in a small one it cannot.)
var weak = setOf(`call end begin start open close bring cut record cost government
	minister prime president official leader plan deal talk rise fall hit make take give
	show keep set see come go get put face warn back move hold win lose week report world
	country countrie state nation people group part issue case need help use`)

// number reports whether a term is a number, which says nothing of a
// story's subject ("4" of "rates cut to 4%").
func number(w string) bool {
	return strings.Trim(w, "0123456789") == ""
}

// add adds weight w to the tally of every article in list.
func (sc *scratch) add(list []int32, w float64) {
	for _, j := range list {
		t := &sc.by[j]
		if t.shared == 0 && !t.subject {
			sc.touched = append(sc.touched, j)
		}
		t.score += w
		t.shared++
	}
}

// mark marks every article in list as one on the main subject.
func (sc *scratch) mark(list []int32) {
	for _, j := range list {
		t := &sc.by[j]
		if t.shared == 0 && !t.subject {
			sc.touched = append(sc.touched, j)
		}
		t.subject = true
	}
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
