package plan

import "github.com/t4k3news/digest/internal/route"

// A story withdrawn for good keeps a page at its address saying so,
// without templates.
func init() {
	register(Kind{Name: "withdrawn", Order: 46, Reads: Config, Entries: func(m *Model) []Entry {
		entries := make([]Entry, 0, len(m.Site.Withdrawn))
		for _, a := range m.Site.Withdrawn {
			file := route.File(a.Path)
			entries = append(entries, Entry{Kind: "withdrawn", Paths: []string{file}, Reads: Reads{Parts: Config, Article: a},
				Render: func(emit Emit) error {
					data, err := m.Pages.Withdrawn(m.Site, a)
					if err != nil {
						return err
					}
					return emit(file, data)
				}})
		}
		return entries
	}})
}
