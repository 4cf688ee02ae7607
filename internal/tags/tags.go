// Package tags finds the topics of an article: the people, places and
// organisations its text is about, as a handful of stable tags.
//
// It is a heuristic, without a dictionary: a tag is a run of capitalised
// words in running text that recurs. Words that start a sentence count only
// where the same word is also capitalised mid-sentence; titles of office
// split a run; possessives are dropped; a nationality counts for its country;
// a full name counts for the surname when the surname is also used alone;
// spellings that differ only in case are one tag.
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
	key      string         // lower case
	forms    map[string]int // spellings seen, by count
	count    int            // mentions in paragraphs
	mentions int            // headlines that mention it
	name     string         // its spelling, once counted
}

// Extract returns up to Max tags for t, most mentioned first, ties in
// alphabetical order. A tag is mentioned at least twice, or once and in a
// headline. The result depends on t alone.
func Extract(t Text) []string {
	cands := count(t.Paragraphs)
	mergeSurnames(cands)
	headlines := make([][]string, len(t.Headlines))
	for i, h := range t.Headlines {
		headlines[i] = lowerWords(h)
	}
	var list []*candidate
	for _, c := range cands {
		c.mentions = headlineMentions(c, headlines)
		if c.count >= 2 || c.count >= 1 && c.mentions >= 1 {
			c.name = c.spelling()
			list = append(list, c)
		}
	}
	slices.SortFunc(list, func(a, b *candidate) int {
		return cmp.Or(cmp.Compare(b.count+b.mentions, a.count+a.mentions), cmp.Compare(a.name, b.name))
	})
	var out []string
	for _, c := range list[:min(len(list), Max)] {
		out = append(out, c.name)
	}
	return out
}

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
