package tags

import (
	"strings"
	"unicode"
)

// word is one word of running text.
type word struct {
	text string
	// start is set for the first word of a sentence, of a quotation or after
	// a colon, where a capital letter says nothing about the word.
	start bool
	// brk is set when punctuation stands between this word and the one
	// before, so that the two cannot belong to one name.
	brk bool
}

// abbreviations are rewritten before splitting, so that their dots do not end
// a sentence.
var abbreviations = strings.NewReplacer("U.S.", "US", "U.K.", "UK", "U.N.", "UN", "E.U.", "EU")

// words splits a paragraph into words. Possessives are stripped ("Russia’s"
// is "Russia"), and so are lower-case tails of hyphenated words
// ("Ukraine-related" is "Ukraine"); both end a name.
func words(par string) []word {
	var out []word
	start, brk := true, true
	for _, tok := range tokens(abbreviations.Replace(par)) {
		if !isWordRune(firstRune(tok)) {
			start = start || strings.ContainsAny(tok, ".!?:“\"")
			brk = true
			continue
		}
		text, cut := trimWord(tok)
		if text != "" {
			out = append(out, word{text: text, start: start, brk: brk})
		}
		start, brk = false, cut
	}
	return out
}

// tokens splits s into alternating runs of word runes and of other runes;
// runs of spaces alone are dropped.
func tokens(s string) []string {
	var out []string
	i := 0
	for i < len(s) {
		r := firstRune(s[i:])
		in := isWordRune(r)
		j := i + strings.IndexFunc(s[i:], func(c rune) bool { return isWordRune(c) != in })
		if j < i {
			j = len(s)
		}
		if tok := s[i:j]; in || strings.TrimSpace(tok) != "" {
			out = append(out, strings.TrimSpace(tok))
		}
		i = j
	}
	return out
}

// trimWord strips a possessive and any lower-case hyphenated tail from w,
// and reports whether it stripped anything.
func trimWord(w string) (string, bool) {
	w = strings.Trim(w, "-'’")
	for _, suf := range []string{"'s", "’s", "'S", "’S"} {
		if s, ok := strings.CutSuffix(w, suf); ok {
			return s, true
		}
	}
	parts := strings.Split(w, "-")
	for i, p := range parts[1:] {
		if p == "" || !unicode.IsUpper(firstRune(p)) {
			return strings.Join(parts[:i+1], "-"), true
		}
	}
	return w, false
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'' || r == '’'
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// isCapital reports whether w starts with an upper-case letter.
func isCapital(w string) bool { return unicode.IsUpper(firstRune(w)) }
