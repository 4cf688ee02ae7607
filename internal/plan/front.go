package plan

func init() {
	register(Kind{Name: "front", Order: 10, Reads: Config | Templates | listing, Entries: func(m *Model) []Entry {
		return []Entry{page(m, "front", "", Reads{Parts: listing}, func() ([]byte, error) { return m.Pages.Front(m.Site) })}
	}})
}
