package plan

// An author's page lists the stories with their byline.
func init() {
	register(Kind{Name: "author", Order: 25, Reads: Config | Templates | listing, Entries: func(m *Model) []Entry {
		entries := make([]Entry, 0, len(m.Site.Authors))
		for _, au := range m.Site.Authors {
			entries = append(entries, page(m, "author", au.Path, Reads{Parts: listing}, func() ([]byte, error) {
				return m.Pages.Author(m.Site, au)
			}))
		}
		return entries
	}})
}
