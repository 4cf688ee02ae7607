package search

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// scanned is what reader.scan notes for text, as tokens in order of
// first appearance with their positions.
func scanned(text string) (terms []string, pos [][]int32) {
	d := &dict{ids: make(map[string]int32)}
	r := newReader(d)
	r.doc, r.tier = 0, TierBody
	r.scan(text)
	for _, tp := range r.out {
		terms = append(terms, d.terms[tp.term])
		pos = append(pos, tp.pos[:tp.npos])
	}
	return terms, pos
}

// tokenized is the same, from Tokens.
func tokenized(text string) (terms []string, pos [][]int32) {
	at := make(map[string]int)
	p := int32(0)
	Tokens(text, func(t Token) {
		i, ok := at[t.Term]
		if !ok {
			i = len(terms)
			at[t.Term] = i
			terms = append(terms, t.Term)
			pos = append(pos, nil)
		}
		if len(pos[i]) < MaxPositions {
			pos[i] = append(pos[i], p)
		}
		p++
	})
	return terms, pos
}

func FuzzScanMatchesTokens(f *testing.F) {
	files, _ := filepath.Glob("../../content/*.md")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Add("Kyïv KYIV Zelenskyy ZELENSKYI a b 1 2 ﬁnance \xff\xfe x\u0308y Straße")
	// Words around 8 and 16 bytes, whose endings fold across the halves
	// of a reader's key or past its end.
	f.Add("abcdefgh ABCDEFGyy abcdefghyi abcdefghijklmnop abcdefghijklmnyy ABCDEFGHIJKLMNOPyy abcdefghijklmnopq abcdefghijklmnopq abcdefghijklmnyy Ïbcdefghijklmnoyy")
	f.Fuzz(func(t *testing.T, text string) {
		st, sp := scanned(text)
		tt, tp := tokenized(text)
		if !slices.Equal(st, tt) {
			t.Fatalf("scan %q\nTokens %q", st, tt)
		}
		for i := range sp {
			if !slices.Equal(sp[i], tp[i]) {
				t.Fatalf("%q: scan at %v, Tokens at %v", st[i], sp[i], tp[i])
			}
		}
	})
}
