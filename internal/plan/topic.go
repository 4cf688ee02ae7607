package plan

func init() {
	register(Kind{Name: "topic", Order: 20, Reads: Config | Templates | Nav, Entries: func(m *Model) []Entry {
		entries := make([]Entry, 0, len(m.Site.Topics))
		for _, t := range m.Site.Topics {
			reads := listReads(t.Home)
			reads.Topic = t
			entries = append(entries, page(m, "topic", t.Path, reads, func() ([]byte, error) {
				return m.Pages.Topic(m.Site, t)
			}))
		}
		return entries
	}})
}
