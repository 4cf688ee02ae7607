package plan

import (
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

// An alias, an old address of a renamed story, is a page that redirects
// to the story: it shows the story's title and URL, without templates. The
// old address of a withdrawn story shows its withdrawn page; that of a
// spelling of a topic merged into another redirects to the topic.
func init() {
	register(Kind{Name: "alias", Order: 45, Reads: Config, Entries: func(m *Model) []Entry {
		entries := make([]Entry, 0, len(m.Site.Aliases))
		for _, al := range m.Site.Aliases {
			file := route.File(al.Path)
			entries = append(entries, Entry{Kind: "alias", Paths: []string{file}, Reads: Reads{Parts: Config, Article: al.Article, Topic: al.Topic},
				Render: func(emit Emit) error {
					render := m.Pages.Alias
					if al.Article != nil && al.Article.Meta.Withdrawn != "" {
						// The story was withdrawn: its old address says so too.
						render = func(al *site.Alias) ([]byte, error) { return m.Pages.Withdrawn(m.Site, al.Article) }
					}
					data, err := render(al)
					if err != nil {
						return err
					}
					return emit(file, data)
				}})
		}
		return entries
	}})
}
