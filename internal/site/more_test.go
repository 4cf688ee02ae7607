package site

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/race"
	"github.com/t4k3news/digest/internal/route"
)

// moreSite is a site where idf means something: filler stories on
// another subject, each with its own tag, besides the docs given.
func moreSite(t *testing.T, docs ...*content.Document) *Site {
	for i := range 40 {
		slug := fmt.Sprintf("filler-%d", i)
		docs = append(docs, &content.Document{Path: slug + ".md", Meta: content.Meta{
			Title: fmt.Sprintf("Weather report %d", i), Slug: slug, Date: day(1 + i%20),
			Categories: []string{"Weather"}, Tags: []string{fmt.Sprintf("Place%d", i)},
		}})
	}
	return build(t, docs...)
}

func TestMore(t *testing.T) {
	mk := func(slug, title string, d int, cats []string, tags ...string) *content.Document {
		return &content.Document{Path: slug + ".md", Meta: content.Meta{Title: title, Slug: slug, Date: day(d), Categories: cats, Tags: tags}}
	}
	pol := []string{"Politics"}
	self := mk("self", "Lavrov rejects guarantees talks", 10, pol, "Russia", "Lavrov", "NATO")
	self.Meta.Related = []string{"Linked story about Lavrov"}
	s := moreSite(t, self,
		mk("linked", "Linked story about Lavrov", 1, pol, "Russia", "Lavrov", "NATO"),
		mk("strong", "Unrelated words here", 2, nil, "Russia", "Lavrov"),
		mk("subject-only", "Budget vote", 4, pol, "Parliament"),
		mk("other-subject", "Match report", 5, []string{"Sport", "Politics"}, "Arsenal"),
		mk("newer-1", "Lavrov again", 11, nil, "Russia", "Lavrov"),
		mk("newer-2", "Lavrov again", 12, nil, "Russia", "Lavrov"),
		mk("newer-3", "Lavrov again", 13, nil, "Russia", "Lavrov"),
	)
	// The first two newer stories to qualify, equal, the newer first; the
	// older strong match; the story on the same main subject last. Not
	// the linked story, a third newer one, nor one whose main subject
	// differs.
	want := []string{"newer-2", "newer-1", "strong", "subject-only"}
	if got := slugs(s.Article("self").More); !slices.Equal(got, want) {
		t.Errorf("More = %v, want %v", got, want)
	}
}

// TestMoreStable checks the stability rule: adding the newest story
// changes the "More on this" of only those stories with fewer than
// maxNewer newer stories in it.
func TestMoreStable(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var docs []*content.Document
	for i := range 400 {
		slug := fmt.Sprintf("s%d", i)
		docs = append(docs, &content.Document{Path: slug + ".md", Meta: content.Meta{
			Title: fmt.Sprintf("w%d w%d w%d", r.IntN(60), r.IntN(60), r.IntN(60)), Slug: slug,
			Date:       day(1).Add(time.Duration(i) * time.Hour),
			Categories: []string{fmt.Sprintf("C%d", r.IntN(6))},
			Tags:       []string{fmt.Sprintf("T%d", r.IntN(40)), fmt.Sprintf("T%d", r.IntN(40))},
		}})
	}
	before := build(t, docs...)
	last := *docs[len(docs)-1]
	last.Path, last.Meta.Slug, last.Meta.Date = "new.md", "new", last.Meta.Date.Add(time.Hour)
	after := build(t, append(docs, &last)...)
	changed := 0
	for _, a := range before.Articles {
		b := after.Article(a.Meta.Slug)
		if slices.Equal(slugs(a.More), slugs(b.More)) {
			continue
		}
		changed++
		newer := 0
		for _, m := range a.More {
			if m.n < a.n {
				newer++
			}
		}
		if newer >= maxNewer {
			t.Errorf("%s: More changed from %v to %v though it had %d newer stories", a.Meta.Slug, slugs(a.More), slugs(b.More), newer)
		}
	}
	t.Logf("adding one story to %d changed the More of %d", len(docs), changed)
	if changed > len(docs)/10 {
		t.Errorf("adding one story changed %d of %d lists", changed, len(docs))
	}
}

// TestLarge checks the lists of a big site in which every article shares
// the tag "Ukraine" and the word "security", features that would make
// ranking quadratic without maxPosting; the time it takes is a benchmark's
// to measure (site_bench_test.go), not a test's.
func TestLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("large site")
	}
	n := race.Size(20000, 2000) // the same lists, at a tenth of the cost
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
	s := build(t, docs...)
	a := s.Article("a0")
	if a.Related[0].Article != s.Article("a7") || a.Related[1].Article != nil {
		t.Errorf("a0: related %v", sidebar(a))
	}
	// The newest story's list: stories with its rarer tag, t49, since
	// the tag and the words every story has count for nothing.
	newest := s.Article(fmt.Sprintf("a%d", n-1))
	if len(newest.More) == 0 {
		t.Error("newest: no More on this")
	}
	for _, m := range newest.More {
		if m.Meta.Tags[1] != "t49" {
			t.Errorf("newest: More lists %s, tagged %q", m.Meta.Slug, m.Meta.Tags)
		}
	}
}

// TestMoreSidebar checks that one article's list, made from the live
// index (Sidebar), is the list Complete makes from the index frozen, for
// lists long enough that both read only the nearest maxPosting of a
// feature, before and after an update.
func TestMoreSidebar(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var docs []*content.Document
	for i := range 700 {
		slug := fmt.Sprintf("s%d", i)
		docs = append(docs, &content.Document{Path: slug + ".md", Meta: content.Meta{
			Title: fmt.Sprintf("w%d w%d w%d", r.IntN(5), r.IntN(20), r.IntN(20)), Slug: slug,
			Date:       day(1).Add(time.Duration(i) * time.Hour),
			Categories: []string{fmt.Sprintf("C%d", r.IntN(3)), fmt.Sprintf("C%d", r.IntN(3))},
			Tags:       []string{fmt.Sprintf("T%d", r.IntN(4)), fmt.Sprintf("T%d", r.IntN(40))},
		}})
	}
	routes, _ := route.New("https://example.com/")
	l, err := NewLive(docs[1:], routes)
	if err != nil {
		t.Fatal(err)
	}
	check := func() {
		t.Helper()
		l.Complete()
		for _, a := range l.Site().Articles {
			if got, want := slugs(l.Sidebar(a).More), slugs(a.More); !slices.Equal(got, want) {
				t.Fatalf("%s: Sidebar's More is %v, Complete's %v", a.Meta.Slug, got, want)
			}
		}
	}
	check()
	if err := l.Update(docs[:1], []string{docs[400].Path}); err != nil {
		t.Fatal(err)
	}
	check()
}
