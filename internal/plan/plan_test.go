package plan_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/live/livetest"
	"github.com/t4k3news/digest/internal/load"
	"github.com/t4k3news/digest/internal/plan"
	"github.com/t4k3news/digest/internal/render"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

// model makes the model of the repository's own site.
func model(t *testing.T) *plan.Model { return modelOf(t, "../..") }

// modelOf makes the model of the site in root.
func modelOf(t *testing.T, root string) *plan.Model {
	t.Helper()
	in, err := load.Load(os.DirFS(root), load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := site.New(in.Docs, in.Routes)
	if err != nil {
		t.Fatal(err)
	}
	return &plan.Model{Config: in.Config, Site: s, Pages: in.Templates.ForSite(), Static: in.Static}
}

// TestPaths checks that every entry writes the files its Paths name, in
// that order, and that no two entries name one file.
func TestPaths(t *testing.T) {
	m := model(t)
	owner := make(map[string]string)
	for _, e := range plan.List(m) {
		var got []string
		err := e.Render(func(p string, _ []byte) error { got = append(got, p); return nil })
		if err != nil {
			t.Fatalf("%s %v: %v", e.Kind, e.Paths, err)
		}
		if e.Paths == nil {
			e.Paths = got // an entry that names its files as it makes them
		} else if !slices.Equal(got, e.Paths) {
			t.Errorf("%s entry: wrote %q, its Paths are %q", e.Kind, got, e.Paths)
		}
		for _, p := range e.Paths {
			if other, dup := owner[p]; dup {
				t.Errorf("%s is written by a %s entry and a %s entry", p, other, e.Kind)
			}
			owner[p] = e.Kind
		}
	}
	for _, want := range []string{"index.html", "404.html", "feed.xml", "sitemap.xml", ".nojekyll", "style.css", "search/index.html", "search/manifest.json", "card.png"} {
		if owner[want] == "" {
			t.Errorf("no entry writes %s", want)
		}
	}
}

// TestBuildFiles checks that Build passes every entry's files to emit
// once each.
func TestBuildFiles(t *testing.T) {
	m := model(t)
	var want []string
	for _, e := range plan.List(m) {
		if e.Paths == nil {
			e.Render(func(p string, _ []byte) error { want = append(want, p); return nil })
		}
		want = append(want, e.Paths...)
	}
	var mu sync.Mutex
	var got []string
	err := plan.Build(m, func(p string, _ []byte) error {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("Build wrote %d files, the entries name %d", len(got), len(want))
	}
}

// TestBuildError checks that the error of a failing build is the first in
// the order of the entries, every time, and that an error of emit ends it.
func TestBuildError(t *testing.T) {
	fsys := fstest.MapFS{
		"t/layout.html":  {Data: []byte(`{{define "layout"}}{{template "main" .}}{{end}}`)},
		"t/index.html":   {Data: []byte(`{{template "layout" .}}{{define "main"}}front{{end}}`)},
		"t/article.html": {Data: []byte(`{{template "layout" .}}{{define "main"}}{{.Article.Meta.Risk.Title}}{{end}}`)},
		"t/topic.html":   {Data: []byte(`{{template "layout" .}}{{define "main"}}{{.Topic.Name}}{{end}}`)},
		"t/404.html":     {Data: []byte(`{{template "layout" .}}{{define "main"}}404{{end}}`)},
		"t/search.html":  {Data: []byte(`{{template "layout" .}}{{define "main"}}search{{end}}`)},
		"t/author.html":  {Data: []byte(`{{template "layout" .}}{{define "main"}}{{.Author.Name}}{{end}}`)},
		"t/archive.html": {Data: []byte(`{{template "layout" .}}{{define "main"}}archive{{end}}`)},
		"t/topics.html":  {Data: []byte(`{{template "layout" .}}{{define "main"}}topics{{end}}`)},
	}
	r, err := render.New(fsys, "t")
	if err != nil {
		t.Fatal(err)
	}
	s := smallSite(t)
	// Two of the three articles have no risk box; the first in the order
	// of the entries is reported, every time.
	want := `rendering news/a/index.html: template: t/article.html:1:50: executing "main" at <.Article.Meta.Risk.Title>: nil pointer evaluating *content.Risk.Title`
	for range 5 {
		err := plan.Build(&plan.Model{Config: r.Config, Site: s, Pages: r.ForSite()}, func(string, []byte) error { return nil })
		if err == nil || err.Error() != want {
			t.Fatalf("Build error:\n got %v\nwant %s", err, want)
		}
	}
	err = plan.Build(&plan.Model{Site: s, Pages: r.ForSite()}, func(f string, _ []byte) error { return fmt.Errorf("disk full writing %s", f) })
	if err == nil || err.Error() != "disk full writing index.html" {
		t.Errorf("emit error: %v", err)
	}
}

// smallSite has three articles, newest first a, b, c; b has a risk box.
func smallSite(t *testing.T) *site.Site {
	t.Helper()
	date := time.Date(2025, 8, 20, 9, 30, 0, 0, time.UTC)
	var docs []*content.Document
	for i, slug := range []string{"a", "b", "c"} {
		d := &content.Document{Path: "content/" + slug + ".md", Body: "Text.\n", Meta: content.Meta{
			Title: "Story " + slug, Slug: slug, Date: date.Add(-time.Duration(i) * time.Hour), Tags: []string{"Ukraine"}}}
		if slug == "b" {
			d.Meta.Risk = &content.Risk{Title: "Risk", Text: "Text."}
		}
		docs = append(docs, d)
	}
	routes, _ := route.New("/")
	s, err := site.New(docs, routes)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestNotFoundReads checks that the 404 page links exactly the stories
// its entry reads: one it showed and did not name would leave the page
// stale after an edit.
func TestNotFoundReads(t *testing.T) {
	m := modelOf(t, livetest.New(t, "../..", 12).Root)
	if len(m.Site.Articles) <= 5 {
		t.Fatalf("the site has %d articles, too few to tell", len(m.Site.Articles))
	}
	for _, e := range plan.List(m) {
		if e.Kind != "404" {
			continue
		}
		var page string
		if err := e.Render(func(_ string, data []byte) error { page = string(data); return nil }); err != nil {
			t.Fatal(err)
		}
		for _, a := range m.Site.Articles {
			if shown, read := strings.Contains(page, `href="`+a.URL+`"`), slices.Contains(e.Reads.Stories, a); shown != read {
				t.Errorf("404.html: %s shown %v, read %v", a.URL, shown, read)
			}
		}
		return
	}
	t.Fatal("no 404 entry")
}

// TestSumSidebar: a story's page reads its sidebar, a listing page reads
// the stories it shows as their cards show them, without it; so an edit
// elsewhere that changes a story's "More on this" renders its page again,
// not every page that lists it.
func TestSumSidebar(t *testing.T) {
	a := model(t).Site.Articles[0]
	sums := func(more []*site.Article) (page, list uint64) {
		m := model(t) // a model's sums are kept: one model each
		m.Sidebar = func(x *site.Article) *site.Article {
			c := *x
			c.More = more
			return &c
		}
		return m.Sum(&plan.Reads{Article: a}), m.Sum(&plan.Reads{Stories: []*site.Article{a}})
	}
	page, list := sums(nil)
	page2, list2 := sums([]*site.Article{a})
	if page == page2 {
		t.Error("a story's page has the same Sum with another sidebar")
	}
	if list != list2 {
		t.Error("a listing page's Sum changed with the sidebar of a story it shows, which a card does not show")
	}
}
