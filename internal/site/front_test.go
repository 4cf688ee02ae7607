package site

import (
	"slices"
	"testing"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/route"
)

func TestFrontLeads(t *testing.T) {
	routes, _ := route.New("/")
	newest := doc("content/n.md", "newest", day(9), "9.txt")
	pinned := doc("content/p.md", "pinned", day(2), "2.txt")
	pinned.Meta.Pinned = true
	heavy := doc("content/h.md", "heavy", day(3), "3.txt")
	heavy.Meta.Weight = 5
	light := doc("content/l.md", "light", day(1), "1.txt")
	light.Meta.Weight = 1
	old := doc("content/o.md", "old", day(4), "4.txt")
	s, err := New([]*content.Document{newest, pinned, heavy, light, old}, routes)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := slugs(s.Front), []string{"light", "heavy", "pinned", "newest", "old"}; !slices.Equal(got, want) {
		t.Errorf("front = %v, want %v", got, want)
	}
	if got, want := slugs(s.Articles), []string{"newest", "old", "heavy", "pinned", "light"}; !slices.Equal(got, want) {
		t.Errorf("articles = %v, want the digest order %v", got, want)
	}

	l, err := NewLive([]*content.Document{newest, old}, routes)
	if err != nil {
		t.Fatal(err)
	}
	if got := slugs(l.Site().Front); !slices.Equal(got, []string{"newest", "old"}) {
		t.Errorf("without a lead, front = %v", got)
	}
	unpinned := *pinned
	unpinned.Meta.Pinned = false
	if err := l.Update([]*content.Document{pinned}, nil); err != nil {
		t.Fatal(err)
	}
	if got := slugs(l.Site().Front); !slices.Equal(got, []string{"pinned", "newest", "old"}) {
		t.Errorf("after pinning, front = %v", got)
	}
	if err := l.Update([]*content.Document{&unpinned}, nil); err != nil {
		t.Fatal(err)
	}
	if got := slugs(l.Site().Front); !slices.Equal(got, []string{"newest", "old", "pinned"}) {
		t.Errorf("after unpinning, front = %v", got)
	}
}
