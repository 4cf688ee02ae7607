package plan

import (
	"slices"

	"github.com/t4k3news/digest/internal/card"
	"github.com/t4k3news/digest/internal/site"
)

// The share images (internal/card): the site's card and logo, and the
// story and quote cards of the newest stories. A story's cards show its
// title, date, quotes and the name of its first topic (which the newest
// story with that tag spells); which stories have cards depends on their
// place in the digest. m.Cards, the cache, hands back a card drawn before.
func init() {
	register(Kind{Name: "card", Order: 75, Reads: Config | Articles | Topics, Entries: func(m *Model) []Entry {
		entries := siteCards(m)
		for _, a := range m.Site.Articles[:min(len(m.Site.Articles), m.Config.Cards)] {
			entries = storyCards(m, entries, a)
		}
		return entries
	}, Changed: changedCards})
}

// siteCards are the entries of the site's card and logo.
func siteCards(m *Model) []Entry {
	var entries []Entry
	for _, c := range card.SiteEntries(m.Config) {
		entries = append(entries, cardEntry(m, c, Reads{Parts: Config}))
	}
	return entries
}

// storyCards appends the entries of a's cards, if it has its own.
func storyCards(m *Model, entries []Entry, a *site.Article) []Entry {
	for _, c := range card.ArticleEntries(m.Config, a) {
		entries = append(entries, cardEntry(m, c, Reads{Parts: Config | Articles | Topics, Article: a}))
	}
	return entries
}

// changedCards lists the cards that m.Change may have changed: the
// site's, and those of the stories added or edited, and of the stories
// that may have gained or lost cards of their own by their rank; and the
// files of the cards gone: those of the stories gone, and of those that
// lost their cards. What a card shows besides its story (the name of its
// first topic) changes only with a wide change.
func changedCards(m *Model) ([]Entry, []string) {
	entries, near := siteCards(m), m.touched().near
	listed := make(map[string]bool)
	for _, a := range append(slices.Clip(m.Change.Stories), near...) {
		if !listed[a.File()] {
			listed[a.File()] = true
			entries = storyCards(m, entries, a)
		}
	}
	for _, e := range entries {
		listed[e.Paths[0]] = true
	}
	var gone []string
	for _, a := range append(slices.Clip(m.Change.Gone), near...) {
		for _, f := range card.Files(a) {
			if !listed[f] {
				listed[f] = true
				gone = append(gone, f)
			}
		}
	}
	return entries, gone
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
