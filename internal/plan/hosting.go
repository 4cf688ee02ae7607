package plan

// Files for GitHub Pages: .nojekyll (serve the files as they are) and
// CNAME for a custom domain.
func init() {
	register(Kind{Name: "hosting", Order: 70, Reads: Config, Entries: func(m *Model) []Entry {
		entries := []Entry{file("hosting", ".nojekyll", nil)}
		if m.Config.Domain != "" {
			entries = append(entries, file("hosting", "CNAME", []byte(m.Config.Domain+"\n")))
		}
		return entries
	}})
}

// file is an entry for a file made from the config alone.
func file(kind, name string, data []byte) Entry {
	return Entry{Kind: kind, Paths: []string{name}, Reads: Reads{Parts: Config},
		Render: func(emit Emit) error { return emit(name, data) }}
}
