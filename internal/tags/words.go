package tags

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one word of running text.
type word struct {
	text string
	// lower is text in lower case if text is capitalised, and text itself
	// if not: only a capitalised word can be part of a name, so only its
	// lower case is ever looked at, and most words need no copy.
	lower string
	// start is set for the first word of a sentence, of a quotation or after
	// a colon, where a capital letter says nothing about the word.
	start bool
	// brk is set when punctuation stands between this word and the one
	// before, so that the two cannot belong to one name.
	brk bool
}

// abbreviations are rewritten before splitting, so that their dots do not end
// a sentence. Each holds "U.", which a paragraph without it can skip.
var abbreviations = strings.NewReplacer("U.S.", "US", "U.K.", "UK", "U.N.", "UN", "E.U.", "EU")

// words splits a paragraph into words. Possessives are stripped ("Russia’s"
// is "Russia"), and so are lower-case tails of hyphenated words
// ("Ukraine-related" is "Ukraine"); both end a name.
func words(par string) []word {
	if strings.Contains(par, "U.") {
		par = abbreviations.Replace(par)
	}
	out := make([]word, 0, strings.Count(par, " ")+1)
	start, brk := true, true
	for rest := par; rest != ""; {
		tok, in := token(rest)
		rest = rest[len(tok):]
		if !in {
			if tok = strings.TrimSpace(tok); tok != "" {
				start = start || strings.ContainsAny(tok, ".!?:“\"")
				brk = true
			}
			continue
		}
		text, cut := trimWord(tok)
		if text != "" {
			lower := text
			if isCapital(text) {
				lower = strings.ToLower(text)
			}
			out = append(out, word{text: text, lower: lower, start: start, brk: brk})
		}
		start, brk = false, cut
	}
	return out
}

// token returns the run of word runes, or of other runes, that s starts
// with, and whether it is of word runes.
func token(s string) (tok string, in bool) {
	r, n := utf8.DecodeRuneInString(s)
	in = isWordRune(r)
	for n < len(s) {
		if c := s[n]; c < utf8.RuneSelf { // most text is ASCII
			if wordByte[c] != in {
				break
			}
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[n:])
		if isWordRune(r) != in {
			break
		}
		n += size
	}
	return s[:n], in
}

// wordByte is isWordRune for the ASCII runes.
var wordByte = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

// trimWord strips a possessive and any lower-case hyphenated tail from w,
// and reports whether it stripped anything.
func trimWord(w string) (string, bool) {
	if w != "" && (trimmable(w[0], 0xE2) || trimmable(w[len(w)-1], 0x99)) {
		w = strings.Trim(w, "-'’")
	}
	if w != "" && (w[len(w)-1] == 's' || w[len(w)-1] == 'S') {
		for _, suf := range []string{"'s", "’s", "'S", "’S"} {
			if s, ok := strings.CutSuffix(w, suf); ok {
				return s, true
			}
		}
	}
	for i := strings.IndexByte(w, '-'); i >= 0; {
		tail := w[i+1:]
		if tail == "" || tail[0] == '-' || !unicode.IsUpper(firstRune(tail)) {
			return w[:i], true
		}
		j := strings.IndexByte(tail, '-')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return w, false
}

// trimmable reports whether b can be the byte at one end of "-", "'" or
// "’", whose UTF-8 starts with 0xE2 and ends with 0x99.
func trimmable(b, curly byte) bool { return b == '-' || b == '\'' || b == curly }

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-' || r == '\''
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '’'
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// isCapital reports whether w starts with an upper-case letter.
func isCapital(w string) bool { return unicode.IsUpper(firstRune(w)) }
