package site_test

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/live/livetest"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

// TestLiveSidebars edits a generated site at random, through Update after
// Complete, and checks after each edit that every article's Related and
// More are those New makes for the same documents: Update makes again
// only the sidebars it must, and misses none.
func TestLiveSidebars(t *testing.T) {
	n, steps := 200, 200
	if testing.Short() {
		n, steps = 150, 80
	}
	rng := rand.New(rand.NewPCG(3, 12))
	routes, err := route.New("https://example.org/")
	if err != nil {
		t.Fatal(err)
	}
	docs := generated(rng, n)
	l, err := site.NewLive(slices.Collect(maps.Values(docs)), routes)
	if err != nil {
		t.Fatal(err)
	}
	l.Complete()
	for step := range steps {
		name, d, removed := sidebarEdit(rng, docs, n+step)
		update(t, l, docs, d, removed, fmt.Sprintf("step %d (%s)", step, name))
		checkSidebars(t, l, docs, routes, fmt.Sprintf("step %d (%s of %s)", step, name, d.Path))
	}
}

// update puts the edit d of an edit step into docs, and through l: d
// saved, or removed.
func update(t *testing.T, l *site.Live, docs map[string]*content.Document, d *content.Document, removed bool, step string) {
	t.Helper()
	var update []*content.Document
	var remove []string
	if removed {
		delete(docs, d.Path)
		remove = []string{d.Path}
	} else {
		docs[d.Path] = d
		update = []*content.Document{d}
	}
	if err := l.Update(update, remove); err != nil {
		t.Fatalf("%s: %v", step, err)
	}
}

// checkSidebars checks that every article of l has the sidebar New
// makes for docs.
func checkSidebars(t *testing.T, l *site.Live, docs map[string]*content.Document, routes *route.Site, step string) {
	t.Helper()
	want, err := site.New(slices.Collect(maps.Values(docs)), routes)
	if err != nil {
		t.Fatal(err)
	}
	if diff := sidebarDiff(l.Site(), want); diff != "" {
		t.Fatalf("%s: %s", step, diff)
	}
}

func generated(rng *rand.Rand, n int) map[string]*content.Document {
	titles := make([]string, n)
	for i := range n {
		titles[i] = livetest.Phrase(rng, 4+rng.IntN(4))
	}
	docs := make(map[string]*content.Document)
	date := time.Date(2025, 8, 21, 0, 0, 0, 0, time.UTC)
	for i := range n {
		d := livetest.Generated(rng, i, titles, date.Add(-time.Duration(i)*time.Hour))
		d.Path = fmt.Sprintf("content/%s.md", d.Meta.Slug)
		if rng.IntN(4) == 0 { // headerless: matched by its lead
			d.Meta.Description = ""
		}
		docs[d.Path] = d
	}
	return docs
}

// sidebarEdit changes a random document, or a new one numbered next,
// and returns it, copied, or whether it is removed.
func sidebarEdit(rng *rand.Rand, docs map[string]*content.Document, next int) (string, *content.Document, bool) {
	paths := slices.Sorted(maps.Keys(docs))
	pick := func() *content.Document {
		d := *docs[paths[rng.IntN(len(paths))]]
		d.Meta.Tags = slices.Clone(d.Meta.Tags)
		d.Meta.Related = slices.Clone(d.Meta.Related)
		return &d
	}
	d := pick()
	switch k := rng.IntN(10); k {
	case 0:
		d.Meta.Description = livetest.Phrase(rng, 8)
		return "edit dek", d, false
	case 1:
		d.Meta.Description = ""
		d.Body = livetest.Phrase(rng, 12) + ". " + d.Body
		return "drop dek, edit lede", d, false
	case 2:
		d.Meta.Title = pick().Meta.Title
		if rng.IntN(2) == 0 {
			d.Meta.Title = livetest.Phrase(rng, 5)
		}
		return "edit title", d, false
	case 3:
		d.Meta.Related = append(d.Meta.Related[:rng.IntN(len(d.Meta.Related)+1)], pick().Meta.Title, pick().Meta.Summary)
		return "change related", d, false
	case 4:
		d.Meta.Tags = []string{livetest.Topics[rng.IntN(len(livetest.Topics))], fmt.Sprintf("Place %d", rng.IntN(20))}
		return "change tags", d, false
	case 5:
		d.Meta.Date = d.Meta.Date.Add(time.Duration(rng.IntN(200)-100) * time.Hour)
		return "change date", d, false
	case 6:
		d.Meta.Draft = !d.Meta.Draft
		return "draft", d, false
	case 7:
		d.Body = "Another story. " + d.Body
		return "edit body", d, false
	case 8:
		o := pick()
		d.Path, d.Meta.Slug, d.Meta.Seed = fmt.Sprintf("content/new-%d.md", next), fmt.Sprintf("new-%d", next), fmt.Sprintf("%05d.txt", next)
		d.Meta.Title, d.Meta.Related = livetest.Phrase(rng, 5), []string{o.Meta.Title}
		d.Meta.Date = d.Meta.Date.Add(time.Duration(rng.IntN(48)) * time.Hour)
		return "add article", d, false
	}
	return "delete article", d, true
}

// sidebarDiff describes the first article whose sidebar differs between
// got and want, or returns "".
func sidebarDiff(got, want *site.Site) string {
	if len(got.Articles) != len(want.Articles) {
		return fmt.Sprintf("%d articles, want %d", len(got.Articles), len(want.Articles))
	}
	for i, a := range got.Articles {
		w := want.Articles[i]
		for _, b := range linkedFrom(a) {
			if got.Article(b.Meta.Slug) != b {
				return fmt.Sprintf("%s: sidebar links %s as it was before an edit", a.Doc.Path, b.Doc.Path)
			}
		}
		if g, x := sidebarOf(a), sidebarOf(w); !slices.Equal(g, x) {
			return fmt.Sprintf("%s: sidebar\n%q\nwant\n%q", a.Doc.Path, g, x)
		}
	}
	return ""
}

func sidebarOf(a *site.Article) []string {
	out := []string{a.Doc.Path}
	for _, r := range a.Related {
		s := "related " + r.Title
		if r.Article != nil {
			s += " → " + r.Article.Doc.Path
		}
		out = append(out, s)
	}
	for _, m := range a.More {
		out = append(out, "more "+m.Doc.Path)
	}
	return out
}

// linkedFrom returns the articles a's sidebar links.
func linkedFrom(a *site.Article) []*site.Article {
	list := slices.Clone(a.More)
	for _, r := range a.Related {
		if r.Article != nil {
			list = append(list, r.Article)
		}
	}
	return list
}

// TestLiveSidebarsLarge is TestLiveSidebars on a site large enough that
// a topic's list reaches well past what an edit's neighbours read (see
// maxPosting), with tags changed, stories added and removed and dates
// moved: the newer stories whose rough df or count of older stories an
// edit moves (see rough) must be ranked again, and only those may be left.
func TestLiveSidebarsLarge(t *testing.T) {
	n, steps := 1200, 30
	rng := rand.New(rand.NewPCG(7, 21))
	routes, err := route.New("https://example.org/")
	if err != nil {
		t.Fatal(err)
	}
	docs := generated(rng, n)
	l, err := site.NewLive(slices.Collect(maps.Values(docs)), routes)
	if err != nil {
		t.Fatal(err)
	}
	l.Complete()
	for step := 0; step < steps; {
		name, d, removed := sidebarEdit(rng, docs, n+step)
		switch name {
		case "change tags", "edit dek", "change date", "add article", "delete article":
		default:
			continue
		}
		step++
		update(t, l, docs, d, removed, fmt.Sprintf("step %d (%s)", step, name))
		checkSidebars(t, l, docs, routes, fmt.Sprintf("step %d (%s of %s)", step, name, d.Path))
	}
}
