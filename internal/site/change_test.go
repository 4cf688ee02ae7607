package site_test

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

// TestSince edits a generated site at random and checks that what
// Live.Since reports is all that changed: every story that is not a story
// of the change is the article it was, with the sidebar it had unless
// the change names it; every listing page that is not a page of the
// change is the page it was, showing the same stories in the same place;
// and the pages and stories gone are those no longer in the site. Every
// other step asks for the change of two updates at once.
func TestSince(t *testing.T) {
	n, steps := 200, 200
	if testing.Short() {
		n, steps = 150, 80
	}
	rng := rand.New(rand.NewPCG(5, 8))
	routes, err := route.New("https://example.org/")
	if err != nil {
		t.Fatal(err)
	}
	docs := generated(rng, n)
	for _, d := range slices.Sorted(maps.Keys(docs)) {
		docs[d].Meta.Author = fmt.Sprintf("Writer %d", rng.IntN(5))
	}
	l, err := site.NewLive(slices.Collect(maps.Values(docs)), routes)
	if err != nil {
		t.Fatal(err)
	}
	l.Site().SetPagerSize(4) // many pages, in short lists too
	l.Complete()
	before, mark := snapshot(l.Site()), l.Mark()
	wide := 0
	for step := range steps {
		name, d, removed := sidebarEdit(rng, docs, n+step)
		if rng.IntN(8) == 0 {
			d.Meta.Author = fmt.Sprintf("Writer %d", rng.IntN(5))
			name += ", new byline"
		}
		update(t, l, docs, d, removed, fmt.Sprintf("step %d (%s)", step, name))
		want, err := site.New(slices.Collect(maps.Values(docs)), routes)
		if err != nil {
			t.Fatal(err)
		}
		want.SetPagerSize(4)
		if msg := listingDiff(l.Site(), want); msg != "" {
			t.Fatalf("step %d (%s of %s): %s", step, name, d.Path, msg)
		}
		if step%2 == 0 {
			continue // two updates, one change
		}
		c, ok := l.Since(mark)
		after := snapshot(l.Site())
		if !ok {
			wide++
		} else if msg := checkChange(before, after, c); msg != "" {
			t.Fatalf("step %d (%s of %s): %s", step, name, d.Path, msg)
		}
		before, mark = after, l.Mark()
	}
	if wide > steps/4 {
		t.Errorf("%d of %d changes were wide", wide, steps/2)
	}
}

// listingDiff describes the first list whose pages differ between got
// and want (a fresh build), or an article's month or bylines, or returns
// "".
func listingDiff(got, want *site.Site) string {
	g, w := listings(got), listings(want)
	for _, k := range slices.Sorted(maps.Keys(w)) {
		if g[k] != w[k] {
			return fmt.Sprintf("%s:\n%q\nwant\n%q", k, g[k], w[k])
		}
	}
	for _, k := range slices.Sorted(maps.Keys(g)) {
		if _, ok := w[k]; !ok {
			return k + " should not be"
		}
	}
	return ""
}

// listings describes every list of s, by path: each page's stories and
// place, the articles' months and bylines, and the archive's years.
func listings(s *site.Site) map[string]string {
	out := make(map[string]string)
	add := func(l *site.List) {
		k := ""
		all := append([]*site.ListPage{l.Home}, l.Pages...)
		for _, p := range all {
			if p.Of != l {
				k += "(not of its list)"
			}
			for _, q := range append([]*site.ListPage{p.Newer, p.Older}, p.Group...) {
				if q != nil && !slices.Contains(all, q) {
					k += "(links a page no longer in its list)"
				}
			}
			k += placeKey(p) + "\n"
		}
		for _, p := range l.Index {
			k += "index " + p.Path
		}
		out[l.Home.Path] = k
	}
	for _, tp := range s.Topics {
		add(tp.List)
	}
	names := ""
	for _, au := range s.Authors {
		add(au.List)
		names += au.Name + "\x00"
	}
	out["authors"] = names
	years := ""
	for _, mo := range s.Months {
		add(mo.List)
	}
	for _, y := range s.Years {
		years += fmt.Sprint(y.Year, y.Count, len(y.Months))
		for _, mo := range y.Months {
			years += " " + mo.Name()
		}
	}
	out["years"] = years
	for _, a := range s.Articles {
		k := a.Month.Home.Path
		for _, au := range a.Authors {
			k += " " + au.Slug
		}
		out[a.Doc.Path] = k
	}
	return out
}

// placeKey is pageKey with stories by file alone.
func placeKey(p *site.ListPage) string {
	k := pageKey(p)
	for _, a := range p.Articles {
		k = strings.Replace(k, "@"+strconv.FormatUint(a.Serial(), 10), "", 1)
	}
	return k
}

// state is what the test compares of a site.
type state struct {
	stories map[string]*site.Article // by file
	sides   map[*site.Article]string
	pages   map[*site.ListPage]string // what each page shows, and where
}

func snapshot(s *site.Site) state {
	st := state{stories: make(map[string]*site.Article), sides: make(map[*site.Article]string), pages: make(map[*site.ListPage]string)}
	for _, a := range s.Articles {
		st.stories[a.Doc.Path] = a
		st.sides[a] = sideKey(a)
	}
	add := func(l *site.List) {
		for _, p := range append([]*site.ListPage{l.Home}, l.Pages...) {
			st.pages[p] = pageKey(p)
		}
	}
	for _, tp := range s.Topics {
		add(tp.List)
	}
	for _, au := range s.Authors {
		add(au.List)
	}
	for _, mo := range s.Months {
		add(mo.List)
	}
	return st
}

func sideKey(a *site.Article) string {
	k := ""
	for _, r := range a.Related {
		k += r.Title + "\x00"
		if r.Article != nil {
			k += r.Article.Doc.Path
		}
		k += "\x01"
	}
	for _, b := range a.More {
		k += b.Doc.Path + "\x02"
	}
	return k
}

// pageKey is what a page shows: its stories, as articles, and its place
// among its list's pages, as the pager shows it (and plan's list sums
// it): on Home how many stories and pages the list has, on a numbered
// page its group, and how many pages there are if its group is the last.
func pageKey(p *site.ListPage) string {
	k := p.Path + "\x00"
	for _, a := range p.Articles {
		k += a.Doc.Path + "@" + strconv.FormatUint(a.Serial(), 10) + "\x01"
	}
	for _, q := range []*site.ListPage{p.Newer, p.Older} {
		if q != nil {
			k += q.Path
		}
		k += "\x02"
	}
	k += strconv.Itoa(p.Number) + "\x02"
	if p.Number == 0 {
		return k + fmt.Sprint(p.Of.Count, len(p.Of.Pages), len(p.Of.Index))
	}
	for _, q := range p.Group {
		k += q.Path + "\x03"
	}
	if p.GroupIsLast() {
		k += strconv.Itoa(len(p.Of.Pages))
	}
	return k
}

// checkChange returns what c misses of the difference between before and
// after, or "".
func checkChange(before, after state, c *site.Change) string {
	stories, gone := set(c.Stories), set(c.Gone)
	for file, a := range after.stories {
		if old := before.stories[file]; old != a && !stories[a] {
			return "story " + file + " changed but is not in Stories"
		}
	}
	for file, a := range before.stories {
		if after.stories[file] != a && !gone[a] {
			return "story " + file + " was replaced or removed but is not in Gone"
		}
	}
	sides := set(c.Sidebars)
	for a, k := range after.sides {
		if old, ok := before.sides[a]; ok && old != k && !sides[a] {
			return "the sidebar of " + a.Doc.Path + " changed but it is not in Sidebars"
		}
	}
	pages, gonePages := set(c.Pages), set(c.GonePages)
	for p, k := range after.pages {
		old, ok := before.pages[p]
		switch {
		case !ok && !pages[p]:
			return "page " + p.Path + " is new but not in Pages"
		case ok && old != k:
			return "page " + p.Path + " changed in place"
		}
	}
	for p := range before.pages {
		if _, ok := after.pages[p]; !ok && !gonePages[p] {
			return "page " + p.Path + " is gone but not in GonePages"
		}
	}
	for _, p := range c.Pages {
		if _, ok := after.pages[p]; !ok {
			return "page " + p.Path + " of Pages is not in the site"
		}
	}
	return ""
}

func set[T comparable](list []T) map[T]bool {
	m := make(map[T]bool, len(list))
	for _, x := range list {
		m[x] = true
	}
	return m
}
