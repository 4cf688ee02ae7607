package sitemap

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/t4k3news/digest/internal/jsonld"
	"github.com/t4k3news/digest/internal/site"
)

// Memo keeps the entries of the stable pages (see pages) from one
// WriteMemo to the next, in their order, for build --watch: after an edit
// only the entries of the stories edited and of the numbered pages whose
// date or last change moved are made and sorted into the rest; at 10,000
// stories making and sorting every entry cost 15 ms an edit. It keeps a
// story's entry by its article (an edited story is a new site.Article),
// a numbered page's by its URL with what it was made from.
type Memo struct {
	write   int // counts the writes, to tell the entries listed by the last
	stories map[*site.Article]*item
	pages   map[string]*item
	sorted  []*item // the stable pages, in order, as last written
	// parts are the page sitemaps as last written, by file: an edit
	// changes the part that lists the story, and the others are not
	// formatted again.
	parts map[string]part
}

// part is a page sitemap's entries and bytes.
type part struct {
	urls []entry
	data []byte
}

// marshal returns marshalPages(urls) for file, the bytes of the last
// write if its entries are the same, and keeps them for the next; a nil
// m keeps none.
func (m *Memo) marshal(file string, urls []entry, next map[string]part) []byte {
	if m == nil {
		return marshalPages(urls)
	}
	if old, ok := m.parts[file]; ok && slices.Equal(old.urls, urls) {
		next[file] = old
		return old.data
	}
	data := marshalPages(urls)
	next[file] = part{urls, data}
	return data
}

// item is the entry of a story or a numbered page.
type item struct {
	dated
	mod   time.Time     // the last change of the story, or of the page's stories
	story *site.Article // nil for a page
	write int           // the last write that listed it
}

// dated is an entry with the date that orders it.
type dated struct {
	at time.Time
	entry
}

// NewMemo returns an empty memo.
func NewMemo() *Memo {
	return &Memo{stories: make(map[*site.Article]*item), pages: make(map[string]*item)}
}

// stable returns the stable pages of s, in order (see pages), and the
// last change among its stories.
func (m *Memo) stable(s *site.Site) ([]entry, string) {
	m.write++
	var added []*item
	for i := len(s.Articles) - 1; i >= 0; i-- {
		a := s.Articles[i]
		it := m.stories[a]
		if it == nil {
			mod := jsonld.Modified(a)
			it = &item{dated: dated{a.Meta.Date, entry{Loc: a.Permalink, Lastmod: date(mod)}}, mod: mod, story: a}
			m.stories[a], added = it, append(added, it)
		}
		it.write = m.write
	}
	for _, t := range s.Topics {
		added = m.numbered(t.List, added)
	}
	for _, mo := range s.Months {
		added = m.numbered(mo.List, added)
	}
	m.sorted = merge(m.kept(), added)
	out := make([]entry, len(m.sorted))
	for i, it := range m.sorted {
		out[i] = it.entry
	}
	return out, m.newest(s.Articles)
}

// numbered lists the numbered pages of l, adding to added those whose
// entry changed.
func (m *Memo) numbered(l *site.List, added []*item) []*item {
	for _, p := range l.Pages {
		at, mod := p.Articles[0].Meta.Date, m.last(p.Articles)
		it := m.pages[p.Permalink]
		if it == nil || !it.at.Equal(at) || !it.mod.Equal(mod) {
			it = &item{dated: dated{at, entry{Loc: p.Permalink, Lastmod: date(mod)}}, mod: mod}
			m.pages[p.Permalink], added = it, append(added, it)
		}
		it.write = m.write
	}
	return added
}

// kept returns the entries of the last write that this one listed again,
// in order, and forgets the others.
func (m *Memo) kept() []*item {
	kept := make([]*item, 0, len(m.sorted))
	for _, it := range m.sorted {
		switch {
		case it.write == m.write:
			kept = append(kept, it)
		case it.story != nil:
			delete(m.stories, it.story)
		case m.pages[it.Loc] == it:
			delete(m.pages, it.Loc)
		}
	}
	return kept
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

// last is the last change among articles, each listed by stable.
func (m *Memo) last(articles []*site.Article) time.Time {
	var last time.Time
	for _, a := range articles {
		var mod time.Time
		if it := m.stories[a]; it != nil {
			mod = it.mod
		} else {
			mod = jsonld.Modified(a)
		}
		if mod.After(last) {
			last = mod
		}
	}
	return last
}

// newest is newest(articles), with the changes the memo knows.
func (m *Memo) newest(articles []*site.Article) string {
	if last := m.last(articles); !last.IsZero() {
		return date(last)
	}
	return ""
}
