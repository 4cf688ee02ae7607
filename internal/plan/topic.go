package plan

import (
	"slices"

	"github.com/t4k3news/digest/internal/site"
)

func init() {
	register(Kind{Name: "topic", Order: 20, Reads: Config | Templates | Nav, Entries: func(m *Model) []Entry {
		entries := make([]Entry, 0, len(m.Site.Topics))
		for _, t := range m.Site.Topics {
			entries = append(entries, topicEntry(m, t))
		}
		return entries
	}, Changed: func(m *Model) ([]Entry, []string) {
		var entries []Entry
		for _, owner := range m.touched().owners {
			if t, ok := owner.(*site.Topic); ok && slices.Contains(m.pagesTouched(t), t.Home) {
				entries = append(entries, topicEntry(m, t))
			}
		}
		return entries, nil
	}})
}

func topicEntry(m *Model, t *site.Topic) Entry {
	reads := listReads(t.Home)
	reads.Topic = t
	return page(m, "topic", t.Path, reads, func() ([]byte, error) {
		return m.Pages.Topic(m.Site, t)
	})
}
