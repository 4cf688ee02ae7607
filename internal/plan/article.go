package plan

import "github.com/t4k3news/digest/internal/site"

func init() {
	register(Kind{Name: "article", Order: 40, Reads: Config | Templates | Nav, Entries: func(m *Model) []Entry {
		entries := make([]Entry, 0, len(m.Site.Articles))
		for _, a := range m.Site.Articles {
			entries = append(entries, articleEntry(m, a))
		}
		return entries
	}, Changed: func(m *Model) ([]Entry, []string) {
		t := m.touched()
		entries := make([]Entry, 0, len(t.articles))
		for _, a := range t.articles {
			entries = append(entries, articleEntry(m, a))
		}
		return entries, t.goneArticles
	}})
}

func articleEntry(m *Model, a *site.Article) Entry {
	return pageFile(m, "article", a.File(), articleReads(a), func() ([]byte, error) {
		return m.Pages.Article(m.Site, m.sidebar(a))
	})
}
