package plan

// The static files are copied as they are, each to its own path.
func init() {
	register(Kind{Name: "static", Order: 80, Reads: Static, Entries: func(m *Model) []Entry {
		entries := make([]Entry, 0, len(m.Static))
		for _, f := range m.Static {
			entries = append(entries, Entry{Kind: "static", Paths: []string{f.Name}, Reads: Reads{Parts: Static, Static: f.Name},
				Render: func(emit Emit) error { return emit(f.Name, f.Data) }})
		}
		return entries
	}})
}
