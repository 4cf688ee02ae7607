package site

import (
	"testing"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/gen"
)

// TestLookupMatchesBruteForce checks the headline index against comparing
// every title with every headline as sets, on a generated corpus whose
// topics are skewed as a real archive's are.
func TestLookupMatchesBruteForce(t *testing.T) {
	articles, titles := genHeadlines(1000)
	x := newHeadlineIndex(articles)
	sets := make([][]map[string]bool, len(articles))
	for i, a := range articles {
		for _, h := range []string{a.Meta.Title, a.Meta.Headline} {
			if h != "" {
				sets[i] = append(sets[i], terms(h))
			}
		}
	}
	found := 0
	for _, title := range titles {
		got, want := x.lookup(title), bruteLookup(x, sets, title)
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

// bruteLookup is lookup without the inverted index or term ids: the
// title compared with every headline's term set (sets[i] for article i).
func bruteLookup(x *headlineIndex, sets [][]map[string]bool, title string) int {
	if i, ok := x.exact[normalise(title)]; ok {
		return i
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
	for i, a := range gen.New(gen.Options{Count: n, Seed: 5}).Articles {
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
		x := newHeadlineIndex(articles)
		for _, t := range titles {
			x.lookup(t)
		}
	}
}
