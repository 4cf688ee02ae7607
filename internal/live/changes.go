package live

import (
	"math/bits"
	"slices"

	"github.com/t4k3news/digest/internal/plan"
	"github.com/t4k3news/digest/internal/site"
)

// The engine counts its versions and remembers, for each part of the
// model, the version it last changed at, so that a driver that keeps the
// site's files (build --watch) renders again only the entries that read a
// part changed since the version it wrote.

// stories are the parts of the model that a change of content files, or
// of the clock, changes; Nav too, when the masthead's topics change
// (see storyParts).
const stories = plan.Articles | plan.Topics | plan.Sidebars

// storyParts returns the parts that a change of the stories changed;
// e.mu is held.
func (e *Engine) storyParts() plan.Part {
	parts := stories
	if nav := plan.NavSum(e.model.Site()); nav != e.nav {
		e.nav, parts = nav, parts|plan.Nav
	}
	return parts
}

// bump makes a new version of the site in which the parts changed; e.mu
// is held.
func (e *Engine) bump(parts plan.Part) {
	e.version++
	for p := parts; p != 0; p &= p - 1 {
		e.changed[bits.TrailingZeros16(uint16(p))] = e.version
	}
	e.marks = append(e.marks, mark{e.version, e.model, e.model.Mark()})
	if n := len(e.marks) - maxMarks; n > 0 {
		e.marks = slices.Delete(e.marks, 0, n)
	}
}

// mark is the model's mark at a version of the site (site.Live.Mark).
type mark struct {
	version int
	model   *site.Live
	at      int
}

// maxMarks is how many versions the engine can tell the changes since.
const maxMarks = 64

// change returns what changed in the stories since version v, when
// nothing else did and the model knows; e.mu is held.
func (e *Engine) change(v int) *site.Change {
	parts, _ := e.since(v)
	if v == 0 || parts&^stories != 0 {
		return nil
	}
	for _, m := range e.marks {
		if m.version == v && m.model == e.model {
			if c, ok := e.model.Since(m.at); ok {
				return c
			}
		}
	}
	return nil
}

// Since returns the parts of the model that changed after version v of
// the site, and the version now; every part changed after version 0.
func (e *Engine) Since(v int) (plan.Part, int) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.since(v)
}

func (e *Engine) since(v int) (plan.Part, int) {
	var parts plan.Part
	for i, at := range e.changed {
		if at > v {
			parts |= 1 << i
		}
	}
	return parts, e.version
}

// Render lists the entries of the site as it is now that changed since
// the version of it that the output holds (since, 0 for none; see
// [plan.Changed]: every entry unless only the stories changed) and
// renders, as a build does, those that pick returns true for, passing
// each file to emit with the index of its entry in the list. Pick gets
// the entry's [plan.Model.Sum], or 0 for an entry with a Key, which
// stands for what it reads. Emit may be called concurrently, but for one
// entry by one goroutine at a time. Pick must not call the engine. The
// error is the first in the order of the list; rendered[i] says whether
// the listing's Entries[i] was rendered.
//
// The first Render makes every article's sidebar; from then on the model
// keeps them current as it changes (site.Live.Complete).
func (e *Engine) Render(since int, pick func(en *plan.Entry, sum uint64) bool, emit func(i int, name string, data []byte) error) (listing plan.Listing, rendered []bool, err error) {
	e.mu.Lock() // Complete writes every article's sidebar
	defer e.mu.Unlock()
	e.model.Complete()
	m := e.plan(nil)
	m.Pages, m.Search, m.Sitemap, m.Sums = e.r.ForSite(), e.search, e.sitemap, e.sidebars
	m.Change = e.change(since)
	listing = plan.Changed(m)
	entries := listing.Entries
	rendered = make([]bool, len(entries))
	var todo []plan.Entry
	for i := range entries {
		var sum uint64
		if entries[i].Key == nil {
			sum = m.Sum(&entries[i].Reads)
		}
		if !pick(&entries[i], sum) {
			continue
		}
		rendered[i] = true
		todo = append(todo, plan.Entry{Render: func(plan.Emit) error {
			return entries[i].Render(func(name string, data []byte) error { return emit(i, name, data) })
		}})
	}
	return listing, rendered, plan.Render(todo, nil)
}
