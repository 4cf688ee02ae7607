package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/convert"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/seed"
	"github.com/t4k3news/digest/internal/site"
)

func TestDeterministic(t *testing.T) {
	a, b := New(Options{Count: 200, Seed: 7}), New(Options{Count: 200, Seed: 7})
	other := New(Options{Count: 200, Seed: 8})
	differ := 0
	for i := range a.Articles {
		if !bytes.Equal(a.Seed(i), b.Seed(i)) {
			t.Fatalf("article %d differs between two corpora of the same seed", i)
		}
		if !bytes.Equal(a.Seed(i), other.Seed(i)) {
			differ++
		}
	}
	if differ < 190 {
		t.Errorf("seeds 7 and 8 share %d of 200 articles", 200-differ)
	}
}

func TestShapesParse(t *testing.T) {
	c := New(Options{Count: 300, Seed: 1})
	shapes := map[bool]int{}
	for i, a := range c.Articles {
		p, err := seed.Parse(a.Name, c.Seed(i))
		if err != nil {
			t.Fatal(err)
		}
		shapes[a.Headerless]++
		if a.Headerless {
			if p.Headline != "" || p.Byline == "" || len(p.Body) == 0 {
				t.Errorf("%s: headerless seed parsed as headline %q, byline %q, %d paragraphs", a.Name, p.Headline, p.Byline, len(p.Body))
			}
			continue
		}
		checkHeader(t, a, p)
	}
	if shapes[true] < 20 || shapes[false] < 200 {
		t.Errorf("shapes: %d headerless, %d with header", shapes[true], shapes[false])
	}
}

func checkHeader(t *testing.T, a *Article, p *seed.Article) {
	t.Helper()
	var related []string
	for _, r := range p.Related {
		related = append(related, r.Text)
	}
	var want []string
	for _, r := range a.Related {
		want = append(want, r.Title)
	}
	switch {
	case p.Headline != a.Headline || p.AltHeadline != a.AltHeadline:
		t.Errorf("%s: headlines %q, %q; want %q, %q", a.Name, p.Headline, p.AltHeadline, a.Headline, a.AltHeadline)
	case p.Dek == "" || p.Lede == "" || len(p.Takeaways) < 2 || len(p.Highlights) < 3 || p.Risk == nil || p.Closing == "":
		t.Errorf("%s: a section is missing: %+v", a.Name, p)
	case !slices.Equal(related, want):
		t.Errorf("%s: related %q; want %q", a.Name, related, want)
	}
}

// TestRelatedResolve converts a corpus and checks that the site resolves
// each related title to the article it was made to name.
func TestRelatedResolve(t *testing.T) {
	c := New(Options{Count: 400, Seed: 3})
	dir := t.TempDir()
	if err := c.Write(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := convert.Run(convert.Options{Source: dir, Date: time.Date(2025, 8, 21, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	s := loadSite(t, dir)
	kinds := map[RefKind]int{}
	for i, a := range c.Articles {
		if len(a.Related) == 0 {
			continue
		}
		got := s.Articles[i] // one date: the digest is in seed order
		if got.Meta.Seed != a.Name {
			t.Fatalf("article %d is %s, want %s", i, got.Meta.Seed, a.Name)
		}
		checkRelated(t, c, a, got)
		for _, r := range a.Related {
			kinds[r.Kind]++
		}
	}
	if kinds[Exact] < 100 || kinds[Near] < 100 || kinds[Unrelated] < 50 {
		t.Errorf("related titles by kind: %v", kinds)
	}
}

func checkRelated(t *testing.T, c *Corpus, a *Article, got *site.Article) {
	t.Helper()
	if len(got.Related) != len(a.Related) {
		t.Errorf("%s: %d related titles in the site, want %d", a.Name, len(got.Related), len(a.Related))
		return
	}
	for k, r := range a.Related {
		target := got.Related[k].Article
		switch {
		case r.Target < 0 && target != nil:
			t.Errorf("%s: %q names %s, want nothing", a.Name, r.Title, target.Meta.Seed)
		case r.Target >= 0 && (target == nil || target.Meta.Seed != c.Articles[r.Target].Name):
			t.Errorf("%s: %q names %v, want %s", a.Name, r.Title, target, c.Articles[r.Target].Name)
		}
	}
}

func loadSite(t *testing.T, dir string) *site.Site {
	t.Helper()
	docs, err := content.Load(os.DirFS(dir), "content")
	if err != nil {
		t.Fatal(err)
	}
	routes, _ := route.New("/")
	s, err := site.New(docs, routes)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestWriteRefusesFullFolder(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "seeds"), 0o755)
	os.WriteFile(filepath.Join(dir, "seeds", "x.txt"), []byte("x"), 0o644)
	err := New(Options{Count: 3}).Write(dir)
	if err == nil {
		t.Fatal("Write into a folder with seeds: no error")
	}
}

// TestPublished writes a corpus: its seeds carry their publication times,
// PerDay a day in the order of their names, the last at Last.
func TestPublished(t *testing.T) {
	dir := t.TempDir()
	c := New(Options{Count: 41, Seed: 1})
	if err := c.Write(dir); err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{0, 20, 40} {
		fi, err := os.Stat(filepath.Join(dir, "seeds", c.Articles[i].Name))
		if err != nil {
			t.Fatal(err)
		}
		want := Last.Add(-time.Duration(40-i) * 72 * time.Minute)
		if !fi.ModTime().Equal(want) {
			t.Errorf("article %d published %v, want %v", i, fi.ModTime().UTC(), want)
		}
	}
}
