package plan

import "github.com/t4k3news/digest/internal/card"

// The share images (internal/card): the site's card and logo, and the
// story and quote cards of the newest stories. A story's cards show its
// title, date, first topic and quotes; which stories have cards depends on
// their place in the digest.
func init() {
	register(Kind{Name: "card", Order: 75, Reads: Config | Articles | Topics, Entries: func(m *Model) []Entry {
		site := card.SiteEntries(m.Config)
		entries := make([]Entry, 0, len(site))
		for _, c := range site {
			entries = append(entries, cardEntry(m, c, Reads{Parts: Config}))
		}
		for _, a := range m.Site.Articles[:min(len(m.Site.Articles), m.Config.Cards)] {
			for _, c := range card.ArticleEntries(m.Config, a) {
				entries = append(entries, cardEntry(m, c, Reads{Parts: Config | Articles, Article: a}))
			}
		}
		return entries
	}})
}

func cardEntry(m *Model, c card.Entry, reads Reads) Entry {
	return Entry{Kind: "card", Paths: []string{c.File}, Reads: reads, Render: func(emit Emit) error {
		cache := m.Cards
		if cache == nil {
			cache = card.OpenCache("")
		}
		data, err := cache.PNG(c.Spec)
		if err != nil {
			return err
		}
		return emit(c.File, data)
	}}
}
