package sitemap

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"time"

	"github.com/t4k3news/digest/internal/site"
)

// Memo keeps the entries of the stable pages (see pages) from one layout
// to the next, in their order, and the page sitemaps made of them, for
// build --watch. Told what changed in the stories ([site.Change]), a
// layout makes again only the entries of the stories and numbered pages
// it names and moves them into place; told nothing, it lists every story
// and page and makes again only the entries that changed. Either way a
// page sitemap whose entries are those of the last layout keeps its bytes
// and its key. An entry is kept by its URL with what it was made from: an
// edited story is a new site.Article, a page whose stories changed a new
// site.ListPage.
type Memo struct {
	write  int              // counts the layouts that listed every page
	items  map[string]*item // the stable pages' entries, by URL
	sorted []*item          // the stable pages, in order
	filled bool             // whether sorted lists every stable page of a site
	// lo is the first place of sorted that may hold another entry than
	// when parts were made: the parts wholly before it are the same.
	lo int
	// last is the latest change among the stories and count how many
	// have it; known false when it must be found again.
	last  time.Time
	count int
	known bool
	// homes are the live entries' last changes by the page they list,
	// from the layout that last asked (seen).
	homes map[*site.ListPage]home
	lays  int
	// parts are the page sitemaps as last made, in order.
	parts []part
}

// item is the entry of a story or a numbered page.
type item struct {
	dated
	mod   time.Time      // the last change of the story, or of the page's stories
	story *site.Article  // nil for a page
	page  *site.ListPage // nil for a story
	// stories are the page's stories: a ListPage's may change in place
	// (they are part of its list's).
	stories []*site.Article
	write   int // the last write that listed it
}

// dated is an entry with the date that orders it.
type dated struct {
	at time.Time
	entry
}

// home is the last change among the stories of a live page.
type home struct {
	lastmod string
	seen    int
}

// part is a page sitemap: the stable pages sorted[from:to], then live,
// with its entries, bytes, key (when kept in a memo) and latest change.
type part struct {
	from, to int
	live     []entry
	urls     []entry
	data     []byte
	key      string
	latest   string
}

// NewMemo returns an empty memo.
func NewMemo() *Memo {
	return &Memo{items: make(map[string]*item), homes: make(map[*site.ListPage]home)}
}

// stable brings the stable pages up to s: those ch names when it is set
// and the memo lists a site's already, else all.
func (m *Memo) stable(s *site.Site, ch *site.Change) {
	if ch != nil && m.filled {
		m.apply(s, ch)
		return
	}
	m.all(s)
}

// all lists every stable page of s, making again the entries that
// changed and sorting them into the rest.
func (m *Memo) all(s *site.Site) {
	m.write++
	var added []*item
	for i := len(s.Articles) - 1; i >= 0; i-- {
		added = m.list(storyItem(s.Articles[i]), added)
	}
	for _, t := range s.Topics {
		for _, p := range t.List.Pages {
			added = m.list(pageItem(p), added)
		}
	}
	for _, mo := range s.Months {
		for _, p := range mo.List.Pages {
			added = m.list(pageItem(p), added)
		}
	}
	m.sorted = merge(m.kept(), added)
	m.filled, m.known, m.lo = true, false, 0
}

// list marks the entry of it's page listed by this write, adding it to
// added if the memo does not have it.
func (m *Memo) list(it *item, added []*item) []*item {
	old := m.items[it.Loc]
	if old != nil && old.same(it) {
		old.story, old.page, old.stories, old.write = it.story, it.page, it.stories, m.write
		return added
	}
	it.write = m.write
	m.items[it.Loc] = it
	return append(added, it)
}

// kept returns the entries of the last write that this one listed again,
// in order, and forgets the others.
func (m *Memo) kept() []*item {
	kept := make([]*item, 0, len(m.sorted))
	for _, it := range m.sorted {
		switch {
		case it.write == m.write:
			kept = append(kept, it)
		case m.items[it.Loc] == it:
			delete(m.items, it.Loc)
		}
	}
	return kept
}

// apply brings the stable pages up to s from a site that differs from it
// in the stories and pages ch names, and perhaps in some that it undid
// since (a change applied twice).
func (m *Memo) apply(s *site.Site, ch *site.Change) {
	for _, a := range ch.Stories {
		if it := m.items[a.Permalink]; it == nil || it.story != a {
			m.put(storyItem(a))
		}
	}
	for _, a := range ch.Gone {
		if it := m.items[a.Permalink]; it != nil && it.story == a {
			m.remove(it)
		}
	}
	if len(ch.Pages) > 0 {
		lists := listed(s)
		for _, p := range ch.Pages {
			it := m.items[p.Permalink]
			switch {
			case p.Number == 0 || !lists[p.Of] || it != nil && it.page == p:
			case it != nil && it.page != nil && slices.Equal(it.stories, p.Articles):
				it.page = p // made again with the same stories: the same entry
			default:
				m.put(pageItem(p))
			}
		}
	}
	for _, p := range ch.GonePages {
		if it := m.items[p.Permalink]; it != nil && it.page == p {
			m.remove(it)
		}
	}
}

// listed returns the lists whose numbered pages are in the sitemap: the
// topics' and the months'.
func listed(s *site.Site) map[*site.List]bool {
	lists := make(map[*site.List]bool, len(s.Topics)+len(s.Months))
	for _, t := range s.Topics {
		lists[t.List] = true
	}
	for _, mo := range s.Months {
		lists[mo.List] = true
	}
	return lists
}

// put puts it in place of the entry of its URL, keeping that one, if it
// is the same, for what it was made from.
func (m *Memo) put(it *item) {
	old := m.items[it.Loc]
	if old != nil && old.same(it) {
		old.story, old.page, old.stories = it.story, it.page, it.stories
		return
	}
	m.insert(it)
	if old != nil {
		m.remove(old)
	}
}

// insert sorts it into the stable pages.
func (m *Memo) insert(it *item) {
	i, _ := slices.BinarySearchFunc(m.sorted, it, compare)
	m.sorted = slices.Insert(m.sorted, i, it)
	m.items[it.Loc] = it
	m.lo = min(m.lo, i)
	if it.story != nil && m.known {
		switch c := it.mod.Compare(m.last); {
		case c > 0:
			m.last, m.count = it.mod, 1
		case c == 0:
			m.count++
		}
	}
}

// remove takes it out of the stable pages.
func (m *Memo) remove(it *item) {
	i, _ := slices.BinarySearchFunc(m.sorted, it, compare)
	for i < len(m.sorted) && m.sorted[i] != it { // past an entry equal to it
		i++
	}
	m.sorted = slices.Delete(m.sorted, i, i+1)
	if m.items[it.Loc] == it {
		delete(m.items, it.Loc)
	}
	m.lo = min(m.lo, i)
	if it.story != nil && m.known && it.mod.Equal(m.last) {
		if m.count--; m.count == 0 {
			m.known = false
		}
	}
}

func storyItem(a *site.Article) *item {
	mod := a.Modified()
	return &item{dated: dated{a.Meta.Date, entry{Loc: a.Permalink, Lastmod: date(mod)}}, mod: mod, story: a}
}

func pageItem(p *site.ListPage) *item {
	mod := lastChange(p.Articles)
	return &item{dated: dated{p.Articles[0].Meta.Date, entry{Loc: p.Permalink, Lastmod: date(mod)}}, mod: mod, page: p, stories: slices.Clone(p.Articles)}
}

// same reports whether it and o are the entry of one kind of page, made
// from the same dates.
func (it *item) same(o *item) bool {
	return (it.story == nil) == (o.story == nil) && it.Loc == o.Loc && it.at.Equal(o.at) && it.mod.Equal(o.mod)
}

// merge sorts added into sorted. Equal in all three, two entries are the
// same: the order is total, and a stable sort, slower, would give the
// same.
func merge(sorted, added []*item) []*item {
	if len(added) == 0 {
		return sorted
	}
	slices.SortFunc(added, compare)
	out := make([]*item, 0, len(sorted)+len(added))
	for len(sorted) > 0 && len(added) > 0 {
		if compare(added[0], sorted[0]) < 0 {
			out, added = append(out, added[0]), added[1:]
		} else {
			out, sorted = append(out, sorted[0]), sorted[1:]
		}
	}
	return append(append(out, sorted...), added...)
}

func compare(a, b *item) int {
	return cmp.Or(a.at.Compare(b.at), strings.Compare(a.Loc, b.Loc), strings.Compare(a.Lastmod, b.Lastmod))
}

// lastChange is the last change among articles, or the zero time.
func lastChange(articles []*site.Article) time.Time {
	var last time.Time
	for _, a := range articles {
		if mod := a.Modified(); mod.After(last) {
			last = mod
		}
	}
	return last
}

// newest is the last change among the stories, as newest says it.
func (m *Memo) newest() string {
	if !m.known {
		m.last, m.count, m.known = time.Time{}, 0, true
		for _, it := range m.sorted {
			if it.story == nil {
				continue
			}
			switch c := it.mod.Compare(m.last); {
			case c > 0:
				m.last, m.count = it.mod, 1
			case c == 0:
				m.count++
			}
		}
	}
	if m.last.IsZero() {
		return ""
	}
	return date(m.last)
}

// home is newest(p.Articles), kept from the last layout while p is the
// same page.
func (m *Memo) home(p *site.ListPage) string {
	h, ok := m.homes[p]
	if !ok {
		h.lastmod = newest(p.Articles)
	}
	h.seen = m.lays
	m.homes[p] = h
	return h.lastmod
}

// forgetHomes forgets the pages that the last layout did not ask for.
func (m *Memo) forgetHomes() {
	for p, h := range m.homes {
		if h.seen != m.lays {
			delete(m.homes, p)
		}
	}
}

// layout splits the stable pages, then live, into page sitemaps (see
// split), keeping each of the last layout whose entries are the same,
// and each one's key if keys.
func (m *Memo) layout(live []entry, keys bool) []part {
	var specs []part
	n := len(m.sorted)
	if n+len(live) <= maxURLs {
		specs = []part{{from: 0, to: n, live: live}}
	} else {
		for from, size := 0, maxURLs/2; from < n; from += size {
			specs = append(specs, part{from: from, to: min(n, from+size)})
		}
		if last := len(specs) - 1; last >= 0 && specs[last].to-specs[last].from+len(live) <= maxURLs {
			specs[last].live, live = live, nil
		}
		for len(live) > 0 {
			k := min(len(live), maxURLs)
			specs = append(specs, part{from: n, to: n, live: live[:k:k]})
			live = live[k:]
		}
	}
	for i := range specs {
		specs[i] = m.part(i, specs[i], keys)
	}
	m.parts, m.lo = specs, n
	return specs
}

// part makes page sitemap i of the stable pages and live pages that p
// names, or returns the last layout's if it has the same entries.
func (m *Memo) part(i int, p part, keys bool) part {
	var old *part
	if i < len(m.parts) {
		old = &m.parts[i]
		if old.from == p.from && old.to == p.to && p.to <= m.lo && slices.Equal(old.live, p.live) {
			return *old
		}
	}
	p.urls = make([]entry, 0, p.to-p.from+len(p.live))
	for _, it := range m.sorted[p.from:p.to] {
		p.urls = append(p.urls, it.entry)
	}
	p.urls = append(p.urls, p.live...)
	if old != nil && slices.Equal(old.urls, p.urls) {
		p.urls, p.data, p.key, p.latest = old.urls, old.data, old.key, old.latest
		return p
	}
	p.data, p.latest = marshalPages(p.urls), latest(p.urls)
	if keys {
		sum := sha256.Sum256(p.data)
		p.key = hex.EncodeToString(sum[:])
	}
	return p
}
