package site

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/t4k3news/digest/internal/route"
)

// After an update, Live pages again only the lists that hold a story
// added or removed (an edited story is both), and in each only the pages
// whose stories or place changed get a new ListPage: the others keep
// their pointers, so that a driver renders again only the pages the
// update names (Change.Pages). A list itself (List, and the Topic, Author
// or Month that holds it) is kept and changed in place.

// repaginate pages again the lists that hold a story of olds (as they
// were) or added, and the archive, adding to c the pages it makes and
// those it drops.
func (l *Live) repaginate(olds, added []*Article, c *Change) {
	s := l.s
	s.FrontPage = s.Front[:min(len(s.Front), s.PagerSize+1)]
	topics := make(map[*Topic][]*Article)
	authors := make(map[*Author][]*Article)
	for _, a := range slices.Concat(olds, added) {
		for _, t := range a.Topics {
			topics[t] = append(topics[t], a)
		}
		for _, au := range a.Authors {
			authors[au] = append(authors[au], a)
		}
	}
	for _, t := range sortedKeys(topics, func(t *Topic) string { return t.Slug }) {
		if l.topics[t.Slug] != t {
			c.GonePages = append(c.GonePages, t.List.pages()...)
			continue
		}
		t.List = s.repage(t.List, t.Path, t.Articles, topics[t], c)
	}
	for _, au := range sortedKeys(authors, func(au *Author) string { return au.Slug }) {
		if s.authors[au.Slug] != au {
			c.GonePages = append(c.GonePages, au.List.pages()...)
			continue
		}
		au.List = s.repage(au.List, au.Path, au.Articles, authors[au], c)
	}
	s.repageMonths(olds, added, c)
}

// sortedKeys returns the keys of m sorted by name.
func sortedKeys[K comparable, V any](m map[K]V, name func(K) string) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b K) int { return strings.Compare(name(a), name(b)) })
	return keys
}

// pages returns the list's pages, Home first; none for nil.
func (l *List) pages() []*ListPage {
	if l == nil {
		return nil
	}
	return append([]*ListPage{l.Home}, l.Pages...)
}

// repageMonths pages again the months of the archive that hold a story of
// olds or added, and makes the archive's months and years again.
func (s *Site) repageMonths(olds, added []*Article, c *Change) {
	type ym struct {
		y int
		m time.Month
	}
	changed := make(map[ym][]*Article)
	for _, a := range slices.Concat(olds, added) {
		y, m, _ := monthDate(a).Date()
		changed[ym{y, m}] = append(changed[ym{y, m}], a)
	}
	keys := sortedKeys(changed, func(k ym) string { return route.MonthPath(k.y, int(k.m)) })
	for _, k := range keys {
		i := slices.IndexFunc(s.Months, func(mo *Month) bool { return mo.Year == k.y && mo.Month == k.m })
		run := s.monthRun(k.y, k.m)
		switch {
		case len(run) == 0 && i >= 0:
			c.GonePages = append(c.GonePages, s.Months[i].List.pages()...)
			s.Months = slices.Delete(s.Months, i, i+1)
		case len(run) == 0:
		case i < 0:
			mo := &Month{Year: k.y, Month: k.m}
			mo.List = s.repage(nil, route.MonthPath(k.y, int(k.m)), run, nil, c)
			s.Months = append(s.Months, mo)
		default:
			mo := s.Months[i]
			mo.List = s.repage(mo.List, route.MonthPath(k.y, int(k.m)), run, changed[k], c)
		}
	}
	slices.SortFunc(s.Months, func(a, b *Month) int {
		return cmp.Or(cmp.Compare(b.Year, a.Year), cmp.Compare(b.Month, a.Month))
	})
	for _, a := range added {
		y, m, _ := monthDate(a).Date()
		i := slices.IndexFunc(s.Months, func(mo *Month) bool { return mo.Year == y && mo.Month == m })
		a.Month = s.Months[i]
	}
	s.Years = nil
	for _, mo := range s.Months {
		if len(s.Years) == 0 || s.Years[len(s.Years)-1].Year != mo.Year {
			s.Years = append(s.Years, &Year{Year: mo.Year})
		}
		year := s.Years[len(s.Years)-1]
		year.Months = append(year.Months, mo)
		year.Count += mo.Count
	}
}

// monthRun returns the run of the site's articles in the month y-m.
func (s *Site) monthRun(y int, m time.Month) []*Article {
	zone := s.pub.Zone
	if zone == nil {
		zone = time.UTC
	}
	start := time.Date(y, m, 1, 0, 0, 0, 0, zone)
	end := start.AddDate(0, 1, 0)
	before := func(t time.Time) func(a *Article) bool {
		return func(a *Article) bool { return a.Meta.Date.Before(t) }
	}
	i := searchArticles(s.Articles, before(end))
	j := searchArticles(s.Articles, before(start))
	return s.Articles[i:j]
}

// searchArticles returns the first place in list, newest first, whose
// article is older than f says, or len(list).
func searchArticles(list []*Article, f func(a *Article) bool) int {
	lo, hi := 0, len(list)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if f(list[m]) {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// repage updates l, the list at home (nil for a new one), to hold
// articles, newest first, after the stories of changed (as they were, if
// removed, or are) came into it or went out of it, and returns it, or nil
// when it is left empty. The pages it makes go to c.Pages, those they
// replace and those dropped to c.GonePages.
//
// A numbered page's stories change only from the place of the oldest
// story changed on (page 1 holds the oldest), and, when as many came as
// went, up to the newest one's; its place (its neighbours, its group,
// and in the last group how many pages there are) only in the last two
// groups when the number of pages changes. Only those pages are looked
// at again, and each is made again only if it changed.
func (s *Site) repage(l *List, home string, articles []*Article, changed []*Article, c *Change) *List {
	if len(articles) == 0 {
		c.GonePages = append(c.GonePages, l.pages()...)
		return nil
	}
	if l == nil {
		l = s.newList(home, articles)
		c.Pages = append(c.Pages, l.pages()...)
		return l
	}
	size, n := max(1, s.PagerSize), len(articles)
	oldP, newP, oldIndex, oldCount := len(l.Pages), n/size, len(l.Index), l.Count
	lo, hi := n, 0 // how many stories are older than the first and last changed
	for _, a := range changed {
		i, found := slices.BinarySearchFunc(articles, a, compareArticles)
		k := n - i
		if found {
			k--
		}
		lo, hi = min(lo, k), max(hi, k)
	}
	first, last := lo/size, max(oldP, newP) // the pages to look at, from 1
	if n == oldCount {
		last = min(last, hi/size+2)
	}
	if oldP != newP {
		first = min(first, (min(oldP, newP)-1)/PageGroup*PageGroup+1-PageGroup)
	}
	first = max(1, first)
	for c2 := newP + 1; c2 <= oldP; c2++ {
		c.GonePages = append(c.GonePages, l.Pages[c2-1])
	}
	l.Pages, l.Count = l.Pages[:min(oldP, newP)], n
	for g := (newP + PageGroup - 1) / PageGroup; g < len(l.groups); g++ {
		l.groups[g] = l.groups[g][:0]
	}
	made := make(map[int]bool)
	for num := first; num <= min(last, newP); num++ {
		stories := articles[n-num*size : n-(num-1)*size]
		var old *ListPage
		if num <= oldP {
			old = l.Pages[num-1]
		} else {
			l.Pages = append(l.Pages, nil)
		}
		lastOfGroup := min(newP, ((num-1)/PageGroup+1)*PageGroup)
		if old != nil && slices.Equal(old.Articles, stories) && pageNumber(old.Newer) == nextNumber(num, newP) &&
			pageNumber(old.Older) == olderNumber(num) && old.LastOfGroup() == lastOfGroup &&
			(old.LastOfGroup() != oldP) == (lastOfGroup != newP) && (lastOfGroup != newP || oldP == newP) {
			continue
		}
		p := s.listPage(route.PagePath(home, num), num, stories)
		p.Of = l
		l.Pages[num-1] = p
		g := (num - 1) / PageGroup
		if g == len(l.groups) {
			l.groups = append(l.groups, make([]*ListPage, 0, PageGroup))
		}
		if k := (num - 1) % PageGroup; k < len(l.groups[g]) {
			l.groups[g][k] = p
		} else {
			l.groups[g] = append(l.groups[g], p)
		}
		made[num] = true
		c.Pages = append(c.Pages, p)
		if old != nil {
			c.GonePages = append(c.GonePages, old)
		}
	}
	for num := range made {
		l.setGroup(num)
	}
	if oldP != newP {
		l.index()
	} else {
		for num := range made {
			l.indexPage(num)
		}
	}
	homeStories := articles[:min(n, size)]
	older := l.homeOlder()
	if h := l.Home; !slices.Equal(h.Articles, homeStories) || pageNumber(h.Older) != pageNumber(older) ||
		oldP != newP || oldIndex != len(l.Index) || oldCount != n {
		c.GonePages = append(c.GonePages, h)
		l.Home = s.listPage(home, 0, homeStories)
		l.Home.Of = l
		c.Pages = append(c.Pages, l.Home)
		made[0] = true
	}
	for num := range made {
		for _, m := range []int{num - 1, num, num + 1} {
			if m >= 0 && m <= newP {
				l.relink(m)
			}
		}
	}
	if newP > 0 {
		l.relink(newP)
	}
	l.relink(0)
	return l
}

// indexPage puts page num, made again, in Index in place of the one it
// replaced.
func (l *List) indexPage(num int) {
	switch {
	case len(l.Pages) <= MaxIndex:
		l.Index[num-1] = l.Pages[num-1]
	case (num-1)%PageGroup == 0:
		l.Index[(num-1)/PageGroup] = l.Pages[num-1]
	}
}

// pageNumber is p's number, -1 for none.
func pageNumber(p *ListPage) int {
	if p == nil {
		return -1
	}
	return p.Number
}

// olderNumber is the number of the page older than page num: none (-1)
// for page 1.
func olderNumber(num int) int {
	if num == 1 {
		return -1
	}
	return num - 1
}

// nextNumber is the number of the page newer than page num of a list of
// pages numbered pages: the next, or Home's 0 after the last.
func nextNumber(num, pages int) int {
	if num == pages {
		return 0
	}
	return num + 1
}
