package plan

import "github.com/t4k3news/digest/internal/route"

// An alias, an old address of a renamed story, is a page that redirects
// to the story: it shows the story's title and URL, without templates.
func init() {
	register(Kind{Name: "alias", Order: 45, Reads: Config, Entries: func(m *Model) []Entry {
		entries := make([]Entry, 0, len(m.Site.Aliases))
		for _, al := range m.Site.Aliases {
			file := route.File(al.Path)
			entries = append(entries, Entry{Kind: "alias", Paths: []string{file}, Reads: Reads{Parts: Config, Article: al.Article},
				Render: func(emit Emit) error {
					data, err := m.Pages.Alias(al)
					if err != nil {
						return err
					}
					return emit(file, data)
				}})
		}
		return entries
	}})
}
