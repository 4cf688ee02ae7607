package search

import (
	"reflect"
	"runtime"
	"testing"

	"github.com/t4k3news/digest/internal/site"
)

// reference indexes s as simply as it can be done: each story's words
// from Tokens, in a map, every posting offered to its word's list.
func reference(s *site.Site) map[string][]posting {
	lists := make(map[string]*termList)
	for d, a := range s.Articles {
		var order []string
		byTerm := make(map[string]*posting)
		pos := int32(0)
		eachField(a, func(fi, tier int, text string) bool {
			Tokens(text, func(t Token) {
				p := byTerm[t.Term]
				if p == nil {
					p = &posting{doc: int32(d), tier: uint8(tier), field: int16(fi), start: int32(t.Start), end: int32(t.End)}
					byTerm[t.Term] = p
					order = append(order, t.Term)
				}
				if int(p.npos) < MaxPositions {
					p.pos[p.npos] = pos
					p.npos++
				}
				pos++
			})
			pos++
			return true
		})
		for _, t := range order {
			if lists[t] == nil {
				lists[t] = new(termList)
			}
			lists[t].add(*byTerm[t])
		}
	}
	out := make(map[string][]posting)
	for t, l := range lists {
		out[t] = l.best()
	}
	return out
}

// TestNewMatchesReference checks the index's lists against reference's,
// for a site of several chunks whose common words fill their tiers early
// (and so are left out of later stories) and whose words take every path
// of the reader: upper case, diacritics, folded endings, long words.
func TestNewMatchesReference(t *testing.T) {
	docs := wordyDocs(3*chunk+17, 3)
	for i, d := range docs {
		if i%2 == 0 {
			d.Meta.Title += " Kyïv UPDATE"
		}
		if i%3 == 0 {
			d.Meta.Description += " Update on the Counterinsurgencies"
		}
		d.Body += " Zelenskyy ZELENSKYI update internationalisations kyiv Straße\n"
	}
	s := siteOf(t, docs...)
	want := reference(s)
	for _, procs := range []int{1, 2, 3} {
		old := runtime.GOMAXPROCS(procs)
		ix := New(s)
		runtime.GOMAXPROCS(old)
		if len(ix.terms) != len(want) {
			t.Errorf("GOMAXPROCS %d: %d words, want %d", procs, len(ix.terms), len(want))
		}
		for i, term := range ix.terms {
			if got := ix.lists[i].best(); !reflect.DeepEqual(got, want[term]) {
				t.Errorf("GOMAXPROCS %d: %q:\n got %v\nwant %v", procs, term, got, want[term])
			}
		}
		for _, term := range []string{"update", "kyiv", "zelensky", "counterinsurgencies", "internationalisations", "straße"} {
			if len(want[term]) != MaxResults {
				t.Errorf("%q has %d stories: the fixture should fill its lists", term, len(want[term]))
			}
		}
	}
}
