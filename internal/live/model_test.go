package live

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/live/livetest"
	"github.com/t4k3news/digest/internal/load"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

// describe prints everything of a site that pages show, by path and name,
// so that two sites can be compared.
func describe(s *site.Site) string {
	var b strings.Builder
	for _, a := range s.Articles {
		fmt.Fprintf(&b, "A %s %s %s\n", a.Doc.Path, a.URL, a.Meta.Title)
		for _, t := range a.Topics {
			fmt.Fprintf(&b, "  t %s\n", t.Slug)
		}
		for _, r := range a.Related {
			if r.Article != nil {
				fmt.Fprintf(&b, "  r %s -> %s\n", r.Title, r.Article.Doc.Path)
			} else {
				fmt.Fprintf(&b, "  r %s\n", r.Title)
			}
		}
		for _, m := range a.More {
			fmt.Fprintf(&b, "  m %s\n", m.Doc.Path)
		}
	}
	for _, t := range s.Topics {
		fmt.Fprintf(&b, "T %s %s %s %d\n", t.Slug, t.Name, t.URL, len(t.Articles))
		for _, a := range t.Articles {
			fmt.Fprintf(&b, "  %s\n", a.Doc.Path)
		}
	}
	for _, t := range s.Featured {
		fmt.Fprintf(&b, "F %s\n", t.Slug)
	}
	return b.String()
}

// TestModelMatchesNew updates a site.Live at random with enough articles
// that the "More on this" windows matter, and compares it with site.New.
func TestModelMatchesNew(t *testing.T) {
	root := t.TempDir()
	livetest.Corpus(t, root, 800)
	docs, err := content.Load(os.DirFS(root), load.ContentDir)
	if err != nil {
		t.Fatal(err)
	}
	routes, _ := route.New("/")
	l, err := site.NewLive(docs, routes)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	byPath := make(map[string]*content.Document)
	for _, d := range docs {
		byPath[d.Path] = d
	}
	for i := range 80 {
		d := *docs[rng.IntN(len(docs))]
		d.Meta.Tags = slices.Clone(d.Meta.Tags)
		switch rng.IntN(5) {
		case 0:
			d.Meta.Description = livetest.Phrase(rng, 12)
		case 1:
			d.Meta.Title = docs[rng.IntN(len(docs))].Meta.Title
		case 2:
			d.Meta.Date = d.Meta.Date.Add(time.Duration(rng.IntN(400)-200) * time.Hour)
		case 3:
			d.Meta.Tags = append(d.Meta.Tags, livetest.Topics[rng.IntN(3)])
		case 4:
			d.Meta.Draft = !d.Meta.Draft
		}
		byPath[d.Path] = &d
		if err := l.Update([]*content.Document{&d}, nil); err != nil {
			t.Fatal(err)
		}
		if i%10 == 9 {
			var all []*content.Document
			for _, p := range slices.Sorted(maps.Keys(byPath)) {
				all = append(all, byPath[p])
			}
			want, err := site.New(all, routes)
			if err != nil {
				t.Fatal(err)
			}
			l.Complete()
			if got, want := describe(l.Site()), describe(want); got != want {
				t.Fatalf("step %d: live model differs from site.New:\n%s", i, livetest.FirstDiff([]byte(got), []byte(want)))
			}
		}
	}
}
