package search

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ShardTarget is the size, in bytes as estimated before writing, past
// which the words under a prefix are split into one shard for each next
// letter. A query fetches one shard for each of its words, so this bounds
// its download; it does not grow with the site, but the manifest does.
const ShardTarget = 7 << 10

// shard is one file of the index: the words under prefix (all of them for
// a leaf of the trie; for a split prefix, only the word that is the
// prefix itself, with the best stories of all the words under it).
type shard struct {
	prefix string
	terms  []int // indexes in plan.terms
	split  bool
	lo, hi int // the words under prefix, for a split prefix's best stories
}

// plan is the index laid out in shards.
type plan struct {
	terms []string
	lists [][]posting
	cost  []int
	// docCost is the bytes of each story's entry in a shard; mark and gen
	// count each story once in size.
	docCost []int
	mark    []int32
	gen     int32
	shards  []shard
	// split holds, for each split prefix, the next letters under it that
	// have words, in order.
	split map[string]string
}

func (ix *Index) plan() *plan {
	p := &plan{terms: ix.terms, split: make(map[string]string)}
	p.lists = make([][]posting, len(p.terms))
	p.cost = make([]int, len(p.terms))
	p.docCost = ix.memo.docCosts(len(ix.site.Articles))
	p.mark = make([]int32, len(ix.site.Articles))
	for i, t := range p.terms {
		if pl, ok := ix.memo.plan(ix.ids[i]); ok {
			p.lists[i], p.cost[i] = pl.list, pl.cost
			continue
		}
		p.lists[i] = ix.lists[i].best()
		p.cost[i] = len(t) + 6
		for _, ps := range p.lists[i] {
			if p.docCost[ps.doc] == 0 {
				a := ix.site.Articles[ps.doc]
				p.docCost[ps.doc] = len(a.Path) + len(a.Meta.Title) + len(dek(a)) + 24
			}
			p.cost[i] += 16 + ps.snippetCost()
		}
		ix.memo.keepPlan(ix.ids[i], planned{p.lists[i], p.cost[i]})
	}
	p.node("", 0, len(p.terms), true)
	return p
}

// size estimates the bytes of a shard of terms[lo:hi]: their postings,
// and each story they name once.
func (p *plan) size(lo, hi int) int {
	p.gen++
	size := 0
	for i := lo; i < hi; i++ {
		size += p.cost[i]
		for _, ps := range p.lists[i] {
			if p.mark[ps.doc] != p.gen {
				p.mark[ps.doc] = p.gen
				size += p.docCost[ps.doc]
			}
		}
	}
	return size
}

// snippetCost estimates the bytes of a posting's snippet.
func (ps *posting) snippetCost() int {
	if ps.field == 0 || ps.field == 2 { // the headline and dek: see snippet
		return 0
	}
	return snippetBefore + snippetAfter
}

// node lays out the words terms[lo:hi], which all start with prefix.
func (p *plan) node(prefix string, lo, hi int, root bool) {
	if !root && (hi-lo == 1 || p.size(lo, hi) <= ShardTarget) {
		p.shards = append(p.shards, shard{prefix: prefix, terms: seq(lo, hi)})
		return
	}
	own := shard{prefix: prefix, split: true, lo: lo, hi: hi}
	if lo < hi && p.terms[lo] == prefix {
		own.terms = []int{lo}
		lo++
	}
	if !root {
		p.shards = append(p.shards, own)
	}
	var next strings.Builder
	for lo < hi {
		r, n := utf8.DecodeRuneInString(p.terms[lo][len(prefix):])
		child := p.terms[lo][:len(prefix)+n]
		end := lo + 1
		for end < hi && strings.HasPrefix(p.terms[end], child) {
			end++
		}
		next.WriteRune(r)
		p.node(child, lo, end, false)
		lo = end
	}
	p.split[prefix] = next.String()
}

func seq(lo, hi int) []int {
	s := make([]int, 0, hi-lo)
	for i := lo; i < hi; i++ {
		s = append(s, i)
	}
	return s
}

// MaxPrefixResults is how many stories a split prefix keeps for the words
// under it, which a word still being typed finds: fewer than a whole word
// keeps, as they are mostly other stories than the word's own and would
// double its shard.
const MaxPrefixResults = MaxResults / 2

// prefixBest is the best MaxPrefixResults stories naming any word under a
// split prefix, each story once in each tier with the best of its
// postings there. It keeps the best met so far, in order: a word's list
// is in order too, so the rest of it is passed over once one of its
// postings ranks below them.
func (p *plan) prefixBest(lo, hi int) []posting {
	best := make([]posting, 0, MaxPrefixResults+1)
	for _, l := range p.lists[lo:hi] {
		for i := range l {
			q := &l[i]
			if len(best) == MaxPrefixResults && rank(q, &best[len(best)-1]) >= 0 {
				break
			}
			if j := slices.IndexFunc(best, func(b posting) bool { return b.doc == q.doc && b.tier == q.tier }); j >= 0 {
				if rank(q, &best[j]) >= 0 {
					continue
				}
				best = slices.Delete(best, j, j+1)
			}
			j, _ := slices.BinarySearchFunc(best, q, func(b posting, q *posting) int { return rank(&b, q) })
			best = slices.Insert(best, j, *q)
			best = best[:min(len(best), MaxPrefixResults)]
		}
	}
	return best
}

// rank orders postings of a split prefix: by tier, then newest first,
// then by where the word stands.
func rank(a, b *posting) int {
	return cmp.Or(cmp.Compare(b.tier, a.tier), cmp.Compare(a.doc, b.doc), cmp.Compare(a.field, b.field), cmp.Compare(a.start, b.start))
}

// ShardFile is the file of the shard of prefix, relative to the search
// folder: "s/lav.json". A letter other than a-z and 0-9 is written as
// its code point in hexadecimal between underscores ("s/kyi_e9_.json"),
// as the script writes it.
func ShardFile(prefix string) string {
	var b strings.Builder
	b.WriteString("s/")
	for _, r := range prefix {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			b.WriteRune(r)
			continue
		}
		b.WriteByte('_')
		b.WriteString(strconv.FormatInt(int64(r), 16))
		b.WriteByte('_')
	}
	b.WriteString(".json")
	return b.String()
}
