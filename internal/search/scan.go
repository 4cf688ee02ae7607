package search

import (
	"math/bits"
	"unicode/utf8"

	"github.com/t4k3news/digest/internal/site"
)

// reader finds the words of one story at a time, reusing its memory.
type reader struct {
	d *dict
	// short finds the ID of a word of up to 16 bytes, which is nearly
	// every word, by its bytes as two numbers; long holds the others.
	short table
	long  map[string]int32
	seen  []seen // by word ID
	out   []termPosting
	// The story and field being read, and the place of the next word.
	doc   int32
	field int16
	tier  uint8
	pos   int32
	full  []uint8 // see New
}

// seen is where a reader last met a word: in story doc, with its posting
// at out[at], or at -1 when it is left out.
type seen struct{ doc, at int32 }

func newReader(d *dict) *reader {
	r := &reader{d: d, long: make(map[string]int32)}
	r.short.grow()
	return r
}

// read returns the postings of story a (index doc), split by the worker
// that merges their words, in the memory of into. A word whose tier in
// the story is full (see New) has none.
func (r *reader) read(a *site.Article, doc int32, full []uint8, workers int, into [][]termPosting) [][]termPosting {
	r.out, r.doc, r.pos, r.full = r.out[:0], doc, 0, full
	eachField(a, func(fi, tier int, text string) bool {
		r.field, r.tier = int16(fi), uint8(tier)
		r.scan(text)
		r.pos++ // a phrase does not run from one field into the next
		return true
	})
	if len(into) != workers {
		into = make([][]termPosting, workers)
	}
	for w := range into {
		into[w] = into[w][:0]
	}
	for _, tp := range r.out {
		w := int(tp.term) % workers
		into[w] = append(into[w], tp)
	}
	return into
}

// class is a byte lower-cased if it is an ASCII letter or digit, 0 if it
// is another ASCII byte, and nonASCII if it is part of a longer rune.
var class = func() (t [256]byte) {
	for c := range 256 {
		switch b := byte(c); {
		case b >= utf8.RuneSelf:
			t[c] = nonASCII
		case 'A' <= b && b <= 'Z':
			t[c] = b + 'a' - 'A'
		case isWordByte(b):
			t[c] = b
		}
	}
	return t
}()

const nonASCII = 0x80

// scan finds the words of text as Tokens does and notes each. Most words
// are ASCII and short: they are read eight bytes at a time (see
// classify8), lower-cased into a key and looked up by it without making a
// string; for such a word met before, with no ending to fold, no function
// is called.
func (r *reader) scan(text string) {
	for i := 0; i < len(text); {
		var end, next int // the word's end, and where to read on
		var id int32
		if len(text)-i < 16 {
			if class[text[i]] == 0 {
				i++
				continue
			}
			end, id = r.wordAt(text, i)
			next = end
		} else if x := load8(text, i); x&0x80 != 0 {
			end, id = r.wordAt(text, i)
			next = end
		} else if lowered, stop := classify8(x); stop&0x80 != 0 { // ASCII bytes that start no word
			i += bits.TrailingZeros64((^stop|x)&highs) / 8
			continue
		} else if n := bits.TrailingZeros64(stop) / 8; n == 8 {
			end, id = r.longerWord(text, i, lowered)
			next = end
		} else if text[i+n] >= utf8.RuneSelf { // the word may go on
			end, id = r.wordAt(text, i)
			next = end
		} else {
			end = i + n
			// The next word starts at the first byte after text[end]
			// (which is no letter) that is a letter or digit or starts a
			// longer rune, if that is in x; else x ends with no word.
			next = i + bits.TrailingZeros64((^stop|x)&highs&^(1<<(8*(n+1))-1))/8
			k := key{lowered & (1<<(8*n) - 1), 0}
			id = -1
			if n > 1 && (n < 5 || !foldsEnding(k, n)) {
				id = r.short.find(k)
			}
			if id < 0 {
				id = r.shortWord(k, n, text[i:end])
			}
		}
		if id >= 0 {
			if sn := &r.seen[id]; sn.doc != r.doc {
				r.first(id, i, end)
			} else if sn.at >= 0 {
				r.update(sn.at, i, end)
			}
			r.pos++
		}
		i = next
	}
}

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// load8 is text[i:i+8] as a number, its first byte lowest.
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// classify8 lower-cases the ASCII letters of x, eight bytes of text, and
// marks in stop, by its high bit, each byte that is no ASCII letter or
// digit. Both are sure only up to the first byte of a longer rune (which
// is marked), as adding to that byte carries into the next.
func classify8(x uint64) (lowered, stop uint64) {
	y := x | 0x20*ones // an upper-case letter as lower case
	letter := (y + (0x80-'a')*ones) &^ (y + (0x7f-'z')*ones)
	digit := (x + (0x80-'0')*ones) &^ (x + (0x7f-'9')*ones)
	word := (letter | digit) &^ x & highs
	return x | word>>2, ^word & highs // 0x80>>2 is a letter's lower-case bit, and a digit has it
}

// longerWord returns the end and ID of the word at text[i], whose first
// 8 bytes are ASCII letters and digits, lower-cased as lowered; text has
// 16 bytes from i.
func (r *reader) longerWord(text string, i int, lowered uint64) (end int, id int32) {
	lowered2, stop2 := classify8(load8(text, i+8))
	n := bits.TrailingZeros64(stop2) / 8
	if n == 8 || text[i+8+n] >= utf8.RuneSelf {
		return r.wordAt(text, i)
	}
	end = i + 8 + n
	return end, r.shortWord(key{lowered, lowered2 & (1<<(8*n) - 1)}, 8+n, text[i:end])
}

// wordAt reads the word at text[i], which is a letter or digit or starts a
// longer rune, a byte at a time: it returns the word's end and ID, or -1
// and where to go on if it is no word.
func (r *reader) wordAt(text string, i int) (end int, id int32) {
	start, l := i, class[text[i]]
	var k key
	sh := uint(0)
	for l != 0 && l != nonASCII {
		k.lo |= uint64(l) << sh
		k.hi |= uint64(l) << (sh - 64) // 0 while sh < 64: the shift wraps
		sh += 8
		if i++; i == len(text) {
			break
		}
		l = class[text[i]]
	}
	end, ascii := i, true
	if i < len(text) && l == nonASCII {
		end, ascii = wordEnd(text, i)
	}
	if end == start { // a rune that is no letter: step over it
		_, n := utf8.DecodeRuneInString(text[i:])
		return i + n, -1
	}
	if ascii && sh <= 8*16 {
		return end, r.shortWord(k, int(sh/8), text[start:end])
	}
	return end, r.word(text[start:end])
}

// wordEnd returns where the word that goes on at text[i] ends, and
// whether it was ASCII up to there.
func wordEnd(text string, i int) (end int, ascii bool) {
	ascii = true
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if class[c] == 0 {
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
	return i, ascii
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// foldsEnding reports whether Fold changes the ending of a word of n >= 5
// bytes, k: whether it ends in two of i and y.
func foldsEnding(k key, n int) bool {
	a, b := k.at(n-2), k.at(n-1)
	return (a == 'i' || a == 'y') && (b == 'i' || b == 'y')
}

// shortWord returns the ID of an ASCII word of n bytes, orig, lower-cased
// as k, or -1 if it is no word: a single letter is not.
func (r *reader) shortWord(k key, n int, orig string) int32 {
	if n == 1 && !isDigit(byte(k.lo)) {
		return -1
	}
	if n >= 5 && foldsEnding(k, n) {
		k.set(n-2, 'y')
		k.set(n-1, 0)
		n--
	}
	if id := r.short.find(k); id >= 0 {
		return id
	}
	return r.add(k, asString(k.bytes(n), orig))
}

// word returns the ID of any other word, or -1 if it is no word.
func (r *reader) word(orig string) int32 {
	t := Fold(orig)
	if t == "" || utf8.RuneCountInString(t) == 1 && !isDigit(t[0]) {
		return -1
	}
	if len(t) <= 16 {
		k := keyOf(t)
		if id := r.short.find(k); id >= 0 {
			return id
		}
		return r.add(k, t)
	}
	id, ok := r.long[t]
	if !ok {
		id = r.d.id(t)
		r.long[t] = id
		r.grow(id)
	}
	return id
}

// add gives the word term of key k its ID.
func (r *reader) add(k key, term string) int32 {
	id := r.d.id(term)
	r.short.put(k, id)
	r.grow(id)
	return id
}

func (r *reader) grow(id int32) {
	for int(id) >= len(r.seen) {
		r.seen = append(r.seen, seen{-1, -1})
	}
}

// asString is w as a string: s (no copy: the story's text is kept
// anyway) if that is w.
func asString(w []byte, s string) string {
	if string(w) == s {
		return s
	}
	return string(w)
}

// first notes a word met first in the story.
func (r *reader) first(id int32, start, end int) {
	sn := &r.seen[id]
	sn.doc, sn.at = r.doc, -1
	// eachField gives a story's fields in falling tiers, so the tier the
	// word is first met in is its best in the story.
	if int(id) < len(r.full) && r.full[id]>>r.tier&1 != 0 {
		return
	}
	sn.at = int32(len(r.out))
	r.out = append(r.out, termPosting{id, posting{doc: r.doc, tier: r.tier, field: r.field, start: int32(start), end: int32(end)}})
	r.update(sn.at, start, end)
}

// update records that the word of r.out[i] stands at r.pos.
func (r *reader) update(i int32, start, end int) {
	p := &r.out[i].posting
	if r.tier > p.tier {
		p.tier, p.field, p.start, p.end = r.tier, r.field, int32(start), int32(end)
	}
	if p.npos < MaxPositions {
		p.pos[p.npos] = r.pos
		p.npos++
	}
}
