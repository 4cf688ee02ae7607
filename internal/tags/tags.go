// Package tags finds the topics of an article: the people, places and
// organisations its text is about, as a handful of stable tags, and its
// subjects from a controlled vocabulary (see [Vocabulary]).
//
// Names are found without a dictionary: a tag is a run of capitalised
// words in running text that recurs. Words that start a sentence count only
// where the same word is also capitalised mid-sentence (or in a
// sentence-case headline); titles of office split a run unless an
// institution follows ("Premier League"); lower-case joiners stay inside
// a name ("Bank of England", "Castilla y León"), and so does a short
// number after it ("Hornsea 4"); possessives are dropped. One entity gets
// one tag: a lone surname counts for the one full name ending in it
// ("Lavrov" for "Sergey Lavrov"), a lone head for its organisation ("the
// Bank" for "Bank of England"), a nationality for its country, though
// only where the country is also named ("the Danish company" makes no
// tag "Denmark"); spellings that differ only in case are one tag.
package tags

import (
	"cmp"
	"slices"
)

// Max is the most tags Extract returns.
const Max = 6

// Text is what an article says, split by how much its capitals mean.
type Text struct {
	// Paragraphs are running text (lede, body, analysis, risk), where
	// capitals mark names.
	Paragraphs []string
	// Headlines are the article's own headlines and dek. Every word of a
	// title-case headline is capitalised, so they never make a tag, but a
	// tag they mention ranks higher.
	Headlines []string
}

// candidate is one tag being counted.
type candidate struct {
	key   string         // lower case
	forms map[string]int // spellings seen, by count
	count int            // mentions in paragraphs
	// named counts the mentions by name, not by nationality: a country
	// that the text names only as an adjective ("the Danish company") is
	// not what it is about.
	named    int
	mentions int    // headlines that mention it
	name     string // its spelling, once counted
}

// Extract returns up to Max tags for t, most mentioned first, ties in
// alphabetical order. A tag is mentioned at least twice, or once and in a
// headline. The result depends on t alone.
func Extract(t Text) []string {
	cands := count(t.Paragraphs, t.Headlines)
	mergeNames(cands)
	mergeHeads(cands)
	headlines := make([][]string, len(t.Headlines))
	for i, h := range t.Headlines {
		headlines[i] = lowerWords(h)
	}
	var list []*candidate
	for _, c := range cands {
		c.mentions = headlineMentions(c, headlines)
		if c.named == 0 && !namedIn(c, headlines) {
			continue
		}
		if c.count >= 2 || c.count >= 1 && c.mentions >= 1 {
			c.name = c.spelling()
			list = append(list, c)
		}
	}
	slices.SortFunc(list, func(a, b *candidate) int {
		return cmp.Or(cmp.Compare(b.weight(), a.weight()), cmp.Compare(a.name, b.name))
	})
	var out []string
	for _, c := range list[:min(len(list), Max)] {
		out = append(out, c.name)
	}
	return out
}

// weight ranks a candidate: twice its mentions by name and in headlines,
// once its mentions by nationality, which say less ("European leaders"
// are not a story about Europe).
func (c *candidate) weight() int { return 2*(c.named+c.mentions) + (c.count - c.named) }

// spelling is the candidate's most frequent spelling; among equals, the one
// with more capitals ("NATO" over "Nato"), then the first alphabetically.
func (c *candidate) spelling() string {
	forms := make([]string, 0, len(c.forms))
	for f := range c.forms {
		forms = append(forms, f)
	}
	slices.SortFunc(forms, func(a, b string) int {
		return cmp.Or(cmp.Compare(c.forms[b], c.forms[a]), cmp.Compare(capitals(b), capitals(a)), cmp.Compare(a, b))
	})
	return forms[0]
}

func capitals(s string) int {
	n := 0
	for _, w := range s {
		if isCapital(string(w)) {
			n++
		}
	}
	return n
}
