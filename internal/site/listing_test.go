package site

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/t4k3news/digest/internal/content"
)

// dated makes n articles tagged "x", one every 12 hours from 1 July 2025,
// the i-th named "a<i>".
func dated(n int) []*content.Document {
	var docs []*content.Document
	start := time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		name := fmt.Sprintf("a%03d", i)
		docs = append(docs, doc("content/"+name+".md", name, start.Add(time.Duration(i)*12*time.Hour), name+".txt", "x"))
	}
	return docs
}

func pageSlugs(l *List) [][]string {
	var out [][]string
	for _, p := range l.Pages {
		out = append(out, slugs(p.Articles))
	}
	return out
}

func TestPagination(t *testing.T) {
	s := build(t, dated(7)...)
	s.SetPagerSize(3)
	x := s.Topics[0]
	if got, want := slugs(x.Home.Articles), []string{"a006", "a005", "a004"}; !slices.Equal(got, want) {
		t.Errorf("home = %v, want %v", got, want)
	}
	want := [][]string{{"a002", "a001", "a000"}, {"a005", "a004", "a003"}}
	if got := pageSlugs(x.List); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("pages = %v, want %v", got, want)
	}
	if x.Pages[1].Path != "topics/x/page/2/" || x.Pages[1].URL != "/digest/topics/x/page/2/" {
		t.Errorf("page 2 at %q, %q", x.Pages[1].Path, x.Pages[1].URL)
	}
	// Home shows a006-a004; a003 is first on page 2.
	if x.Home.Older != x.Pages[1] || x.Pages[1].Older != x.Pages[0] || x.Pages[0].Older != nil {
		t.Error("older links do not run home, page 2, page 1")
	}
	if x.Pages[0].Newer != x.Pages[1] || x.Pages[1].Newer != x.Home || x.Home.Newer != nil {
		t.Error("newer links do not run page 1, page 2, home")
	}
	// With exactly one page of stories, page 1 shows what the topic's
	// page does, and is its only numbered page.
	s.SetPagerSize(7)
	if x := s.Topics[0]; len(x.Pages) != 1 || x.Home.Older != nil || x.Pages[0].Newer != x.Home {
		t.Errorf("7 stories by 7: %d pages, home's older %v", len(x.Pages), x.Home.Older)
	}
	s.SetPagerSize(3)
	if got, want := slugs(s.FrontPage), []string{"a006", "a005", "a004", "a003"}; !slices.Equal(got, want) {
		t.Errorf("front = %v, want the lead and 3 more: %v", got, want)
	}
}

// TestPaginationStable adds stories one at a time: no numbered page ever
// changes its stories, and the pages of earlier months stay as they were.
func TestPaginationStable(t *testing.T) {
	docs := dated(130)
	var before *Site
	for n := 1; n <= len(docs); n++ {
		s := build(t, docs[:n]...)
		s.SetPagerSize(4)
		if before != nil {
			old, cur := pageSlugs(before.Topics[0].List), pageSlugs(s.Topics[0].List)
			if len(cur) < len(old) || fmt.Sprint(cur[:len(old)]) != fmt.Sprint(old) {
				t.Fatalf("at %d stories, pages %v became %v", n, old, cur)
			}
			for i, m := range before.Months[1:] {
				if got := s.Months[len(s.Months)-len(before.Months)+1+i]; fmt.Sprint(pageSlugs(got.List), slugs(got.Home.Articles)) != fmt.Sprint(pageSlugs(m.List), slugs(m.Home.Articles)) {
					t.Fatalf("at %d stories, %s changed", n, m.Name())
				}
			}
		}
		if got := len(s.Topics[0].Home.Articles); got != min(n, 4) {
			t.Fatalf("at %d stories, home shows %d", n, got)
		}
		before = s
	}
}

func TestArchive(t *testing.T) {
	s := build(t, dated(130)...) // 1 July to 4 September 2025, two a day
	var months []string
	for _, m := range s.Months {
		months = append(months, fmt.Sprintf("%s %s %d", m.Name(), m.Home.Path, m.Count))
	}
	want := []string{"September 2025 archive/2025/09/ 6", "August 2025 archive/2025/08/ 62", "July 2025 archive/2025/07/ 62"}
	if !slices.Equal(months, want) {
		t.Errorf("months = %q, want %q", months, want)
	}
	if len(s.Years) != 1 || s.Years[0].Count != 130 || len(s.Years[0].Months) != 3 {
		t.Errorf("years = %+v, want 2025 with 130 stories in 3 months", s.Years)
	}
	if a := s.Article("a000"); a.Month != s.Months[2] {
		t.Errorf("a000 is in %v, want July 2025", a.Month.Name())
	}
	if got := len(s.Months[1].Pages); got != 62/DefaultPagerSize {
		t.Errorf("August has %d numbered pages, want %d", got, 62/DefaultPagerSize)
	}
}

// TestPageIndex checks that a list's own page links every numbered page up
// to MaxIndex of them, and past that the first of each PageGroup, and that
// each numbered page links its group.
func TestPageIndex(t *testing.T) {
	s := build(t, dated(2*(MaxIndex+5))...)
	s.SetPagerSize(2)
	x := s.Topics[0]
	if len(x.Pages) != MaxIndex+5 || len(x.Index) != (MaxIndex+5+PageGroup-1)/PageGroup {
		t.Fatalf("%d pages, index of %d", len(x.Pages), len(x.Index))
	}
	for i, p := range x.Index {
		if p.Number != i*PageGroup+1 {
			t.Errorf("index %d is page %d", i, p.Number)
		}
	}
	if g := x.Pages[53].Group; len(g) != 5 || g[0].Number != 51 || g[4].Number != 55 {
		t.Errorf("page 54's group: %d pages from %d", len(g), g[0].Number)
	}
	s.SetPagerSize(3)
	if x := s.Topics[0]; len(x.Index) != len(x.Pages) {
		t.Errorf("%d pages, %d in the index; want all", len(x.Pages), len(x.Index))
	}
}

// TestAuthorPagination pages an author's stories as a topic's: the
// author's page shows the newest, numbered pages the older ones from the
// oldest, so that an author of thousands of stories has small pages.
func TestAuthorPagination(t *testing.T) {
	docs := dated(7)
	for _, d := range docs {
		d.Meta.Author = "Ann Lee"
	}
	s := build(t, docs...)
	s.SetPagerSize(3)
	if len(s.Authors) != 1 {
		t.Fatalf("%d authors, want 1", len(s.Authors))
	}
	au := s.Authors[0]
	if got, want := slugs(au.Home.Articles), []string{"a006", "a005", "a004"}; !slices.Equal(got, want) {
		t.Errorf("author's page = %v, want %v", got, want)
	}
	want := [][]string{{"a002", "a001", "a000"}, {"a005", "a004", "a003"}}
	if got := pageSlugs(au.List); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("author's pages = %v, want %v", got, want)
	}
	if au.Pages[0].Path != "authors/ann-lee/page/1/" || au.Home.Path != au.Path {
		t.Errorf("author's pages at %q and %q", au.Home.Path, au.Pages[0].Path)
	}
}

// TestPageOfStable adds stories one at a time and checks what each
// numbered page says of the number of pages ("of M", or "of more than" the
// end of its group): it is true, and it changes only on pages of the last
// group, before or after the story, never on every page of the list.
func TestPageOfStable(t *testing.T) {
	docs := dated(400)
	said := func(p *ListPage) string {
		if p.GroupIsLast() {
			return fmt.Sprint("of ", len(p.Of.Pages))
		}
		return fmt.Sprint("of more than ", p.LastOfGroup())
	}
	var before []string
	lastBefore := 1 // the first page of the last group, before
	for n := 1; n <= len(docs); n++ {
		s := build(t, docs[:n]...)
		s.SetPagerSize(3)
		l := s.Topics[0].List
		var now []string
		lastNow := (len(l.Pages)-1)/PageGroup*PageGroup + 1 // the first page of the last group
		for i, p := range l.Pages {
			now = append(now, said(p))
			if !p.GroupIsLast() && len(l.Pages) <= p.LastOfGroup() {
				t.Fatalf("at %d stories, page %d of %d says %q", n, p.Number, len(l.Pages), said(p))
			}
			if i < len(before) && before[i] != now[i] && p.Number < lastBefore && p.Number < lastNow {
				t.Fatalf("at %d stories, page %d changed from %q to %q", n, p.Number, before[i], now[i])
			}
		}
		before, lastBefore = now, lastNow
	}
	if len(before) < 3*PageGroup {
		t.Errorf("%d pages: the test spans too few groups", len(before))
	}
}
