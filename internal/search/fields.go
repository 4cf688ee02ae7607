package search

import (
	"github.com/t4k3news/digest/internal/site"
)

// Tiers rank where a word stands in a story: a story naming the word in
// its headline comes before one naming it in its dek, takeaways,
// highlights, tags or byline, and that before one naming it only in its
// body. Within a tier the newer story comes first.
const (
	TierBody     = 1
	TierSummary  = 2
	TierHeadline = 3
)

// eachField calls f with each searchable text of a story and the tier of
// its words, headline first, in the order positions are counted in, and
// the field's index in that order; it stops when f returns false.
func eachField(a *site.Article, f func(i, tier int, text string) bool) {
	m := a.Meta
	i := 0
	next := func(tier int, text string) bool {
		i++
		return f(i-1, tier, text)
	}
	if !next(TierHeadline, m.Title) || !next(TierHeadline, m.Headline) || !next(TierSummary, m.Description) {
		return
	}
	for _, t := range m.Takeaways {
		if !next(TierSummary, t.Quote) || !next(TierSummary, t.Context) {
			return
		}
	}
	for _, h := range m.Highlights {
		if !next(TierSummary, h) {
			return
		}
	}
	for _, t := range m.Tags {
		if !next(TierSummary, t) {
			return
		}
	}
	if !next(TierSummary, m.Author) || !next(TierBody, m.Summary) || !next(TierBody, a.Doc.Body) {
		return
	}
	if m.Risk != nil && (!next(TierBody, m.Risk.Title) || !next(TierBody, m.Risk.Text)) {
		return
	}
	next(TierBody, m.Closing)
}

// fieldText is the text of field i of a story (see eachField).
func fieldText(a *site.Article, i int) string {
	var text string
	eachField(a, func(j, _ int, t string) bool {
		text = t
		return j < i
	})
	return text
}
