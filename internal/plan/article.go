package plan

func init() {
	register(Kind{Name: "article", Order: 40, Reads: Config | Templates | Nav, Entries: func(m *Model) []Entry {
		entries := make([]Entry, 0, len(m.Site.Articles))
		for _, a := range m.Site.Articles {
			entries = append(entries, pageFile(m, "article", a.File(), articleReads(a), func() ([]byte, error) {
				return m.Pages.Article(m.Site, m.sidebar(a))
			}))
		}
		return entries
	}})
}
