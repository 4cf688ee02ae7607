package plan

import (
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/search"
)

// The search page, and the search index it reads (internal/search): a
// manifest and shards whose names depend on the words of the stories, so
// the index's entry names its files only as it makes them.
func init() {
	register(Kind{Name: "search", Order: 35, Reads: Config | Templates | Topics, Entries: func(m *Model) []Entry {
		return []Entry{page(m, "search", route.SearchPath, Reads{Parts: Topics}, func() ([]byte, error) { return m.Pages.Search(m.Site) })}
	}})
	register(Kind{Name: "search-index", Order: 65, Reads: Config | Articles | Topics, Entries: func(m *Model) []Entry {
		reads := Reads{Parts: Config | Articles | Topics}
		if m.Search == nil {
			return []Entry{{Kind: "search-index", Reads: reads,
				Render: func(emit Emit) error { return search.WriteMemo(m.Site, nil, emit) }}}
		}
		return searchFiles(m, reads)
	}})
}

// searchFiles are the entries of the search index with a memo (build
// --watch): the index is made as the entries are listed, and each shard
// is an entry with a Key, so that the thousands of shards of a large
// site are not handed again, to be compared with the files on disk,
// after an edit that changes a few.
func searchFiles(m *Model, reads Reads) []Entry {
	files, err := search.LayMemo(m.Site, m.Search)
	if err != nil {
		return []Entry{{Kind: "search-index", Paths: []string{search.ManifestFile}, Reads: reads,
			Render: func(Emit) error { return err }}}
	}
	entries := make([]Entry, len(files))
	for i, f := range files {
		entries[i] = Entry{Kind: "search-index", Paths: []string{f.Name}, Reads: reads,
			Render: func(emit Emit) error { return emit(f.Name, f.Data) }}
		if f.Key != "" {
			entries[i].Key = func() string { return f.Key }
		}
	}
	return entries
}
