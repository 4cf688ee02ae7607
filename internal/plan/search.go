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
		return []Entry{{Kind: "search-index", Reads: Reads{Parts: Config | Articles | Topics},
			Render: func(emit Emit) error { return search.WriteMemo(m.Site, m.Search, emit) }}}
	}})
}
