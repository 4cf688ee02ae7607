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
		entries := indexes(m)
		for _, t := range s.Topics {
			for _, p := range t.Pages {
				entries = append(entries, topicPageEntry(m, t, p))
			}
		}
		for _, mo := range s.Months {
			for _, p := range append([]*site.ListPage{mo.Home}, mo.Pages...) {
				entries = append(entries, monthEntry(m, mo, p))
			}
		}
		return entries
	}, Changed: func(m *Model) ([]Entry, []string) {
		entries := indexes(m)
		for _, owner := range m.touched().owners {
			switch o := owner.(type) {
			case *site.Topic:
				for _, p := range m.pagesTouched(o) {
					if p != o.Home {
						entries = append(entries, topicPageEntry(m, o, p))
					}
				}
			case *site.Month:
				for _, p := range m.pagesTouched(o) {
					entries = append(entries, monthEntry(m, o, p))
				}
			}
		}
		// The pages gone, of every list: the kinds share them.
		return entries, m.touched().gonePages
	}})
}

// indexes are the entries of the index of topics and the archive's.
func indexes(m *Model) []Entry {
	s := m.Site
	return []Entry{
		page(m, "listing", route.TopicsPath, Reads{Parts: listing}, func() ([]byte, error) { return m.Pages.Topics(s) }),
		page(m, "listing", route.ArchivePath, Reads{Parts: listing}, func() ([]byte, error) { return m.Pages.Archive(s) }),
	}
}

func topicPageEntry(m *Model, t *site.Topic, p *site.ListPage) Entry {
	reads := listReads(p)
	reads.Topic = t
	return page(m, "listing", p.Path, reads, func() ([]byte, error) {
		return m.Pages.TopicPage(m.Site, t, p)
	})
}

func monthEntry(m *Model, mo *site.Month, p *site.ListPage) Entry {
	return page(m, "listing", p.Path, listReads(p), func() ([]byte, error) {
		return m.Pages.Month(m.Site, mo, p)
	})
}
