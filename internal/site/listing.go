package site

import (
	"slices"
	"strconv"
	"time"

	"github.com/t4k3news/digest/internal/route"
)

// DefaultPagerSize is how many stories a listing page shows when the site
// config does not say (Hugo's pagination.pagerSize is 10; a news digest
// shows more).
const DefaultPagerSize = 30

// List is a list of stories (a topic's, an author's, an archive
// month's) shown in pages of at most the site's pager size. Its own page,
// Home, shows the newest stories; Pages, numbered from 1, hold the
// stories oldest first in full pages, as stable pagination does: page 1
// holds the oldest PagerSize stories, page 2 the next, and a page is made
// only once it is full. A new story therefore changes Home and, once every
// PagerSize stories, adds a page, but never moves a story from one
// numbered page to another.
type List struct {
	Home *ListPage
	// Pages are the numbered pages: Pages[0] is page 1, the oldest.
	Pages []*ListPage
	// Count is the number of stories in the list.
	Count int
	// Index are the numbered pages that Home links: every one when there
	// are at most MaxIndex, else the first of each group of PageGroup, so
	// that Home stays small however long the list grows, and every page
	// is at most two clicks from it.
	Index []*ListPage

	groups [][]*ListPage // the numbered pages by group, each its own array
}

// Bounds of a list's links to its numbered pages: see List.Index and
// ListPage.Group.
const (
	MaxIndex  = 50
	PageGroup = 10
)

// ListPage is one page of a List.
type ListPage struct {
	// Number is the page's number, 0 for the list's own page.
	Number int
	// Path, URL and Permalink are as for [Article].
	Path, URL, Permalink string
	// Articles are the stories the page shows, newest first.
	Articles []*Article
	// Newer and Older are the pages next to it, for rel="prev" and
	// rel="next"; nil at either end. When a neighbour is made again (see
	// Change), a page kept is pointed at the new one, with the same path,
	// so that the old one can go.
	Newer, Older *ListPage
	// Of is the list the page is part of.
	Of *List
	// Group are the numbered pages of the page's group of PageGroup (pages
	// 1-10, 11-20, ...), that a numbered page links; nil on Home.
	Group []*ListPage
}

// newList pages articles, newest first, under the path home. Each page
// holds a copy of its stories: the lists it is cut from change in place.
func (s *Site) newList(home string, articles []*Article) *List {
	size := max(1, s.PagerSize)
	n := len(articles)
	l := &List{Count: n, Home: s.listPage(home, 0, articles[:min(n, size)])}
	l.Home.Of = l
	for c := 1; c*size <= n; c++ {
		p := s.listPage(route.PagePath(home, c), c, articles[n-c*size:n-(c-1)*size])
		p.Of = l
		l.Pages = append(l.Pages, p)
		if g := (c - 1) / PageGroup; g == len(l.groups) {
			l.groups = append(l.groups, make([]*ListPage, 0, PageGroup))
		}
		l.groups[len(l.groups)-1] = append(l.groups[len(l.groups)-1], p)
	}
	for c := range l.Pages {
		l.setGroup(c + 1)
		l.relink(c + 1)
	}
	l.relink(0)
	l.index()
	return l
}

// setGroup sets the Group of page c: its group's pages, a slice of the
// group's own array, so that a page made again in place of another of
// its group is the one the others link.
func (l *List) setGroup(c int) {
	g := (c - 1) / PageGroup
	l.Pages[c-1].Group = l.groups[g][:min(PageGroup, len(l.Pages)-g*PageGroup)]
}

// relink points page c's Newer and Older (c 0: Home's Older) at the
// list's pages now: a page kept when its neighbour was made again links
// the new one, with the same path, and lets the old one go.
func (l *List) relink(c int) {
	if c == 0 {
		l.Home.Older = l.homeOlder()
		return
	}
	p := l.Pages[c-1]
	p.Newer, p.Older = l.Home, nil
	if c < len(l.Pages) {
		p.Newer = l.Pages[c]
	}
	if c > 1 {
		p.Older = l.Pages[c-2]
	}
}

// homeOlder is Home's older page: the newest page with a story Home does
// not show.
func (l *List) homeOlder() *ListPage {
	f := len(l.Pages)
	if f > 0 && l.Count%len(l.Home.Articles) != 0 {
		return l.Pages[f-1]
	}
	if f > 1 {
		return l.Pages[f-2]
	}
	return nil
}

// index makes Index from Pages.
func (l *List) index() {
	l.Index = nil
	for i, p := range l.Pages {
		if len(l.Pages) <= MaxIndex || i%PageGroup == 0 {
			l.Index = append(l.Index, p)
		}
	}
}

// LastOfGroup is the number of the last page of the page's Group.
func (p *ListPage) LastOfGroup() int { return p.Group[len(p.Group)-1].Number }

// GroupIsLast reports whether the page's Group is the list's last, the
// one that new pages join. A numbered page says "Page N of M" in full only
// there; a page of an earlier group says "Page N of more than
// LastOfGroup", which stays true as the list grows. So when a story adds
// a page, only the pages of the last group change (they link the new one
// in any case), and once every PageGroup pages, those of the group before
// it; not every page of the list.
func (p *ListPage) GroupIsLast() bool { return p.LastOfGroup() == len(p.Of.Pages) }

func (s *Site) listPage(p string, number int, articles []*Article) *ListPage {
	return &ListPage{Number: number, Path: p, URL: s.Routes.Rel(p), Permalink: s.Routes.Abs(p), Articles: slices.Clone(articles)}
}

// Month is a month of the archive: the stories published in it, by their
// date in the site's time zone (UTC if it names none), in pages.
type Month struct {
	Year  int
	Month time.Month
	// List holds the month's stories; List.Home is the month's page,
	// "archive/2025/08/".
	*List
}

// Name is the month as readers say it: "August 2025".
func (m *Month) Name() string { return m.Month.String() + " " + strconv.Itoa(m.Year) }

// Year is a year of the archive.
type Year struct {
	Year int
	// Months are the year's months that have stories, newest first.
	Months []*Month
	// Count is the number of stories in the year.
	Count int
}

// Now is the clock the site was made at (Publish.Now), for what depends
// on the time of the build, such as the news sitemap's two days.
func (s *Site) Now() time.Time { return s.pub.Now }

// SetPagerSize pages the site's listings by n stories (the config's
// pagination.pagerSize); n < 1 means DefaultPagerSize.
func (s *Site) SetPagerSize(n int) {
	if n < 1 {
		n = DefaultPagerSize
	}
	s.PagerSize = n
	s.paginate()
}

// paginate makes every listing of the site from its articles, topics and
// authors: the front page's stories, each topic's and author's pages and
// the archive. It reads only the sorted article lists, so it costs time
// in proportion to the number of articles, with no sorting; after an
// update, Live pages again only what the update touched (repage.go).
func (s *Site) paginate() {
	if s.PagerSize < 1 {
		s.PagerSize = DefaultPagerSize
	}
	s.FrontPage = s.Front[:min(len(s.Front), s.PagerSize+1)]
	s.ArchiveURL, s.TopicsURL = s.Routes.Rel(route.ArchivePath), s.Routes.Rel(route.TopicsPath)
	for _, t := range s.Topics {
		t.List = s.newList(t.Path, t.Articles)
	}
	for _, au := range s.Authors {
		au.List = s.newList(au.Path, au.Articles)
	}
	s.Months, s.Years = nil, nil
	for i := 0; i < len(s.Articles); {
		y, m, _ := monthDate(s.Articles[i]).Date()
		j := i + 1
		for j < len(s.Articles) && sameMonth(s.Articles[j], y, m) {
			j++
		}
		s.addMonth(y, m, s.Articles[i:j])
		i = j
	}
}

func sameMonth(a *Article, y int, m time.Month) bool {
	ay, am, _ := monthDate(a).Date()
	return ay == y && am == m
}

// monthDate is the date that puts a in a month of the archive: in the
// site's time zone, the day its pages show, or else in UTC. One zone for
// every story keeps each month a run of the digest.
func monthDate(a *Article) time.Time {
	if a.zone == nil {
		return a.Meta.Date.UTC()
	}
	return a.Meta.Date.In(a.zone)
}

// addMonth adds the month y-m holding articles, which come after those of
// every month added before.
func (s *Site) addMonth(y int, m time.Month, articles []*Article) {
	month := &Month{Year: y, Month: m, List: s.newList(route.MonthPath(y, int(m)), articles)}
	for _, a := range articles {
		a.Month = month
	}
	s.Months = append(s.Months, month)
	if len(s.Years) == 0 || s.Years[len(s.Years)-1].Year != y {
		s.Years = append(s.Years, &Year{Year: y})
	}
	year := s.Years[len(s.Years)-1]
	year.Months = append(year.Months, month)
	year.Count += len(articles)
}
