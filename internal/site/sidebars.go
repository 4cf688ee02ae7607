package site

import (
	"maps"
	"slices"
)

// Once Complete has made every sidebar, Update keeps them current: after
// an edit it makes again only the sidebars the edit can change, which
// are as New would make them for the same content (TestLiveSidebars).
//
// An article's Related reads the headlines and leads of the articles its
// related titles name: an edit of story X changes it only if one of its
// titles shares at least 3/4 of its terms with X's lead, before or after
// the edit (see mayName; sidebarState.titles finds those titles).
//
// An article's More reads, for each of its features, the articles near
// it in that feature's list, how many older articles carry the feature
// (df) and how many are older than it (N), both rounded (rough); and its
// own Related. An edit of story X therefore changes the More of
//   - X;
//   - the articles whose N changed: between X's old and new place when
//     it moved (moved), and, when a story came or went, the newer ones
//     whose rough N moved;
//   - for each feature that X gains or loses: the newer articles that
//     carry it whose rough df moved (every one, when the update edits
//     more than one story), and the articles that have X within reach in
//     its list; for a feature it keeps, if it moved in the list, those
//     within reach of either place (reach);
//   - the articles whose Related changed, or whose sidebar links X (it is
//     a new *Article).

// sidebarState is what Update needs to keep sidebars current.
type sidebarState struct {
	complete bool // Complete was called
	// titles, made by Complete, indexes the
	// related titles of every article by each of their terms, or by
	// "\x00" and the normalised title when it has none, each by a number:
	// refs names the title, size holds how many terms it has (0 for none),
	// and free are the numbers of titles unindexed, to be used again.
	// naming counts the terms a title shares in count, by number, and
	// leaves it zero: arrays, not maps of titles, which a lead's common
	// terms reach by the thousand after each edit.
	titles map[string][]int32
	refs   []titleRef
	size   []int32
	count  []int32
	free   []int32
	// ids are the numbers of each article's related titles.
	ids map[*Article][]int32
	// touched is naming's list of the titles it counted, kept to be used
	// again: a lead's common terms reach thousands.
	touched []int32
	// linkers holds, for each article a sidebar links, the articles
	// whose sidebars link it, once a link: the sidebars an edit must make
	// again when the story goes.
	linkers map[*Article][]*Article
}

// titleRef is an article's related title i.
type titleRef struct {
	a *Article
	i int
}

// titleKeys are the keys a related title is indexed by.
func titleKeys(title string) []string {
	ts := terms(title)
	if len(ts) == 0 {
		return []string{"\x00" + normalise(title)}
	}
	return ts
}

// nameKeys are the keys of titleKeys that a related title naming a, by
// a headline or a near-duplicate (headlineIndex.lookup) or by its lead
// (leads.lookup), shares with it: the terms of its lead, which holds its
// headlines, and its headlines normalised.
func nameKeys(a *Article) []string {
	keys := terms(lead(a))
	for _, h := range headlines(a) {
		keys = append(keys, "\x00"+normalise(h))
	}
	return keys
}

// mayName reports whether a title of n terms (0 for one indexed by its
// normalised text) that shares shared of them with an article's lead may
// name it: a near-duplicate of a headline of h terms shares i with
// 7i ≥ 3(n+h) ≥ 3(n+i), so i ≥ 3n/4; a paraphrase of the lead shares at
// least as many.
func mayName(n, shared int) bool {
	if n == 0 {
		return shared > 0
	}
	return 4*shared >= 3*n
}

// indexTitles indexes the related titles of every article.
func (l *Live) indexTitles() {
	l.side.titles = make(map[string][]int32)
	l.side.refs, l.side.size, l.side.count, l.side.free = nil, nil, nil, nil
	l.side.ids = make(map[*Article][]int32)
	for _, a := range l.s.Articles {
		l.indexRelated(a)
	}
}

func (l *Live) indexRelated(a *Article) {
	sd := &l.side
	for i, title := range a.Meta.Related {
		var id int32
		if n := len(sd.free); n > 0 {
			id, sd.free = sd.free[n-1], sd.free[:n-1]
		} else {
			id = int32(len(sd.refs))
			sd.refs, sd.size, sd.count = append(sd.refs, titleRef{}), append(sd.size, 0), append(sd.count, 0)
		}
		keys := titleKeys(title)
		sd.refs[id], sd.size[id] = titleRef{a, i}, int32(len(keys))
		sd.ids[a] = append(sd.ids[a], id)
		if keys[0][0] == 0 {
			sd.size[id] = 0
		}
		for _, k := range keys {
			sd.titles[k] = append(sd.titles[k], id)
		}
	}
}

func (l *Live) unindexRelated(a *Article) {
	sd := &l.side
	var gone []int32
	for _, title := range a.Meta.Related {
		for _, k := range titleKeys(title) {
			list := slices.DeleteFunc(sd.titles[k], func(id int32) bool {
				if sd.refs[id].a != a {
					return false
				}
				if !slices.Contains(gone, id) {
					gone = append(gone, id)
				}
				return true
			})
			if len(list) > 0 {
				sd.titles[k] = list
			} else {
				delete(sd.titles, k)
			}
		}
	}
	for _, id := range gone {
		sd.refs[id] = titleRef{}
	}
	sd.free = append(sd.free, gone...)
	delete(sd.ids, a)
}

// retitle moves the related titles of old, indexed, to new, which has
// the same: the index keeps their numbers and keys, and its lists, which
// a common term makes long, are not read.
func (l *Live) retitle(old, new *Article) {
	sd := &l.side
	for _, id := range sd.ids[old] {
		sd.refs[id].a = new
	}
	sd.ids[new] = sd.ids[old]
	delete(sd.ids, old)
}

// naming marks the articles with a related title that may name x.
func (l *Live) naming(x *Article, related map[*Article]bool) {
	sd := &l.side
	touched := sd.touched[:0]
	for _, k := range nameKeys(x) {
		for _, id := range sd.titles[k] {
			if sd.count[id] == 0 {
				touched = append(touched, id)
			}
			sd.count[id]++
		}
	}
	for _, id := range touched {
		if mayName(int(sd.size[id]), int(sd.count[id])) {
			related[sd.refs[id].a] = true
		}
		sd.count[id] = 0
	}
	sd.touched = touched
}

// refresh makes again the sidebars that an update changed: olds are the
// articles it removed, at their places oldN before it, and added the
// articles it added, at their places now. It returns the articles whose
// sidebars it made again.
func (l *Live) refresh(olds []*Article, oldN []int, added []*Article) []*Article {
	pairs := pairUp(olds, added)
	for _, p := range pairs {
		switch {
		case p.old != nil && p.new != nil && slices.Equal(p.old.Meta.Related, p.new.Meta.Related):
			l.retitle(p.old, p.new)
			continue
		case p.old != nil:
			l.unindexRelated(p.old)
		}
		if p.new != nil {
			l.indexRelated(p.new)
		}
	}
	related := make(map[*Article]bool)
	more := make(map[*Article]bool)
	for _, a := range added {
		related[a], more[a] = true, true
	}
	lo, hi := l.moved(olds, oldN, added)
	for _, a := range l.s.Articles[lo:max(lo, hi)] {
		more[a] = true
	}
	if delta := len(added) - len(olds); delta != 0 {
		// Every article newer than the places changed has delta more
		// articles at or before it: its weights change only where the
		// rough count does.
		n := len(l.s.Articles)
		for i, a := range l.s.Articles[:lo] {
			if rough(n-i) != rough(n-i-delta) {
				more[a] = true
			}
		}
	}
	for _, p := range pairs {
		for _, x := range []*Article{p.old, p.new} {
			if x != nil {
				l.naming(x, related)
			}
		}
		l.reach(p, more, len(pairs) == 1)
	}
	for _, g := range olds {
		for _, a := range l.side.linkers[g] {
			related[a], more[a] = true, true
		}
		l.unlink(g)
	}
	for a := range related {
		if l.byPath[a.Doc.Path] == a {
			l.unlink(a)
		}
	}
	for a := range more {
		if l.byPath[a.Doc.Path] == a && !related[a] {
			l.unlink(a)
		}
	}
	for a := range related {
		if l.byPath[a.Doc.Path] != a {
			continue // removed
		}
		rel := l.heads.related(a)
		if !sameRelated(rel, a.Related) {
			more[a] = true
		}
		a.Related = rel
	}
	var todo []*Article
	for a := range more {
		if l.byPath[a.Doc.Path] == a {
			todo = append(todo, a)
		}
	}
	l.makeMore(todo)
	for a := range related {
		if !more[a] && l.byPath[a.Doc.Path] == a {
			todo = append(todo, a)
		}
	}
	slices.SortFunc(todo, compareArticles)
	for _, a := range todo {
		l.link(a)
	}
	return todo
}

// link records the links of a's sidebar in linkers.
func (l *Live) link(a *Article) {
	eachLink(a, func(b *Article) { l.side.linkers[b] = append(l.side.linkers[b], a) })
}

// unlink forgets the links of a's sidebar, as link recorded them.
func (l *Live) unlink(a *Article) {
	lk := l.side.linkers
	eachLink(a, func(b *Article) {
		list := lk[b]
		if i := slices.Index(list, a); i >= 0 {
			list = slices.Delete(list, i, i+1)
		}
		if len(list) == 0 {
			delete(lk, b)
		} else {
			lk[b] = list
		}
	})
}

// eachLink calls f with each article that a's sidebar links, once a link.
func eachLink(a *Article, f func(b *Article)) {
	for _, r := range a.Related {
		if r.Article != nil {
			f(r.Article)
		}
	}
	for _, b := range a.More {
		f(b)
	}
}

// pair is one story before and after an update; either may be nil.
type pair struct{ old, new *Article }

// pairUp pairs the articles removed and added by their files.
func pairUp(olds, added []*Article) []pair {
	byPath := make(map[string]*pair)
	var pairs []*pair
	for _, a := range olds {
		p := &pair{old: a}
		byPath[a.Doc.Path] = p
		pairs = append(pairs, p)
	}
	for _, a := range added {
		if p := byPath[a.Doc.Path]; p != nil {
			p.new = a
			continue
		}
		pairs = append(pairs, &pair{new: a})
	}
	out := make([]pair, len(pairs))
	for i, p := range pairs {
		out[i] = *p
	}
	return out
}

// moved returns the places [lo, hi) of the articles whose number of
// older articles the update changed, or an older one moved among: none
// when every story edited kept its place and none came or went.
func (l *Live) moved(olds []*Article, oldN []int, added []*Article) (lo, hi int) {
	same := len(olds) == len(added)
	if same {
		at := make(map[string]int, len(olds))
		for i, a := range olds {
			at[a.Doc.Path] = oldN[i]
		}
		for _, a := range added {
			if n, ok := at[a.Doc.Path]; !ok || n != a.n {
				same = false
				break
			}
		}
	}
	if same {
		return 0, 0
	}
	lo, hi = len(l.s.Articles), 0
	for _, a := range added {
		lo, hi = min(lo, a.n), max(hi, a.n+1)
	}
	for _, a := range olds {
		i, _ := slices.BinarySearchFunc(l.s.Articles, a, compareArticles)
		lo, hi = min(lo, i), max(hi, i+1)
	}
	return lo, min(hi, len(l.s.Articles))
}

// reach marks the articles whose More the edit p can change through the
// lists of its features: for a feature it gains or loses, the articles
// within reach of it, and the newer articles in the list whose df it
// changes: when p is the update's only edit, those whose rough df
// (see rough) moved, a few however long the list; else every one. For
// a feature it keeps, if it moved in the list, those between its two
// places and within reach of either.
func (l *Live) reach(p pair, more map[*Article]bool, only bool) {
	x := l.features
	in := make(map[int32]uint8) // feature → 1 if the old version has it, 2 the new, 3 both
	if p.old != nil {
		for _, f := range l.articleFeatures(p.old) {
			in[x.ids[f]] |= 1 // a feature's id outlives its articles
		}
	}
	if p.new != nil {
		for _, f := range x.of[p.new] {
			in[f] |= 2
		}
	}
	for _, f := range slices.Sorted(maps.Keys(in)) {
		list := x.postings[f]
		span := maxPosting
		if k := x.kind(f); k == 'm' || k == 'c' {
			span = maxSubject
		}
		lo, hi := len(list), 0
		for _, v := range []*Article{p.old, p.new} {
			if v == nil {
				continue
			}
			q, _ := slices.BinarySearchFunc(list, v, compareArticles)
			lo, hi = min(lo, q), max(hi, q)
		}
		switch {
		case in[f] == 3 && lo == hi:
			continue // the same weight, from the same place
		case in[f] != 3 && x.kind(f) != 'm' && !only:
			lo = 0 // every newer article's df
		case in[f] != 3 && x.kind(f) != 'm':
			// Each newer article's df is one more (gained) or one
			// fewer (lost) than it was.
			d := 1
			if in[f] == 1 {
				d = -1
			}
			lo = max(0, lo-span-1)
			for k, a := range list[:lo] {
				if df := len(list) - k; rough(df) != rough(df-d) {
					more[a] = true
				}
			}
		default:
			lo = max(0, lo-span-1)
		}
		for _, a := range list[lo:min(len(list), hi+span+2)] {
			more[a] = true
		}
	}
}

func sameRelated(a, b []Related) bool {
	return slices.Equal(a, b)
}

// makeMore makes the More of each article, on every CPU when there are
// many.
func (l *Live) makeMore(articles []*Article) {
	if len(articles) < 2*completeBatch {
		sc := scratches.Get().(*scratch)
		for _, a := range articles {
			a.More = l.more(l.features, a, a.Related, sc)
		}
		scratches.Put(sc)
		return
	}
	eachArticle(articles, func(a *Article, sc *scratch) { a.More = l.more(l.features, a, a.Related, sc) })
}
