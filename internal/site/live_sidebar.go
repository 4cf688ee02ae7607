package site

import (
	"cmp"
	"slices"
	"sort"
)

// liveHeadlines is headlineIndex keyed by article rather than by place in
// the digest, so that it survives articles moving: see [headlineIndex] for
// how a related title is looked up.
type liveHeadlines struct {
	exact    map[string][]*Article
	postings map[posting][]*liveHead
	df       map[string]int
}

type liveHead struct {
	article *Article
	terms   map[string]bool
}

func newLiveHeadlines() *liveHeadlines {
	return &liveHeadlines{exact: make(map[string][]*Article), postings: make(map[posting][]*liveHead), df: make(map[string]int)}
}

func headlines(a *Article) []string {
	var hs []string
	for _, h := range []string{a.Meta.Title, a.Meta.Headline} {
		if h != "" {
			hs = append(hs, h)
		}
	}
	return hs
}

func (x *liveHeadlines) add(a *Article) {
	for _, text := range headlines(a) {
		x.exact[normalise(text)] = append(x.exact[normalise(text)], a)
		h := &liveHead{article: a, terms: terms(text)}
		for t := range h.terms {
			k := posting{t, len(h.terms)}
			x.postings[k] = append(x.postings[k], h)
			x.df[t]++
		}
	}
}

func (x *liveHeadlines) remove(a *Article) {
	for _, text := range headlines(a) {
		key := normalise(text)
		x.exact[key] = slices.DeleteFunc(x.exact[key], func(b *Article) bool { return b == a })
		if len(x.exact[key]) == 0 {
			delete(x.exact, key)
		}
		ts := terms(text)
		for t := range ts {
			k := posting{t, len(ts)}
			x.postings[k] = slices.DeleteFunc(x.postings[k], func(h *liveHead) bool { return h.article == a })
			if len(x.postings[k]) == 0 {
				delete(x.postings, k)
			}
			if x.df[t]--; x.df[t] == 0 {
				delete(x.df, t)
			}
		}
	}
}

// lookup returns the article that title names, or nil, as
// headlineIndex.lookup does.
func (x *liveHeadlines) lookup(title string) *Article {
	if list := x.exact[normalise(title)]; len(list) > 0 {
		return slices.MinFunc(list, func(a, b *Article) int { return cmp.Compare(a.n, b.n) })
	}
	q := terms(title)
	var best *Article
	bestInter, bestUnion := 0, 1
	minSize := (len(q)*similarNum + similarDen - 1) / similarDen
	maxSize := len(q) * similarDen / similarNum
	for _, t := range x.probe(q) {
		for size := minSize; size <= maxSize; size++ {
			for _, h := range x.postings[posting{t, size}] {
				inter := intersect(q, h.terms)
				union := len(q) + len(h.terms) - inter
				if inter*similarDen < union*similarNum {
					continue
				}
				if best == nil || inter*bestUnion > bestInter*union || inter*bestUnion == bestInter*union && h.article.n < best.n {
					best, bestInter, bestUnion = h.article, inter, union
				}
			}
		}
	}
	return best
}

// posting keys the inverted index by term and by the number of terms of
// the headline.
type posting struct {
	term string
	size int
}

// probe returns the rarest terms of q, enough that a headline sharing
// ceil(3/4·|q|) of them must contain one.
func (x *liveHeadlines) probe(q map[string]bool) []string {
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

// Sidebar returns a copy of a with its Related and More made for the site
// as it is now. It changes nothing, so pages can be rendered concurrently.
func (l *Live) Sidebar(a *Article) *Article {
	c := *a
	c.Related = l.related(a)
	c.More = l.more(a, c.Related)
	return &c
}

// Complete fills in every article's Related and More, for rendering the
// whole site.
func (l *Live) Complete() {
	for _, a := range l.s.Articles {
		a.Related = l.related(a)
	}
	for _, a := range l.s.Articles {
		a.More = l.more(a, a.Related)
	}
}

// related is resolveRelated for one article.
func (l *Live) related(a *Article) []Related {
	var rel []Related
	linked := map[*Article]bool{a: true}
	for _, title := range a.Meta.Related {
		b := l.heads.lookup(title)
		switch {
		case b == nil:
			rel = append(rel, Related{Title: title})
		case !linked[b]:
			linked[b] = true
			rel = append(rel, Related{Title: title, Article: b})
		}
	}
	return rel
}

// more is Site.more for one article, over postings of articles.
func (l *Live) more(a *Article, rel []Related) []*Article {
	score := make(map[*Article]int)
	for _, f := range l.features[a] {
		w := termWeight
		if f[0] == 't' {
			w = tagWeight
		}
		for _, b := range liveWindow(l.postings[f], a.n) {
			score[b] += w
		}
	}
	skip := map[*Article]bool{a: true}
	for _, r := range rel {
		if r.Article != nil {
			skip[r.Article] = true
		}
	}
	var cands []*Article
	for b, sc := range score {
		if sc >= minScore && !skip[b] {
			cands = append(cands, b)
		}
	}
	slices.SortFunc(cands, func(x, y *Article) int { return cmp.Or(cmp.Compare(score[y], score[x]), cmp.Compare(x.n, y.n)) })
	return slices.Clip(cands[:min(len(cands), MaxMore)])
}

// liveWindow is window over a list of articles in digest order.
func liveWindow(list []*Article, i int) []*Article {
	if len(list) <= maxPosting {
		return list
	}
	pos := sort.Search(len(list), func(k int) bool { return list[k].n >= i })
	lo := max(0, pos-maxPosting/2)
	hi := min(len(list), lo+maxPosting)
	return list[max(0, hi-maxPosting):hi]
}
