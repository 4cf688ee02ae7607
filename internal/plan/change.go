package plan

import (
	"slices"
	"sort"

	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

// Listing is what [Changed] lists of a model: the entries that its Change
// may have changed, and the files of those gone.
type Listing struct {
	// Entries are every entry of the kinds listed whole, and of the kinds
	// listed in part those that the change may have changed.
	Entries []Entry
	// Part names the kinds listed in part; nil when every kind is listed
	// whole. An entry of these kinds that is not listed is the entry it
	// was, unless its files are among Gone.
	Part map[string]bool
	// Gone are the files of the entries of the kinds listed in part that
	// are no longer in the site: the pages of the stories gone and the
	// listing pages gone, less those of the pages listed.
	Gone []string
}

// Changed lists the entries of m that m.Change may have changed: when
// m.Change is nil, every entry, as [List]; else, of the kinds with one
// entry for each story or page of a list (Kind.Changed), only those about
// what the change names, and every entry of the others, which are few.
// Which of those listed render is still for their Reads and [Model.Sum]
// to say: a kind lists in part any entry whose Sum may have changed.
func Changed(m *Model) Listing {
	if m.Change == nil || m.touched().lost {
		return Listing{Entries: List(m)}
	}
	l := Listing{Part: make(map[string]bool)}
	lists := make([][]Entry, len(kinds)) // joined once: the search index's are thousands
	for i, k := range kinds {
		if k.Changed == nil {
			lists[i] = k.Entries(m)
			continue
		}
		entries, gone := k.Changed(m)
		lists[i] = entries
		l.Gone = append(l.Gone, gone...)
		l.Part[k.Name] = true
	}
	l.Entries = slices.Concat(lists...)
	return l
}

// touch is what a change touches of the pages about one story or one
// page of a list, worked out once for the kinds listed in part.
type touch struct {
	// articles are the stories whose own pages may have changed.
	articles []*site.Article
	// near are the stories that may have gained or lost their cards.
	near []*site.Article
	// pages are the pages of lists that may have changed, by the topic,
	// author or month whose list they are of, in the order met.
	pages  map[any][]*site.ListPage
	owners []any
	// goneArticles and gonePages are the files of the stories' pages and
	// of the lists' pages gone, less those listed.
	goneArticles, gonePages []string
	// lost says that a page of the change is of no list of the site's
	// topics, authors or months: it cannot be listed by its kind, so
	// every entry is.
	lost bool
}

// touched returns what m.Change touches, made on the first call.
//
// Besides what the change names, a story's card reads whether it has
// share images of its own (card.Own: its rank among the stories is less
// than Config.Cards), which moves when stories are added, removed or
// moved above it: the stories near that rank, and the pages that show
// them, are listed too. A story that the change does not name moves by
// at most one place for each story added or gone, so only the stories
// within that many places of Config.Cards can have changed sides.
func (m *Model) touched() *touch {
	if m.touch != nil {
		return m.touch
	}
	c, s := m.Change, m.Site
	t := &touch{pages: make(map[any][]*site.ListPage)}
	m.touch = t
	owners := make(map[*site.List]any, len(s.Topics)+len(s.Authors)+len(s.Months))
	for _, tp := range s.Topics {
		owners[tp.List] = tp
	}
	for _, au := range s.Authors {
		owners[au.List] = au
	}
	for _, mo := range s.Months {
		owners[mo.List] = mo
	}
	articles := make(map[*site.Article]bool)
	add := func(a *site.Article) {
		if !articles[a] {
			articles[a] = true
			t.articles = append(t.articles, a)
		}
	}
	pages := make(map[*site.ListPage]bool)
	addPage := func(owner any, p *site.ListPage) {
		if owner == nil || pages[p] {
			return
		}
		pages[p] = true
		if t.pages[owner] == nil {
			t.owners = append(t.owners, owner)
		}
		t.pages[owner] = append(t.pages[owner], p)
	}
	for _, a := range c.Stories {
		add(a)
	}
	for _, a := range c.Sidebars {
		add(a)
	}
	for _, p := range c.Pages {
		owner := owners[p.Of]
		t.lost = t.lost || owner == nil
		addPage(owner, p)
	}
	moved := len(c.Stories) + len(c.Gone)
	t.near = s.Articles[min(len(s.Articles), max(0, m.Config.Cards-moved)):min(len(s.Articles), m.Config.Cards+moved)]
	for _, a := range t.near {
		add(a)
		for _, tp := range a.Topics {
			for _, p := range pagesOf(tp.List, a) {
				addPage(tp, p)
			}
		}
		for _, au := range a.Authors {
			for _, p := range pagesOf(au.List, a) {
				addPage(au, p)
			}
		}
		if a.Month != nil {
			for _, p := range pagesOf(a.Month.List, a) {
				addPage(a.Month, p)
			}
		}
	}
	listed := make(map[string]bool, len(t.articles)+len(pages))
	for _, a := range t.articles {
		listed[a.File()] = true
	}
	for p := range pages {
		listed[p.Path] = true
	}
	for _, a := range c.Gone {
		if f := a.File(); !listed[f] {
			listed[f] = true
			t.goneArticles = append(t.goneArticles, f)
		}
	}
	for _, p := range c.GonePages {
		if !listed[p.Path] {
			listed[p.Path] = true
			t.gonePages = append(t.gonePages, route.File(p.Path))
		}
	}
	return t
}

// pagesOf returns the pages of l that show a: its own page if a is among
// the newest, and the numbered page that holds it. The numbered pages are
// runs of the list in digest order, oldest first, so the page is found
// by a's rank; a page found wrong is looked for page by page.
func pagesOf(l *site.List, a *site.Article) []*site.ListPage {
	if l == nil {
		return nil
	}
	var out []*site.ListPage
	if slices.Contains(l.Home.Articles, a) {
		out = append(out, l.Home)
	}
	r := a.Rank()
	i := sort.Search(len(l.Pages), func(i int) bool {
		p := l.Pages[i]
		return len(p.Articles) == 0 || p.Articles[0].Rank() <= r
	})
	if i < len(l.Pages) && slices.Contains(l.Pages[i].Articles, a) {
		return append(out, l.Pages[i])
	}
	for _, p := range l.Pages {
		if slices.Contains(p.Articles, a) {
			return append(out, p)
		}
	}
	return out
}

// pagesTouched returns the pages of owner's list that m.Change may have
// changed.
func (m *Model) pagesTouched(owner any) []*site.ListPage { return m.touched().pages[owner] }
