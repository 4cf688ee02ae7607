package site

import (
	"fmt"
	"slices"
	"testing"

	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/route"
)

// TestDesk checks the site config's topics and menu in a new site and
// after updates that add and remove the stories of a merged spelling.
func TestDesk(t *testing.T) {
	c, err := config.Parse("digest.yaml", []byte("topics:\n  - name: Bank of England\n    title: The Bank\n    description: Rates.\n    aliases: [BoE]\nmenu:\n  - label: Bank\n    topic: boe\n  - label: Archive\n    url: /archive/\n"))
	if err != nil {
		t.Fatal(err)
	}
	routes, _ := route.New("https://example.com/digest/")
	p := Publish{Config: c}
	a := doc("content/a.md", "a", day(2), "2.txt", "BoE")
	b := doc("content/b.md", "b", day(1), "1.txt", "Bank of England", "boe")
	describe := func(s *Site) string {
		var out string
		for _, t := range s.Topics {
			out += fmt.Sprintf("%s %s %q %d; ", t.Slug, t.Name, t.Description, len(t.Articles))
		}
		for _, al := range s.Aliases {
			out += fmt.Sprintf("alias %s → %s; ", al.Path, al.Topic.Slug)
		}
		return out + fmt.Sprint(s.Menu)
	}
	const both = `bank-of-england The Bank "Rates." 2; alias topics/boe/ → bank-of-england; [{Bank /digest/topics/bank-of-england/} {Archive /digest/archive/}]`
	s, err := p.New([]*content.Document{a, b}, routes)
	if err != nil {
		t.Fatal(err)
	}
	if got := describe(s); got != both {
		t.Errorf("new site:\n got %s\nwant %s", got, both)
	}
	// The merged spellings are one feature of "More on this".
	if f := articleFeatures(s.Article("a"), s.topicSlug); !slices.Contains(f, "t:bank-of-england") {
		t.Errorf("features of a = %v, want t:bank-of-england for BoE", f)
	}
	l, err := p.NewLive(nil, routes)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := describe(l.Site()), "[{Archive /digest/archive/}]"; got != want {
		t.Errorf("empty site:\n got %s\nwant %s", got, want)
	}
	if err := l.Update([]*content.Document{b, a}, nil); err != nil {
		t.Fatal(err)
	}
	if got := describe(l.Site()); got != both {
		t.Errorf("after adding both:\n got %s\nwant %s", got, both)
	}
	if err := l.Update(nil, []string{"content/a.md", "content/b.md"}); err != nil {
		t.Fatal(err)
	}
	if got, want := describe(l.Site()), "[{Archive /digest/archive/}]"; got != want {
		t.Errorf("after removing both:\n got %s\nwant %s", got, want)
	}
}
