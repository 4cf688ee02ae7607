package search

import (
	"cmp"
	"runtime"
	"slices"
	"strings"

	"github.com/t4k3news/digest/internal/site"
)

// An edit in place: when a site's stories are the last index's, in the
// same order, but for a few replaced, taken out or put in (an edited
// story is a new *site.Article; one whose date changed may move), the
// next index is the last one with the words of those stories taken out
// and put back, not a merge of every story's words. Only the lists of
// words the stories had or have change, and only the shards of words
// whose lists changed are encoded again (Memo.dirty). A story taken out
// or put in moves the stories after it by one place, in every list.
//
// A word's tier holds the first MaxResults stories in order that name
// the word in that tier. A story that leaves a full tier makes room for
// the next such story, which Memo.has finds.

// hasEntry is an entry of Memo.has: the story's index and the word's
// best tier in it.
func hasEntry(doc int32, tier uint8) uint32 { return uint32(doc)<<2 | uint32(tier) }

// maxMoves is how many stories an edit in place may take out or put in:
// each moves the places of the stories after it in every list.
const maxMoves = 4

// op is a step from the last index's stories to the next's: story b
// at place at, in place of the story there or, if insert, before it; or
// for a nil b the story there taken out.
type op struct {
	at     int32
	b      *site.Article
	insert bool
}

// edit returns the index of s made from m's last index, or nil if s is
// not that index's site with a few stories replaced, taken out or put in.
func (m *Memo) edit(s *site.Site) *Index {
	if m == nil || m.dict == nil || m.lists == nil || m.workers != runtime.GOMAXPROCS(0) {
		return nil
	}
	ops, ok := m.diff(s.Articles)
	if !ok {
		return nil
	}
	m.dirty = make(map[string]bool)
	var flipped []int32 // words that gained their first posting or lost their last
	for _, o := range ops {
		switch {
		case o.b == nil:
			a := m.stories[o.at]
			flipped = m.put(o.at, a, nil, flipped)
			m.shift(o.at+1, -1)
			m.stories = slices.Delete(m.stories, int(o.at), int(o.at+1))
			m.docCost = slices.Delete(m.docCost, int(o.at), int(o.at+1))
		case o.insert:
			m.shift(o.at, 1)
			m.stories = slices.Insert(m.stories, int(o.at), nil)
			m.docCost = slices.Insert(m.docCost, int(o.at), 0)
			flipped = m.put(o.at, nil, o.b, flipped)
		default:
			flipped = m.put(o.at, m.stories[o.at], o.b, flipped)
		}
	}
	m.reorder(flipped)
	if !m.written {
		m.dirty = nil // the shards kept are older than the last index
	}
	m.nextShards, m.written = nil, false
	return byOrder(s, m, m.dict.terms, m.lists, m.order)
}

// diff returns the steps from m's stories to now, and whether they are
// few: at most one story in 16 replaced, and at most maxMoves taken out
// or put in. The stories that both have are in the same order (no
// story's date changes but by a new Article), so a story of now that m
// has is the next of m's that now still has.
func (m *Memo) diff(now []*site.Article) ([]op, bool) {
	old, limit := m.stories, max(1, len(now)/16)
	var ops []op
	moves := 0 // ops that take out or put in
	for i, j := 0, 0; i < len(old) || j < len(now); {
		// A story taken out and one put in may yet make one replaced.
		if len(ops) > limit+1 || moves > maxMoves+1 {
			return nil, false
		}
		switch {
		case i < len(old) && j < len(now) && old[i] == now[j]:
			k := same(old[i:], now[j:])
			i, j = i+k, j+k
			continue
		case j < len(now) && m.read[now[j]] == nil: // a story m has not
			ops = append(ops, op{at: int32(j), b: now[j], insert: true})
			j++
		case i < len(old): // old[i] is not in now
			ops = append(ops, op{at: int32(j)})
			i++
		default: // a story of m's out of its order
			return nil, false
		}
		moves++
		n := len(ops)
		if n < 2 {
			continue
		}
		// One story put in before one taken out at the next place, or
		// taken out where one is put in: one replaced.
		prev, last := ops[n-2], ops[n-1]
		if prev.insert && last.b == nil && last.at == prev.at+1 || prev.b == nil && last.insert && last.at == prev.at {
			ops = append(ops[:n-2], op{at: prev.at, b: cmp.Or(prev.b, last.b)})
			moves -= 2
		}
	}
	return ops, len(ops) <= limit && moves <= maxMoves
}

// same is how many stories a and b have the same at the start: most
// often all but a few, passed over a block at a time.
func same(a, b []*site.Article) int {
	const block = 64
	n := min(len(a), len(b))
	k := 0
	for k+block <= n && slices.Equal(a[k:k+block], b[k:k+block]) {
		k += block
	}
	for k < n && a[k] == b[k] {
		k++
	}
	return k
}

// put puts story b (nil for none) in the place doc of the index, in
// place of story a (nil for none), and returns flipped with the words
// whose lists gained their first posting or lost their last.
func (m *Memo) put(doc int32, a, b *site.Article, flipped []int32) []int32 {
	var olds, news []termPosting
	if a != nil {
		olds = m.flat(m.read[a])
		delete(m.read, a)
	}
	if b != nil {
		if m.reader == nil {
			m.reader = newReader(m.dict)
		}
		words := m.reader.read(b, doc, nil, m.workers, nil)
		m.reader.forget()
		news = m.flat(words)
		m.read[b], m.stories[doc] = words, b
	}
	n := len(m.dict.terms)
	m.lists, m.has, m.planned = grow(m.lists, n), grow(m.has, n), grow(m.planned, n)
	m.docCost[doc] = 0
	// Pair the postings of the two stories by word.
	for len(olds) > 0 || len(news) > 0 {
		var po, pn *posting
		var id int32
		switch {
		case len(news) == 0 || len(olds) > 0 && olds[0].term < news[0].term:
			id, po, olds = olds[0].term, &olds[0].posting, olds[1:]
		case len(olds) == 0 || news[0].term < olds[0].term:
			id, pn, news = news[0].term, &news[0].posting, news[1:]
		default:
			id, po, pn = olds[0].term, &olds[0].posting, &news[0].posting
			olds, news = olds[1:], news[1:]
		}
		if po != nil {
			po.doc = doc // a memo's is of the index it was read for
		}
		was := m.lists[id].empty()
		if m.change(id, doc, po, pn) {
			m.touch(m.dict.terms[id])
			m.planned[id].list = nil
		}
		if was != m.lists[id].empty() {
			flipped = append(flipped, id)
		}
	}
	return flipped
}

// shift moves the stories from place from on by places, in has and in
// every list.
func (m *Memo) shift(from, by int32) {
	d := uint32(by) << 2 // wraps for a negative by, as the sum does
	for _, h := range m.has {
		i, _ := findHas(h, from)
		for k := range h[i:] {
			h[i+k] += d
		}
	}
	clear(m.planned) // their postings' places
	for id := range m.lists {
		for _, ps := range m.lists[id].tiers {
			i, _ := findDoc(ps, from)
			for k := range ps[i:] {
				ps[i+k].doc += by
			}
		}
	}
}

// flat is the postings of a story's words, in one list by word ID.
func (m *Memo) flat(words [][]termPosting) []termPosting {
	var all []termPosting
	for _, w := range words {
		all = append(all, w...)
	}
	slices.SortFunc(all, func(a, b termPosting) int { return cmp.Compare(a.term, b.term) })
	return all
}

// change replaces the posting po of word id in story doc (nil if the
// story had not the word) with pn (nil if it has not), in has and in the
// word's list, and reports whether the list changed.
func (m *Memo) change(id, doc int32, po, pn *posting) bool {
	m.setHas(id, doc, pn)
	l := &m.lists[id]
	if po != nil && pn != nil && po.tier == pn.tier {
		// The story keeps its place in the tier, if it has one.
		ps := l.tiers[pn.tier]
		i, ok := findDoc(ps, doc)
		if ok {
			ps[i] = *pn
		}
		return ok
	}
	changed := po != nil && m.drop(id, doc, po.tier)
	return pn != nil && l.insert(*pn) || changed
}

// setHas records in has that story doc has word id with posting p, or
// has it not for a nil p.
func (m *Memo) setHas(id, doc int32, p *posting) {
	h := m.has[id]
	i, ok := findHas(h, doc)
	switch {
	case p == nil && ok:
		h = slices.Delete(h, i, i+1)
	case p != nil && ok:
		h[i] = hasEntry(doc, p.tier)
	case p != nil:
		h = slices.Insert(h, i, hasEntry(doc, p.tier))
	}
	m.has[id] = h
}

// drop takes story doc out of tier of word id's list, and a full tier
// takes the next story that names the word in that tier; it reports
// whether the story was in the tier.
func (m *Memo) drop(id, doc int32, tier uint8) bool {
	l := &m.lists[id]
	ps := l.tiers[tier]
	i, ok := findDoc(ps, doc)
	if !ok {
		return false
	}
	last := ps[len(ps)-1].doc
	full := len(ps) == MaxResults
	ps = slices.Delete(ps, i, i+1)
	if full {
		if p, ok := m.nextIn(id, tier, last); ok {
			ps = append(ps, p)
		}
	}
	l.tiers[tier] = ps
	return true
}

// nextIn returns the posting of word id in the first story after story
// after that names the word in tier.
func (m *Memo) nextIn(id int32, tier uint8, after int32) (posting, bool) {
	h := m.has[id]
	i, _ := findHas(h, after+1)
	for _, e := range h[i:] {
		if uint8(e&3) != tier {
			continue
		}
		doc := int32(e >> 2)
		for _, tp := range m.read[m.stories[doc]][int(id)%m.workers] {
			if tp.term == id {
				p := tp.posting
				p.doc = doc
				return p, true
			}
		}
		panic("search: a story's words lack one that has names")
	}
	return posting{}, false
}

// insert puts p in its tier of l, in the order of stories, if the tier
// has room or p comes before its last, and reports whether it did.
func (l *termList) insert(p posting) bool {
	ps := l.tiers[p.tier]
	i, _ := findDoc(ps, p.doc)
	if i == MaxResults {
		return false
	}
	if len(ps) == MaxResults {
		ps = ps[:MaxResults-1]
	}
	l.tiers[p.tier] = slices.Insert(ps, i, p)
	return true
}

// findHas finds story doc in h, an entry of Memo.has.
func findHas(h []uint32, doc int32) (int, bool) {
	return slices.BinarySearchFunc(h, doc, func(e uint32, doc int32) int { return cmp.Compare(int32(e>>2), doc) })
}

// findDoc finds story doc in ps, which is in the order of stories.
func findDoc(ps []posting, doc int32) (int, bool) {
	return slices.BinarySearchFunc(ps, doc, func(p posting, doc int32) int { return cmp.Compare(p.doc, doc) })
}

// touch marks the shards that may hold term to be encoded again: those
// of its prefixes.
func (m *Memo) touch(term string) {
	for i := range term {
		if i > 0 {
			m.dirty[term[:i]] = true
		}
	}
	m.dirty[term] = true
}

// reorder puts the words of flipped that have postings now in m.order,
// in the words' order, and takes out those that have none.
func (m *Memo) reorder(flipped []int32) {
	terms := m.dict.terms
	for _, id := range flipped {
		i, ok := slices.BinarySearchFunc(m.order, terms[id], func(o int32, t string) int { return strings.Compare(terms[o], t) })
		switch empty := m.lists[id].empty(); {
		case empty && ok:
			m.order = slices.Delete(m.order, i, i+1)
		case !empty && !ok:
			m.order = slices.Insert(m.order, i, id)
		}
	}
}

// forget readies r to read a story again at any index: it marks the
// words of the last story read as met in none.
func (r *reader) forget() {
	for _, tp := range r.out {
		r.seen[tp.term].doc = -1
	}
}

// grow returns s with at least n elements.
func grow[T any](s []T, n int) []T {
	if n <= len(s) {
		return s
	}
	return append(s, make([]T, n-len(s))...)
}
