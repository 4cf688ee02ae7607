package plan

import (
	"hash/maphash"

	"github.com/t4k3news/digest/internal/card"
	"github.com/t4k3news/digest/internal/site"
)

// seed keys the sums of one process; they are never stored.
var seed = maphash.MakeSeed()

// sums caches the sums of the stories, topics and authors of a model,
// which many entries read.
type sums struct {
	stories map[*site.Article]uint64 // as a card shows them
	pages   map[*site.Article]uint64 // as their own pages do: with the sidebar
	names   map[any]uint64           // of topics, authors and months
}

// SumMemo keeps, from one model to the next, the sum of each story's
// sidebar with the sidebar it summed, for build --watch: the model makes
// a sidebar anew whenever it changes and never changes one in place
// (internal/site), so a story whose Related and More are the slices
// summed before has the same sum of them. At 10,000 articles summing
// every sidebar again, title by title, cost 8 ms of CPU an edit.
//
// It keeps as well the Key of each share image asked for (plan.Entry.Key),
// by what the card shows: build --watch asks every card's key after each
// edit, and the thousands of cards of the newest stories cost 4 ms of CPU
// to hash again each time.
type SumMemo struct {
	sides map[*site.Article]*side
	keys  map[card.Spec]*keyed
	asked int // keys asked for since the model began
	n     int // counts the models that used the memo
	// whole is the last model without a Change, which read every story
	// and asked every card's key, and wholeAsked how many keys it asked.
	whole, wholeAsked int
}

// keyed is a card's Key.
type keyed struct {
	key string
	n   int // the last model that asked for it
}

// side is the sum of a story's sidebar, with the sidebar it summed, which
// it keeps from being reused by another.
type side struct {
	related []site.Related
	more    []*site.Article
	sum     uint64
	n       int // the last model that read it
}

// NewSumMemo returns an empty memo.
func NewSumMemo() *SumMemo {
	return &SumMemo{sides: make(map[*site.Article]*side), keys: make(map[card.Spec]*keyed)}
}

// start readies the memo for the model m. A model with a Change lists
// only the entries it touches (see [Changed]): the memo forgets the
// sidebars of the stories gone, and keeps the rest for the next model
// that reads every entry, which forgets what no model read since the
// last such model, when that is much. The keys that models with a
// Change ask for, a few each, are all forgotten once they are many.
func (sm *SumMemo) start(m *Model) {
	if sm.n == sm.whole {
		sm.wholeAsked = sm.asked
	}
	sm.n, sm.asked = sm.n+1, 0
	if c := m.Change; c != nil {
		for _, a := range c.Gone {
			delete(sm.sides, a)
		}
		if len(sm.keys) > 4*sm.wholeAsked+1024 {
			clear(sm.keys)
		}
		return
	}
	if len(sm.sides) > 2*len(m.Site.Articles)+64 {
		for a, sd := range sm.sides {
			if sd.n < sm.whole {
				delete(sm.sides, a)
			}
		}
	}
	if len(sm.keys) > 2*sm.wholeAsked+64 {
		for spec, k := range sm.keys {
			if k.n < sm.whole {
				delete(sm.keys, spec)
			}
		}
	}
	sm.whole = sm.n
}

// key returns spec.Key(). It must not be called concurrently.
func (sm *SumMemo) key(spec card.Spec) string {
	if sm == nil {
		return spec.Key()
	}
	k := sm.keys[spec]
	if k == nil {
		k = &keyed{key: spec.Key()}
		sm.keys[spec] = k
	}
	k.n = sm.n
	sm.asked++
	return k.key
}

// sidebar returns the sum of a's sidebar.
func (sm *SumMemo) sidebar(a *site.Article) uint64 {
	if sm == nil {
		return sidebarSum(a)
	}
	sd := sm.sides[a]
	if sd == nil || !same(sd.related, a.Related) || !same(sd.more, a.More) {
		sd = &side{related: a.Related, more: a.More, sum: sidebarSum(a)}
		sm.sides[a] = sd
	}
	sd.n = sm.n
	return sd.sum
}

// same reports whether a and b are one slice.
func same[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// sidebarSum hashes a's Related and More.
func sidebarSum(a *site.Article) uint64 {
	h := uint64(len(a.Related))
	for _, r := range a.Related {
		h = mix(mix(h, 3), str(r.Title))
		if r.Article != nil {
			h = mix(h, r.Article.Serial())
		}
	}
	for _, b := range a.More {
		h = mix(mix(h, 4), b.Serial())
	}
	return h
}

// Sum hashes what the entry reading r reads of the content one story,
// topic, author or page at a time (see [Reads]); 0 for an entry that
// reads none. Two versions of the site with the same Sum for an entry,
// and none of its Parts changed between them, give the entry the same
// bytes. It costs a few hashes of small values, not a render. Sum keeps
// what it hashed of each story, so the model must not change once it is
// called, and it must not be called concurrently.
func (m *Model) Sum(r *Reads) uint64 {
	if r.Article == nil && r.Topic == nil && r.Author == nil && r.List == nil && r.Stories == nil {
		return 0
	}
	if m.sums == nil {
		n := len(m.Site.Articles)
		if m.Change != nil {
			n = 0 // only the entries the change touches are listed
		}
		m.sums = &sums{stories: make(map[*site.Article]uint64, n),
			pages: make(map[*site.Article]uint64, n), names: make(map[any]uint64)}
		if m.Sums != nil {
			m.Sums.start(m)
		}
	}
	h := uint64(len(r.Stories))
	if r.Article != nil {
		h = mix(h, m.page(r.Article))
	}
	if t := r.Topic; t != nil {
		h = mix(h, m.topic(t))
		h = mix(h, str(t.Description))
	}
	if au := r.Author; au != nil {
		h = mix(h, m.author(au))
	}
	if p := r.List; p != nil {
		h = mix(h, list(p))
	}
	for _, a := range r.Stories {
		h = mix(h, m.story(a))
	}
	return h
}

// NavSum hashes what Nav is of s: the featured topics and the menu.
func NavSum(s *site.Site) uint64 {
	h := uint64(len(s.Featured))
	for _, t := range s.Featured {
		h = mix(mix(h, str(t.Name)), str(t.URL))
	}
	for _, l := range s.Menu {
		h = mix(mix(h, str(l.Label)), str(l.URL))
	}
	return h
}

// mix adds v to the hash h.
func mix(h, v uint64) uint64 {
	h = (h ^ v) * 0x9e3779b97f4a7c15
	return h ^ h>>32
}

func str(s string) uint64 { return maphash.String(seed, s) }

// story hashes what a story's card reads of a: its document (by serial),
// whether it has share images of its own (by its place), the names of its
// topics and bylines, and its month.
func (m *Model) story(a *site.Article) uint64 {
	if h, ok := m.sums.stories[a]; ok {
		return h
	}
	h := mix(1, a.Serial())
	if card.Own(m.Config, a) {
		h = mix(h, 1)
	}
	for _, t := range a.Topics {
		h = mix(h, m.topic(t))
	}
	h = mix(h, 2)
	for _, au := range a.Authors {
		h = mix(h, m.author(au))
	}
	if mo := a.Month; mo != nil {
		h = mix(h, m.name(mo, "", mo.Home.URL))
	}
	m.sums.stories[a] = h
	return h
}

// page hashes what a's own page reads of it: what its card does, and its
// sidebar (the titles it lists, and the serials of the stories they
// link), whose sum m.Sums keeps while it is the same sidebar.
func (m *Model) page(a *site.Article) uint64 {
	if h, ok := m.sums.pages[a]; ok {
		return h
	}
	h := m.story(a)
	if m.Sidebar != nil { // a sidebar made for the asking, a new copy each time
		h = mix(h, sidebarSum(m.Sidebar(a)))
	} else {
		h = mix(h, m.Sums.sidebar(a))
	}
	m.sums.pages[a] = h
	return h
}

func (m *Model) topic(t *site.Topic) uint64 { return m.name(t, t.Name, t.URL) }

func (m *Model) author(au *site.Author) uint64 { return m.name(au, au.Name, au.URL) }

// name hashes the name and URL of a topic, author or month, once a model.
func (m *Model) name(key any, name, url string) uint64 {
	if h, ok := m.sums.names[key]; ok {
		return h
	}
	h := mix(mix(5, str(name)), str(url))
	m.sums.names[key] = h
	return h
}

// list hashes the page's place among its list's pages, as the pager
// shows it, and on the list's own page how many stories it holds.
func list(p *site.ListPage) uint64 {
	h := mix(mix(7, str(p.Path)), uint64(p.Number))
	for _, q := range []*site.ListPage{p.Newer, p.Older} {
		h = mix(h, 8)
		if q != nil {
			h = mix(h, str(q.Path))
		}
	}
	if p.Number == 0 {
		return mix(mix(mix(h, uint64(p.Of.Count)), uint64(len(p.Of.Pages))), uint64(len(p.Of.Index)))
	}
	h = mix(h, uint64(p.LastOfGroup()))
	if p.GroupIsLast() {
		h = mix(h, uint64(len(p.Of.Pages)))
	}
	return h
}
