package search

import "unicode/utf8"

// scan finds the words of text as Tokens does and notes each, without
// making a string for a word the reader has met before: most words are
// ASCII, lower-cased here into r.word, and looked up by those bytes.
func (r *reader) scan(text string, doc int32, fi int16, tier uint8, pos *int32) {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf && !isWordByte(c) {
			i++
			continue
		}
		start, ascii := i, true
		for i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf {
				if !isWordByte(c) {
					break
				}
				i++
				continue
			}
			ru, n := utf8.DecodeRuneInString(text[i:])
			if !isWordRune(ru) {
				break
			}
			ascii = false
			i += n
		}
		if i == start { // a rune that is no letter: step over it
			_, n := utf8.DecodeRuneInString(text[i:])
			i += n
			continue
		}
		if r.word1(text, start, i, ascii, doc, fi, tier, *pos) {
			*pos++
		}
	}
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// word1 notes the word text[start:end] and reports whether it is one: a
// single letter is not.
func (r *reader) word1(text string, start, end int, ascii bool, doc int32, fi int16, tier uint8, pos int32) bool {
	if !ascii {
		t := Fold(text[start:end])
		if t == "" || utf8.RuneCountInString(t) == 1 && !isDigit(t[0]) {
			return false
		}
		r.note(Token{t, start, end}, doc, fi, tier, pos)
		return true
	}
	if end-start == 1 && !isDigit(text[start]) {
		return false
	}
	w := append(r.word[:0], text[start:end]...)
	for j, c := range w {
		if 'A' <= c && c <= 'Z' {
			w[j] = c + 'a' - 'A'
		}
	}
	if n := len(w); n >= 5 {
		switch string(w[n-2:]) {
		case "yy", "yi", "iy", "ii":
			w = append(w[:n-2], 'y')
		}
	}
	r.word = w
	at := r.seen[string(w)]
	if at == nil {
		t := text[start:end] // no copy: the story's text is kept anyway
		if string(w) != t {
			t = string(w)
		}
		at = &seen{term: t, doc: -1}
		r.seen[t] = at
	}
	r.at(at, doc, fi, tier, start, end, pos)
	return true
}
