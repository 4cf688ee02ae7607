package site

import (
	"testing"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/route"
)

func TestAliases(t *testing.T) {
	routes, _ := route.New("https://example.com/")
	a := doc("content/a.md", "a", day(1), "1.txt")
	a.Meta.Aliases = []string{"/news/old", "2025/a.html"}
	b := doc("content/b.md", "b", day(2), "2.txt")
	s, err := New([]*content.Document{a, b}, routes)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Aliases) != 2 || s.Aliases[0].Path != "2025/a.html" || s.Aliases[1].Path != "news/old/" {
		t.Fatalf("aliases = %+v, want 2025/a.html and news/old/", s.Aliases)
	}
	if al := s.Alias("news/old/index.html"); al == nil || al.Article.Meta.Slug != "a" {
		t.Errorf("Alias(news/old/index.html) = %+v, want a's", al)
	}
	if got := s.Article("a").Origin; got != "news/old/" {
		t.Errorf("origin = %q, want the first old address", got)
	}
	if got := s.Article("b").OriginPermalink; got != "https://example.com/news/b/" {
		t.Errorf("origin of b = %q, want its own URL", got)
	}

	bad := doc("content/c.md", "c", day(3), "3.txt")
	bad.Meta.Aliases = []string{"news/b/", "topics/x/", "news/old/"}
	_, err = New([]*content.Document{a, b, bad}, routes)
	want := `content/c.md: alias "news/b/" is the address of a story of the site (and 2 more)`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}

	l, err := NewLive([]*content.Document{a, b}, routes)
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Update([]*content.Document{bad}, nil); err == nil {
		t.Error("Update with a clashing alias: no error")
	}
	if len(l.Site().Aliases) != 2 {
		t.Errorf("after a failed update, %d aliases, want 2", len(l.Site().Aliases))
	}
	plain := doc("content/a.md", "a", day(1), "1.txt")
	if err := l.Update([]*content.Document{plain}, nil); err != nil {
		t.Fatal(err)
	}
	if len(l.Site().Aliases) != 0 {
		t.Errorf("after removing a's aliases, %+v remain", l.Site().Aliases)
	}
}

// TestWithdrawnAliases checks that a withdrawn story's old addresses are
// kept, leading to its withdrawn page, in a new site and after updates.
func TestWithdrawnAliases(t *testing.T) {
	routes, _ := route.New("https://example.com/")
	a := doc("content/a.md", "a", day(1), "1.txt")
	a.Meta.Aliases = []string{"news/old-a/"}
	gone := *a
	gone.Meta.Withdrawn = "Withdrawn."
	b := doc("content/b.md", "b", day(2), "2.txt")
	s, err := New([]*content.Document{&gone, b}, routes)
	if err != nil {
		t.Fatal(err)
	}
	if al := s.Alias("news/old-a/index.html"); al == nil || al.Article.Meta.Withdrawn == "" {
		t.Errorf("new site: alias of the withdrawn story = %+v, want it, withdrawn", al)
	}
	l, err := NewLive([]*content.Document{a, b}, routes)
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Update([]*content.Document{&gone}, nil); err != nil {
		t.Fatal(err)
	}
	if al := l.Site().Alias("news/old-a/index.html"); al == nil || al.Article.Meta.Withdrawn == "" {
		t.Errorf("after withdrawing: alias = %+v, want the withdrawn story's", al)
	}
	if err := l.Update([]*content.Document{b}, nil); err != nil {
		t.Fatal(err)
	}
	if l.Site().Alias("news/old-a/index.html") == nil {
		t.Error("after another story's edit, the withdrawn story's alias is gone")
	}
}
