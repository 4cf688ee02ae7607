package site

import (
	"slices"
	"strings"
	"unicode"
)

// normalise reduces a headline to its words for exact comparison: lower
// case, curly quotes made straight, punctuation dropped, white space
// collapsed. "Russia’s  “veto”!" and "russia's veto" are the same headline.
func normalise(s string) string {
	return strings.Join(words(s), " ")
}

// words splits s into lower-case words of letters and digits. A possessive
// "'s" stays part of its word, so that "Russia's" is not "Russia s".
func words(s string) []string {
	s = quotes.Replace(strings.ToLower(s))
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}

var quotes = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "`", "'")

// terms returns the significant words of a text as a set, sorted and
// each once: stop words dropped, possessives and plurals stemmed, and
// metonyms replaced by the country they stand for. A slice, not a map: the
// index makes terms for every headline and title, and a headline has
// about seven.
func terms(s string) []string {
	ws := words(s)
	set := ws[:0]
	for _, w := range ws {
		w = strings.Trim(w, "'")
		w = strings.TrimSuffix(w, "'s")
		w = strings.ReplaceAll(w, "'", "")
		if w == "" || stopwords[w] {
			continue
		}
		w = stem(w)
		if a, ok := aliases[w]; ok {
			w = a
		}
		set = append(set, w)
	}
	slices.Sort(set)
	return slices.Compact(set)
}

// stopwords carry no subject: two headlines differing only in them are the
// same headline ("veto in" and "veto on").
var stopwords = setOf(`a an and as at be by for from has have in into is it its
	of on or over the to was were will with after before amid than that this`)

// aliases maps a metonym to the country it stands for, so that "Kremlin
// seeks veto" is the headline "Russia seeks veto". Only names that stand for
// the country far more often than for the place are listed: "Kyiv" and
// "Washington" are as often where a meeting happens ("talks in Washington"),
// and folding them would merge different stories.
var aliases = map[string]string{
	"kremlin": "russia",
	"moscow":  "russia",
	"russian": "russia",
}

// stem strips the regular plural and third-person "s" ("guarantees",
// "seeks"), the first step of Porter's stemmer. It is deliberately light:
// "discussed" and "discuss" stay apart, which costs a match now and then
// but never merges words of different meaning. Short words ("us", "has")
// and words ending in "ss", "us" or "is" ("press", "status", "crisis")
// are left alone.
func stem(w string) string {
	switch {
	case len(w) <= 3:
		return w
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

func setOf(list string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}
