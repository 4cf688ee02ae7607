package plan

func init() {
	register(Kind{Name: "404", Order: 30, Reads: Config | Templates | Topics, Entries: func(m *Model) []Entry {
		return []Entry{page(m, "404", "404.html", Reads{Parts: Topics}, func() ([]byte, error) { return m.Pages.NotFound(m.Site) })}
	}})
}
