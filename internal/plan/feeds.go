package plan

import "github.com/t4k3news/digest/internal/feed"

// The feeds are one entry: they are made together, each article's item
// once for every feed it is in (see package feed).
func init() {
	register(Kind{Name: "feeds", Order: 50, Reads: Config | Articles | Topics, Entries: func(m *Model) []Entry {
		return []Entry{{Kind: "feeds", Paths: feed.Files(m.Site), Reads: Reads{Parts: Config | Articles | Topics},
			Render: func(emit Emit) error { return feed.Write(m.Config, m.Site, emit) }}}
	}})
}
