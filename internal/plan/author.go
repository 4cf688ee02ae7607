package plan

import "github.com/t4k3news/digest/internal/site"

// An author's pages list the stories with their byline: the author's own
// page, the newest, and numbered pages of older ones, as a topic's.
func init() {
	register(Kind{Name: "author", Order: 25, Reads: Config | Templates | Nav, Entries: func(m *Model) []Entry {
		entries := make([]Entry, 0, len(m.Site.Authors))
		for _, au := range m.Site.Authors {
			for _, p := range append([]*site.ListPage{au.Home}, au.Pages...) {
				entries = append(entries, authorEntry(m, au, p))
			}
		}
		return entries
	}, Changed: func(m *Model) ([]Entry, []string) {
		var entries []Entry
		for _, owner := range m.touched().owners {
			if au, ok := owner.(*site.Author); ok {
				for _, p := range m.pagesTouched(au) {
					entries = append(entries, authorEntry(m, au, p))
				}
			}
		}
		return entries, nil
	}})
}

func authorEntry(m *Model, au *site.Author, p *site.ListPage) Entry {
	reads := listReads(p)
	reads.Author = au
	return page(m, "author", p.Path, reads, func() ([]byte, error) {
		return m.Pages.AuthorPage(m.Site, au, p)
	})
}
