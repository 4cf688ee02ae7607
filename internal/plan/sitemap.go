package plan

import "github.com/t4k3news/digest/internal/sitemap"

func init() {
	register(Kind{Name: "sitemap", Order: 60, Reads: Config | Articles | Topics, Entries: func(m *Model) []Entry {
		return []Entry{{Kind: "sitemap", Paths: sitemap.Files(m.Site), Reads: Reads{Parts: Config | Articles | Topics},
			Render: func(emit Emit) error { return sitemap.WriteMemo(m.Config, m.Site, m.Sitemap, emit) }}}
	}})
}
