package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Token is one word of a text: its folded term and where it stands in the
// text, as byte offsets.
type Token struct {
	Term       string
	Start, End int
}

// Tokens splits text into words and folds each (see [Fold]). A word is a
// run of letters, numbers and combining marks, as the script's
// /[\p{L}\p{N}\p{M}]+/u finds them; a word of one letter is left out
// (the "s" of "Russia's"), a single digit is kept.
func Tokens(text string, emit func(Token)) {
	start := -1
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			emitWord(text, start, i, emit)
			start = -1
		}
	}
	if start >= 0 {
		emitWord(text, start, len(text), emit)
	}
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

func emitWord(text string, start, end int, emit func(Token)) {
	term := Fold(text[start:end])
	if term == "" || utf8.RuneCountInString(term) == 1 && !isDigit(term[0]) {
		return
	}
	emit(Token{term, start, end})
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// Fold makes the form of a word that the index keys on and a query looks
// up: lower case, diacritics dropped (Kyïv and Kyiv are "kyiv"), and the
// ending of a Ukrainian or Russian name that English spells several ways
// (-yy, -yi, -iy, -ii) made one (Zelenskyy, Zelenskyi and Zelensky are
// all "zelensky"). The script folds a query by the same rules.
func Fold(word string) string {
	w := word
	if !isASCII(w) {
		// NFKD splits a letter from its accents, which are then marks
		// to drop; it is the normalisation the browser's
		// String.prototype.normalize("NFKD") does.
		w = strings.Map(dropMark, norm.NFKD.String(w))
	}
	w = strings.ToLower(w)
	return foldEnding(w)
}

func dropMark(r rune) rune {
	if unicode.IsMark(r) {
		return -1
	}
	return r
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldEnding makes the endings -yy, -yi, -iy and -ii of a word of five
// letters or more into -y.
func foldEnding(w string) string {
	if len(w) < 5 || utf8.RuneCountInString(w) < 5 {
		return w
	}
	switch w[len(w)-2:] {
	case "yy", "yi", "iy", "ii":
		return w[:len(w)-2] + "y"
	}
	return w
}
