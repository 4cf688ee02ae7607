package plan

import (
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

// The listing pages beside the topics' own: the index of topics, each
// topic's numbered pages, the archive's index and each month's pages
// (internal/site's List). A numbered page shows the same stories however
// many arrive after it.
func init() {
	register(Kind{Name: "listing", Order: 22, Reads: Config | Templates | listing | Nav, Entries: func(m *Model) []Entry {
		s := m.Site
		entries := []Entry{
			page(m, "listing", route.TopicsPath, Reads{Parts: listing}, func() ([]byte, error) { return m.Pages.Topics(s) }),
			page(m, "listing", route.ArchivePath, Reads{Parts: listing}, func() ([]byte, error) { return m.Pages.Archive(s) }),
		}
		for _, t := range s.Topics {
			for _, p := range t.Pages {
				reads := listReads(p)
				reads.Topic = t
				entries = append(entries, page(m, "listing", p.Path, reads, func() ([]byte, error) {
					return m.Pages.TopicPage(s, t, p)
				}))
			}
		}
		for _, mo := range s.Months {
			for _, p := range append([]*site.ListPage{mo.Home}, mo.Pages...) {
				entries = append(entries, page(m, "listing", p.Path, listReads(p), func() ([]byte, error) {
					return m.Pages.Month(s, mo, p)
				}))
			}
		}
		return entries
	}})
}
