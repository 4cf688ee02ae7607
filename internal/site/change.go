package site

import "slices"

// Change is what the updates of a [Live] changed between two of its
// marks ([Live.Mark]), for a driver that renders again only the outputs
// about what changed (build --watch). The model never changes an article
// or a listing page in place: an edited story is a new Article, a page
// whose stories or place changed is a new ListPage. So an output about an
// article or a page that the change does not name still reads what it
// read before, unless the change is wide (see [Live.Since]).
type Change struct {
	// Stories are the stories added or edited, as they are now, and Gone
	// those removed or replaced, as they were: no article is in both.
	Stories, Gone []*Article
	// Sidebars are the stories, as they are now, whose Related or More
	// the updates made again (they may be the same).
	Sidebars []*Article
	// Pages are the listing pages made (a page is made again when its
	// stories or its place change: its neighbours, its group, on Home how
	// many stories and pages its list has, on a numbered page of the last
	// group how many pages), as they are now, and GonePages those no
	// longer in the site: a topic's, author's or month's pages, their
	// Home included. A page kept may be pointed at the page that replaced
	// its neighbour (Newer, Older, Group), which has the same path.
	Pages, GonePages []*ListPage
}

// journal records the change of each update, so that a driver can ask
// what changed since a mark.
type journal struct {
	start   int       // the mark of changes[0]
	changes []*Change // nil for an update that is wide
}

// maxJournal is how many updates the journal keeps: a driver that asks
// for older changes is told to make everything again.
const maxJournal = 256

// Mark returns the model's mark now, to ask later what changed since.
func (l *Live) Mark() int { return l.log.start + len(l.log.changes) }

// record adds the change of one update; nil says that it is wide: it
// changed what the fields of Change do not describe, such as the name of
// a topic or an author, which pages about other stories show.
func (l *Live) record(c *Change) {
	if !l.side.complete {
		c = nil // without sidebars, none is made again
	}
	lg := &l.log
	lg.changes = append(lg.changes, c)
	if n := len(lg.changes) - maxJournal; n > 0 {
		lg.changes = slices.Delete(lg.changes, 0, n)
		lg.start += n
	}
}

// Since returns what changed since mark, and true; or false when the
// change is wide, or the model no longer knows it: then anything may have
// changed. A story or page made and replaced since the mark is only in
// Gone or GonePages.
func (l *Live) Since(mark int) (*Change, bool) {
	lg := &l.log
	if mark < lg.start || mark > l.Mark() {
		return nil, false
	}
	list := lg.changes[mark-lg.start:]
	if len(list) == 1 && list[0] != nil {
		return list[0], true
	}
	var out Change
	for _, c := range list {
		if c == nil {
			return nil, false
		}
		out.Stories = append(out.Stories, c.Stories...)
		out.Gone = append(out.Gone, c.Gone...)
		out.Sidebars = append(out.Sidebars, c.Sidebars...)
		out.Pages = append(out.Pages, c.Pages...)
		out.GonePages = append(out.GonePages, c.GonePages...)
	}
	gone := make(map[*Article]bool, len(out.Gone))
	for _, a := range out.Gone {
		gone[a] = true
	}
	out.Stories = uniq(slices.DeleteFunc(out.Stories, func(a *Article) bool { return gone[a] }))
	out.Sidebars = uniq(slices.DeleteFunc(out.Sidebars, func(a *Article) bool { return gone[a] }))
	out.Gone = uniq(out.Gone)
	gonePages := make(map[*ListPage]bool, len(out.GonePages))
	for _, p := range out.GonePages {
		gonePages[p] = true
	}
	out.Pages = uniq(slices.DeleteFunc(out.Pages, func(p *ListPage) bool { return gonePages[p] }))
	out.GonePages = uniq(out.GonePages)
	return &out, true
}

// uniq drops the second and later copies of each element, keeping order.
func uniq[T comparable](list []T) []T {
	seen := make(map[T]bool, len(list))
	return slices.DeleteFunc(list, func(x T) bool {
		if seen[x] {
			return true
		}
		seen[x] = true
		return false
	})
}
