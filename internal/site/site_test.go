package site

import (
	"slices"
	"testing"
	"time"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/route"
)

func day(d int) time.Time { return time.Date(2025, 8, d, 9, 0, 0, 0, time.UTC) }

func doc(path, slug string, date time.Time, seed string, tags ...string) *content.Document {
	return &content.Document{Path: path, Meta: content.Meta{Title: slug, Slug: slug, Date: date, Seed: seed, Tags: tags}}
}

func build(t *testing.T, docs ...*content.Document) *Site {
	t.Helper()
	routes, err := route.New("https://example.github.io/digest/")
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(docs, routes)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func slugs(as []*Article) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Meta.Slug)
	}
	return out
}

func TestOrder(t *testing.T) {
	draft := doc("content/d.md", "d", day(9), "009.txt")
	draft.Meta.Draft = true
	s := build(t,
		doc("content/a.md", "a", day(1), "000.txt"),
		doc("content/c.md", "c", day(2), "002.txt"),
		doc("content/b.md", "b", day(2), "001.txt"),
		doc("content/z.md", "z", day(2), "001.txt"),
		draft,
	)
	if got, want := slugs(s.Articles), []string{"b", "z", "c", "a"}; !slices.Equal(got, want) {
		t.Errorf("articles = %v, want %v", got, want)
	}
	a := s.Article("b")
	if a == nil || a.URL != "/digest/news/b/" || a.Permalink != "https://example.github.io/digest/news/b/" {
		t.Errorf("Article(b) = %+v, want URL /digest/news/b/", a)
	}
	if s.Article("d") != nil {
		t.Error("draft d is in the site")
	}
}

func TestTopics(t *testing.T) {
	s := build(t,
		doc("content/a.md", "a", day(1), "", "NATO", "Ukraine"),
		doc("content/b.md", "b", day(2), "", "Nato", "Sergei Lavrov", "NATO"),
		doc("content/c.md", "c", day(3), "", "ukraine"),
	)
	var names []string
	for _, tp := range s.Topics {
		names = append(names, tp.Name+"="+tp.Slug+":"+slugs(tp.Articles)[0])
	}
	want := []string{"Nato=nato:b", "Sergei Lavrov=sergei-lavrov:b", "ukraine=ukraine:c"}
	if !slices.Equal(names, want) {
		t.Errorf("topics = %v, want %v", names, want)
	}
	nato := s.Topics[0]
	if got := slugs(nato.Articles); !slices.Equal(got, []string{"b", "a"}) {
		t.Errorf("nato articles = %v, want [b a]", got)
	}
	if nato.URL != "/digest/topics/nato/" {
		t.Errorf("nato URL = %q", nato.URL)
	}
	if got := s.Featured; len(got) != 3 || got[0] != nato || got[1].Slug != "ukraine" {
		t.Errorf("featured = %v, want nato, ukraine, sergei-lavrov (by count, then name)", got)
	}
	if b := s.Article("b"); len(b.Topics) != 2 {
		t.Errorf("b has %d topics, want 2 (NATO twice is one topic)", len(b.Topics))
	}
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name string
		docs []*content.Document
		want string
	}{
		{"duplicate slug", []*content.Document{
			doc("content/b.md", "same", day(1), ""),
			doc("content/a.md", "same", day(2), ""),
		}, `content/b.md: slug "same" is also used by content/a.md`},
		{"three", []*content.Document{
			doc("content/a.md", "x", day(1), ""),
			doc("content/b.md", "x", day(1), ""),
			doc("content/c.md", "", day(1), ""),
		}, `content/b.md: slug "x" is also used by content/a.md (and 1 more)`},
	}
	routes, _ := route.New("/")
	for _, tt := range tests {
		_, err := New(tt.docs, routes)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}
