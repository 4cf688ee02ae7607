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

// field is one searchable text of a story and the tier of its words.
type field struct {
	tier int
	text string
}

// fields lists the texts of a story that are searched, headline first,
// in the order positions are counted in.
func fields(a *site.Article) []field {
	m := a.Meta
	fs := []field{{TierHeadline, m.Title}, {TierHeadline, m.Headline}, {TierSummary, m.Description}}
	for _, t := range m.Takeaways {
		fs = append(fs, field{TierSummary, t.Quote}, field{TierSummary, t.Context})
	}
	for _, h := range m.Highlights {
		fs = append(fs, field{TierSummary, h})
	}
	for _, t := range m.Tags {
		fs = append(fs, field{TierSummary, t})
	}
	fs = append(fs, field{TierSummary, m.Author}, field{TierBody, m.Summary})
	fs = append(fs, field{TierBody, a.Doc.Body})
	if m.Risk != nil {
		fs = append(fs, field{TierBody, m.Risk.Title}, field{TierBody, m.Risk.Text})
	}
	return append(fs, field{TierBody, m.Closing})
}
