package search

import (
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
	// last[id] is the story the reader last met word id in, and at[id]
	// its posting's index in out there, or -1 when it is left out.
	last []int32
	at   []int32
	out  []termPosting
}

func newReader(d *dict) *reader {
	return &reader{d: d, long: make(map[string]int32)}
}

// read returns the postings of story a (index doc), split by the worker
// that merges their words, in the memory of into. A word whose tier in
// the story is full (see New) has none.
func (r *reader) read(a *site.Article, doc int32, full []uint8, workers int, into [][]termPosting) [][]termPosting {
	r.out = r.out[:0]
	pos := int32(0)
	eachField(a, func(fi, tier int, text string) bool {
		r.scan(text, doc, int16(fi), uint8(tier), full, &pos)
		pos++ // a phrase does not run from one field into the next
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
// are ASCII and short: they are lower-cased into a key as they are read,
// and looked up by it, without making a string.
func (r *reader) scan(text string, doc int32, fi int16, tier uint8, full []uint8, pos *int32) {
	for i := 0; i < len(text); {
		l := class[text[i]]
		if l == 0 {
			i++
			continue
		}
		start := i
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
			i += n
			continue
		}
		var id int32
		if ascii && sh <= 8*16 {
			id = r.shortWord(k, int(sh/8), text[start:end])
		} else {
			id = r.word(text[start:end])
		}
		i = end
		if id < 0 {
			continue
		}
		r.note(id, doc, fi, tier, start, end, *pos, full)
		*pos++
	}
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

// shortWord returns the ID of an ASCII word of n bytes, orig, lower-cased
// as k, or -1 if it is no word: a single letter is not. It folds the
// ending as Fold does.
func (r *reader) shortWord(k key, n int, orig string) int32 {
	if n == 1 && !isDigit(byte(k.lo)) {
		return -1
	}
	if n >= 5 {
		switch string([]byte{k.at(n - 2), k.at(n - 1)}) {
		case "yy", "yi", "iy", "ii":
			k.set(n-2, 'y')
			k.set(n-1, 0)
			n--
		}
	}
	if id, ok := r.short.get(k); ok {
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
		if id, ok := r.short.get(k); ok {
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
	for int(id) >= len(r.last) {
		r.last = append(r.last, -1)
		r.at = append(r.at, -1)
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

// note notes word id at pos in story doc, in field fi of the given tier,
// at text offsets start, end.
func (r *reader) note(id int32, doc int32, fi int16, tier uint8, start, end int, pos int32, full []uint8) {
	if r.last[id] != doc {
		r.last[id] = doc
		// eachField gives a story's fields in falling tiers, so the
		// tier the word is first met in is its best in the story.
		if int(id) < len(full) && full[id]>>tier&1 != 0 {
			r.at[id] = -1
			return
		}
		r.at[id] = int32(len(r.out))
		r.out = append(r.out, termPosting{id, posting{doc: doc, tier: tier, field: fi, start: int32(start), end: int32(end)}})
	}
	if i := r.at[id]; i >= 0 {
		r.update(int(i), tier, fi, start, end, pos)
	}
}

// update records that the word of r.out[i] stands at pos, in field fi.
func (r *reader) update(i int, tier uint8, fi int16, start, end int, pos int32) {
	p := &r.out[i].posting
	if tier > p.tier {
		p.tier, p.field, p.start, p.end = tier, fi, int32(start), int32(end)
	}
	if int(p.npos) < MaxPositions {
		p.pos[p.npos] = pos
		p.npos++
	}
}
