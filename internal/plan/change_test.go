package plan_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/live/livetest"
	"github.com/t4k3news/digest/internal/plan"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

// TestChanged edits a site at random through site.Live (stories edited,
// added, removed, moved by their date) and checks after each edit that
// plan.Changed, given what changed (site.Live.Since), lists every entry of
// a kind it lists in part that is new or whose Sum (or Key) changed, and names the
// files of every entry of those kinds that is gone. The site has few
// stories to a page and few with cards of their own (Config.Cards), so
// that edits move stories across pages and across the last card's rank.
// The change is made as small as its contract allows (precise): only the
// sidebars and pages that show something else, so that what Changed
// lists besides them is tested.
func TestChanged(t *testing.T) {
	ts := livetest.New(t, "../..", 60)
	docs := slices.SortedFunc(maps.Values(ts.Docs), func(a, b *content.Document) int { return strings.Compare(a.Path, b.Path) })
	routes, err := route.New("/")
	if err != nil {
		t.Fatal(err)
	}
	l, err := site.NewLive(docs, routes)
	if err != nil {
		t.Fatal(err)
	}
	l.Site().SetPagerSize(3)
	l.Complete()
	c := config.Default()
	c.Cards = 6
	partial, flips := 0, 0
	for step := range 120 {
		before, nav, mark := sums(c, l.Site()), plan.NavSum(l.Site()), l.Mark()
		was := shown(l.Site())
		cards := own(c, l.Site())
		name, update, remove := edit(ts, step, &docs, l.Site().Articles[:c.Cards])
		if err := l.Update(update, remove); err != nil {
			t.Fatalf("step %d (%s): %v", step, name, err)
		}
		ch, ok := l.Since(mark)
		if !ok || plan.NavSum(l.Site()) != nav {
			continue // wide: every entry is listed
		}
		if !slices.Equal(cards, own(c, l.Site())) {
			flips++
		}
		ch = precise(ch, was, shown(l.Site()))
		listing := plan.Changed(&plan.Model{Config: c, Site: l.Site(), Change: ch})
		if listing.Part == nil {
			t.Fatalf("step %d (%s): a change of stories alone listed every kind whole", step, name)
		}
		partial++
		listed := make(map[string]bool)
		for _, e := range listing.Entries {
			listed[key(&e)] = true
		}
		after := sums(c, l.Site())
		for k, sum := range after {
			if old, ok := before[k]; listing.Part[kindOf(k)] && (!ok || old != sum) && !listed[k] {
				t.Fatalf("step %d (%s): %s is new or changed, and not listed", step, name, k)
			}
		}
		gone := make(map[string]bool)
		for _, f := range listing.Gone {
			gone[f] = true
		}
		for k := range before {
			if _, ok := after[k]; !ok && listing.Part[kindOf(k)] && !gone[fileOf(k)] {
				t.Fatalf("step %d (%s): %s is gone, and its file is not in Gone", step, name, k)
			}
		}
	}
	if partial < 60 || flips < 5 {
		t.Errorf("%d edits listed in part, %d moved a story across the last card; want 60 and 5 at least", partial, flips)
	}
}

// edit makes the step's edit of docs: a dek, a date, a story removed
// (every other time one of the newest) or added; it returns its name and
// the update for site.Live.
func edit(ts *livetest.Site, step int, docs *[]*content.Document, newest []*site.Article) (string, []*content.Document, []string) {
	i := ts.Rng.IntN(len(*docs))
	if step%8 == 2 {
		p := newest[ts.Rng.IntN(len(newest))].Doc.Path
		i = slices.IndexFunc(*docs, func(d *content.Document) bool { return d.Path == p })
	}
	d := *(*docs)[i]
	switch step % 4 {
	case 0:
		d.Meta.Description = livetest.Phrase(ts.Rng, 8)
		(*docs)[i] = &d
		return "dek", []*content.Document{&d}, nil
	case 1:
		d.Meta.Date = d.Meta.Date.Add(time.Duration(ts.Rng.IntN(100)-50) * time.Hour)
		(*docs)[i] = &d
		return "date", []*content.Document{&d}, nil
	case 2:
		*docs = slices.Delete(*docs, i, i+1)
		return "remove", nil, []string{d.Path}
	}
	d.Path, d.Meta.Slug = fmt.Sprintf("content/added-%d.md", step), fmt.Sprintf("added-%d", step)
	d.Meta.Date = d.Meta.Date.Add(time.Duration(ts.Rng.IntN(100)-50) * time.Hour)
	*docs = append(*docs, &d)
	return "add", []*content.Document{&d}, nil
}

// sums are the Sums of the entries of s that write one file, or their
// Keys for those with one (the cards), by kind and file.
func sums(c *config.Config, s *site.Site) map[string]string {
	m := &plan.Model{Config: c, Site: s}
	out := make(map[string]string)
	for _, e := range plan.List(m) {
		switch {
		case len(e.Paths) != 1:
		case e.Key != nil:
			out[key(&e)] = e.Key()
		default:
			out[key(&e)] = fmt.Sprint(m.Sum(&e.Reads))
		}
	}
	return out
}

// own lists the files of the stories with cards of their own.
func own(c *config.Config, s *site.Site) []string {
	var files []string
	for _, a := range s.Articles[:min(len(s.Articles), c.Cards)] {
		files = append(files, a.Doc.Path)
	}
	return files
}

func key(e *plan.Entry) string { return e.Kind + " " + strings.Join(e.Paths, " ") }

func kindOf(k string) string { kind, _, _ := strings.Cut(k, " "); return kind }

func fileOf(k string) string { _, file, _ := strings.Cut(k, " "); return file }

// show is what a site shows, by story and by page: each story's sidebar,
// and what each page shows and where.
type show struct {
	sides map[string]string // by the story's file
	pages map[string]string // by the page's path
}

func shown(s *site.Site) show {
	sh := show{sides: make(map[string]string), pages: make(map[string]string)}
	for _, a := range s.Articles {
		k := ""
		for _, r := range a.Related {
			k += r.Title + "\x00"
			if r.Article != nil {
				k += fmt.Sprintf("%s@%d", r.Article.Doc.Path, r.Article.Serial())
			}
			k += "\x01"
		}
		for _, b := range a.More {
			k += fmt.Sprintf("%s@%d\x02", b.Doc.Path, b.Serial())
		}
		sh.sides[a.Doc.Path] = k
	}
	add := func(l *site.List) {
		for _, p := range append([]*site.ListPage{l.Home}, l.Pages...) {
			k := fmt.Sprint(p.Number, p.Of.Count, len(p.Of.Pages), len(p.Of.Index))
			for _, a := range p.Articles {
				k += fmt.Sprintf(" %s@%d", a.Doc.Path, a.Serial())
			}
			for _, q := range append([]*site.ListPage{p.Newer, p.Older}, p.Group...) {
				if q != nil {
					k += " " + q.Path
				}
				k += ";"
			}
			sh.pages[p.Path] = k
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
	return sh
}

// precise returns c with only the sidebars and pages that show something
// else than before, and the pages whose paths are gone.
func precise(c *site.Change, before, after show) *site.Change {
	out := *c
	out.Sidebars = slices.DeleteFunc(slices.Clone(c.Sidebars), func(a *site.Article) bool {
		k, ok := before.sides[a.Doc.Path]
		return ok && k == after.sides[a.Doc.Path]
	})
	out.Pages = slices.DeleteFunc(slices.Clone(c.Pages), func(p *site.ListPage) bool {
		k, ok := before.pages[p.Path]
		return ok && k == after.pages[p.Path]
	})
	out.GonePages = slices.DeleteFunc(slices.Clone(c.GonePages), func(p *site.ListPage) bool {
		_, ok := after.pages[p.Path]
		return ok
	})
	return &out
}

// TestChangedLostPage: a change that names a page of no list of the site
// (no topic's, author's or month's) is listed whole, not in part without
// that page.
func TestChangedLostPage(t *testing.T) {
	ts := livetest.New(t, "../..", 10)
	docs := slices.Collect(maps.Values(ts.Docs))
	routes, err := route.New("/")
	if err != nil {
		t.Fatal(err)
	}
	l, err := site.NewLive(docs, routes)
	if err != nil {
		t.Fatal(err)
	}
	l.Complete()
	c := config.Default()
	s := l.Site()
	lost := &site.ListPage{Path: "topics/lost/", Of: &site.List{}}
	for _, tc := range []struct {
		pages []*site.ListPage
		whole bool
	}{{[]*site.ListPage{s.Topics[0].Home}, false}, {[]*site.ListPage{s.Topics[0].Home, lost}, true}} {
		listing := plan.Changed(&plan.Model{Config: c, Site: s, Change: &site.Change{Pages: tc.pages}})
		if whole := listing.Part == nil; whole != tc.whole || whole && len(listing.Entries) != len(plan.List(&plan.Model{Config: c, Site: s})) {
			t.Errorf("pages %v: listed whole %v (%d entries), want %v", tc.pages, whole, len(listing.Entries), tc.whole)
		}
	}
}
