package card

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

func TestCache(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cards")
	c := OpenCache(dir)
	first, err := c.PNG(story)
	if err != nil || c.Stats() != (Stats{Drawn: 1}) {
		t.Fatalf("first: %+v, %v", c.Stats(), err)
	}
	c = OpenCache(dir)
	again, err := c.PNG(story)
	if err != nil || c.Stats() != (Stats{Cached: 1}) || !bytes.Equal(first, again) {
		t.Fatalf("second: %+v, same %v, %v", c.Stats(), bytes.Equal(first, again), err)
	}
	// A card that shows anything else has another key.
	other := story
	other.Colors.Accent.R++
	if other.Key() == story.Key() {
		t.Error("a colour change keeps the key")
	}
	// A damaged file is drawn again.
	os.WriteFile(filepath.Join(dir, story.Key()+".png"), []byte("junk"), 0o644)
	c = OpenCache(dir)
	if data, _ := c.PNG(story); c.Stats().Drawn != 1 || !bytes.Equal(data, first) {
		t.Error("a damaged cache file is used")
	}
	// Without a folder every card is drawn.
	c = OpenCache("")
	c.PNG(story)
	c.PNG(story)
	if c.Stats() != (Stats{Drawn: 2}) || c.Prune() != nil {
		t.Errorf("no folder: %+v", c.Stats())
	}
	var none *Cache
	if data, err := none.PNG(story); err != nil || !bytes.Equal(data, first) || none.Stats() != (Stats{}) || none.Prune() != nil {
		t.Errorf("nil cache: %v", err)
	}
	// Prune keeps what was asked for since the cache was opened.
	c = OpenCache(dir)
	c.PNG(quote)
	if err := c.Prune(); err != nil {
		t.Fatal(err)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*.png"))
	if len(names) != 1 || filepath.Base(names[0]) != quote.Key()+".png" {
		t.Errorf("after Prune: %v, want the quote's card alone", names)
	}
}

func testSite(t *testing.T, n int) *site.Site {
	t.Helper()
	var docs []*content.Document
	for i := range n {
		d := &content.Document{Path: "content/a" + string(rune('a'+i)) + ".md"}
		d.Meta.Title = "Story " + string(rune('A'+i))
		d.Meta.Slug = "story-" + string(rune('a'+i))
		d.Meta.Date = time.Date(2025, 8, 1+i, 0, 0, 0, 0, time.UTC)
		d.Meta.Tags = []string{"Economy"}
		d.Meta.Takeaways = []content.Takeaway{{Quote: "Q1", Context: "C1"}, {Quote: "Q2"}}
		docs = append(docs, d)
	}
	routes, _ := route.New("https://example.github.io/digest/")
	s, err := site.New(docs, routes)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestEntries(t *testing.T) {
	c := config.Default()
	c.Cards = 2
	s := testSite(t, 3) // newest first: story-c, story-b, story-a
	var files []string
	for _, e := range Entries(c, s) {
		files = append(files, e.File)
	}
	want := []string{"card.png", "logo.png",
		"news/story-c/card.png", "news/story-c/quote-1.png", "news/story-c/quote-2.png",
		"news/story-b/card.png", "news/story-b/quote-1.png", "news/story-b/quote-2.png"}
	if !slices.Equal(files, want) {
		t.Errorf("entries %q\nwant %q", files, want)
	}
	e := ArticleEntries(c, s.Article("story-c"))
	if e[0].Spec.Text != "Story C" || e[0].Spec.Label != "Economy" || e[0].Spec.Note != "3 August 2025" || e[1].Spec.Text != "Q1" || e[1].Spec.Label != "C1" || e[1].Spec.Note != "Story C" {
		t.Errorf("story-c: %+v", e)
	}
	if img := ForArticle(c, s.Article("story-a")); img.File != SiteFile || ArticleEntries(c, s.Article("story-a")) != nil {
		t.Errorf("story-a, past cards: 2, shows %v", img)
	}
	if img := ForArticle(c, s.Article("story-b")); img != (Image{File: "news/story-b/card.png", Width: 1200, Height: 630, Alt: "Story B"}) {
		t.Errorf("story-b: %+v", img)
	}
	if Mark("T4K3.news") != "T4" || Mark("  the news") != "TH" || Mark("Новости") != "НО" {
		t.Errorf("marks %q %q %q", Mark("T4K3.news"), Mark("  the news"), Mark("Новости"))
	}
}

// TestWarm draws a site's cards into a cache, then finds every one there.
func TestWarm(t *testing.T) {
	entries := Entries(config.Default(), testSite(t, 2))
	dir := t.TempDir()
	for _, want := range []Stats{{Drawn: len(entries)}, {Cached: len(entries)}} {
		cache := OpenCache(dir)
		for _, e := range entries {
			if _, err := cache.PNG(e.Spec); err != nil {
				t.Fatal(err)
			}
		}
		if cache.Stats() != want {
			t.Errorf("%+v, want %+v", cache.Stats(), want)
		}
	}
}
