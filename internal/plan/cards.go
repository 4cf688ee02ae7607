package plan

import "github.com/t4k3news/digest/internal/card"

// The share images (internal/card): the site's card and logo, and the
// story and quote cards of the newest stories. A story's cards show its
// title, date, quotes and the name of its first topic (which the newest
// story with that tag spells); which stories have cards depends on their
// place in the digest. m.Cards, the cache, hands back a card drawn before.
func init() {
	register(Kind{Name: "card", Order: 75, Reads: Config | Articles | Topics, Entries: func(m *Model) []Entry {
		site := card.SiteEntries(m.Config)
		entries := make([]Entry, 0, len(site))
		for _, c := range site {
			entries = append(entries, cardEntry(m, c, Reads{Parts: Config}))
		}
		for _, a := range m.Site.Articles[:min(len(m.Site.Articles), m.Config.Cards)] {
			for _, c := range card.ArticleEntries(m.Config, a) {
				entries = append(entries, cardEntry(m, c, Reads{Parts: Config | Articles | Topics, Article: a}))
			}
		}
		return entries
	}})
}

func cardEntry(m *Model, c card.Entry, reads Reads) Entry {
	return Entry{Kind: "card", Paths: []string{c.File}, Reads: reads, Render: func(emit Emit) error {
		data, err := m.Cards.PNG(c.Spec) // a nil cache draws the card
		if err != nil {
			return err
		}
		return emit(c.File, data)
	}, Key: func() string { return m.Sums.key(c.Spec) }, Kept: func() { m.Cards.Kept(c.Spec) }}
}
