package site

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/t4k3news/digest/internal/content"
)

func TestMore(t *testing.T) {
	mk := func(slug, title string, d int, tags ...string) *content.Document {
		return &content.Document{Path: slug + ".md", Meta: content.Meta{Title: title, Slug: slug, Date: day(d), Tags: tags}}
	}
	self := mk("self", "Lavrov rejects guarantees talks", 10, "Russia", "Lavrov", "NATO")
	self.Meta.Related = []string{"Linked story about Lavrov"}
	s := build(t, self,
		mk("linked", "Linked story about Lavrov", 1, "Russia", "Lavrov", "NATO"),
		mk("two-tags", "Unrelated words here", 2, "Russia", "Lavrov"), // 6
		mk("tag-term", "Guarantees again", 3, "NATO"),                 // 4
		mk("tag-older", "Nothing shared", 1, "NATO"),                  // 3
		mk("tag-newer", "Nothing shared either", 4, "Russia"),         // 3
		mk("two-terms", "Lavrov talks", 5),                            // 2
		mk("one-term", "Talks elsewhere", 6),                          // 1: too weak
		mk("other", "Weather report", 7, "Weather"),                   // 0
		mk("two-terms-b", "Talks with Lavrov", 1),                     // 2, older
	)
	if got, want := slugs(s.Article("self").More), []string{"two-tags", "tag-term", "tag-newer", "tag-older", "two-terms"}; !slices.Equal(got, want) {
		t.Errorf("More = %v, want %v", got, want)
	}
}

func TestWindow(t *testing.T) {
	list := make([]*Article, 1000)
	for i := range list {
		list[i] = &Article{n: 2 * i}
	}
	tests := []struct{ i, first, last int }{
		{0, 0, 398},
		{1000, 800, 1198},
		{1998, 1600, 1998},
		{5, 0, 398},
	}
	for _, tt := range tests {
		w := window(list, tt.i)
		if len(w) != maxPosting || w[0].n != tt.first || w[len(w)-1].n != tt.last {
			t.Errorf("window(%d) = [%d..%d] (%d), want [%d..%d]", tt.i, w[0].n, w[len(w)-1].n, len(w), tt.first, tt.last)
		}
	}
	if got := window(list[:2], 7); len(got) != 2 {
		t.Errorf("short window = %d articles", len(got))
	}
}

// TestLarge checks that the model of a big site builds in near-linear time:
// every article shares the tag "Ukraine" and the word "security".
func TestLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("large site")
	}
	const n = 20000
	docs := make([]*content.Document, n)
	for i := range docs {
		slug := fmt.Sprintf("a%d", i)
		docs[i] = &content.Document{Path: slug + ".md", Meta: content.Meta{
			Title:   fmt.Sprintf("Ukraine security story %d about w%d", i, i%97),
			Slug:    slug,
			Date:    day(1).Add(time.Duration(i) * time.Minute),
			Tags:    []string{"Ukraine", fmt.Sprintf("t%d", i%50)},
			Related: []string{fmt.Sprintf("Ukraine security story %d about w%d", (i+7)%n, ((i+7)%n)%97), "Ukraine security"},
		}}
	}
	start := time.Now()
	s := build(t, docs...)
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("building %d articles took %v", n, d)
	}
	a := s.Article("a0")
	if a.Related[0].Article != s.Article("a7") || a.Related[1].Article != nil || len(a.More) != MaxMore {
		t.Errorf("a0: related %v, %d more", sidebar(a), len(a.More))
	}
}
