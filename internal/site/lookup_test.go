package site

import (
	"slices"
	"testing"

	"github.com/t4k3news/digest/bench/gen/corpus"
	"github.com/t4k3news/digest/internal/content"
)

// TestLookupMatchesBruteForce checks the headline index against comparing
// every title with every headline as sets, on a generated corpus whose
// topics are skewed as a real archive's are.
func TestLookupMatchesBruteForce(t *testing.T) {
	articles, titles := genHeadlines(1000)
	x := indexHeadlines(articles)
	norms := make([][]string, len(articles))
	sets := make([][][]string, len(articles))
	for i, a := range articles {
		for _, h := range headlines(a) {
			norms[i] = append(norms[i], normalise(h))
			sets[i] = append(sets[i], terms(h))
		}
	}
	found := 0
	for _, title := range titles {
		got, want := place(x.lookup(title)), bruteLookup(norms, sets, title)
		if got != want {
			t.Errorf("lookup(%q) = %d, want %d", title, got, want)
		}
		if got >= 0 {
			found++
		}
	}
	if found < len(titles)/2 {
		t.Errorf("only %d of %d titles name an article", found, len(titles))
	}
}

// indexHeadlines indexes the headlines of the articles.
func indexHeadlines(articles []*Article) *headlineIndex {
	x := newHeadlineIndex()
	for _, a := range articles {
		x.add(a)
	}
	return x
}

// place returns the place of a in the digest, or -1 for nil.
func place(a *Article) int {
	if a == nil {
		return -1
	}
	return a.n
}

// bruteLookup is lookup without any index or term ids: the title compared
// with every normalised headline and then every headline's term set
// (norms[i] and sets[i] for article i). It returns the place of the article found, or -1.
func bruteLookup(norms [][]string, sets [][][]string, title string) int {
	for i, hs := range norms {
		if slices.Contains(hs, normalise(title)) {
			return i
		}
	}
	q := terms(title)
	best, bestInter, bestUnion := -1, 0, 1
	for i, hs := range sets {
		for _, h := range hs {
			inter := intersect(q, h)
			union := len(q) + len(h) - inter
			if inter*similarDen < union*similarNum {
				continue
			}
			if best < 0 || inter*bestUnion > bestInter*union || inter*bestUnion == bestInter*union && i < best {
				best, bestInter, bestUnion = i, inter, union
			}
		}
	}
	return best
}

// genHeadlines returns the headlines of a generated corpus of n articles
// as articles, and its related titles.
func genHeadlines(n int) ([]*Article, []string) {
	var articles []*Article
	var titles []string
	for i, a := range corpus.New(corpus.Options{Count: n, Seed: 5}).Articles {
		m := content.Meta{Title: a.Headline, Headline: a.AltHeadline}
		if a.Headerless {
			m.Title = a.Name // a headline nothing names
		}
		articles = append(articles, &Article{Meta: &m, n: i})
		for _, r := range a.Related {
			titles = append(titles, r.Title)
		}
	}
	return articles, titles
}

// BenchmarkHeadlineIndex indexes the headlines of 10,000 articles and
// looks up their related titles.
func BenchmarkHeadlineIndex(b *testing.B) {
	articles, titles := genHeadlines(10000)
	for b.Loop() {
		x := indexHeadlines(articles)
		for _, t := range titles {
			x.lookup(t)
		}
	}
}

func intersect(a, b []string) int {
	n := 0
	for _, t := range a {
		if slices.Contains(b, t) {
			n++
		}
	}
	return n
}
