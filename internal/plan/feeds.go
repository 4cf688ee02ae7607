package plan

import "github.com/t4k3news/digest/internal/feed"

// The feeds are one entry: they are made together, each article's item
// once for every feed it is in (see package feed). They read the stories
// they carry, not every story: an edit of an older story leaves them be.
func init() {
	register(Kind{Name: "feeds", Order: 50, Reads: Config, Entries: func(m *Model) []Entry {
		reads := Reads{Parts: Config, Stories: feed.Listed(m.Config, m.Site)}
		return []Entry{{Kind: "feeds", Paths: feed.Files(m.Site), Reads: reads,
			Render: func(emit Emit) error { return feed.Write(m.Config, m.Site, emit) }}}
	}})
}
