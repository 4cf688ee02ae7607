package site

import (
	"cmp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/route"
)

// Live is the site model kept up to date one document at a time, for the
// preview server: an edit costs time in proportion to what the edited
// articles touch, not to the size of the site. It keeps the indexes of
// headlines and of features (topics and terms), and fills in an article's
// Related and More only when asked, by [Live.Sidebar] or [Live.Complete];
// after Complete, Update keeps every sidebar current (see sidebars.go).
// New is NewLive and Complete, so a build and the preview share one
// mechanism.
type Live struct {
	s        *Site
	byPath   map[string]*Article
	topics   map[string]*Topic // by slug
	heads    *headlineIndex
	features *featureIndex
	side     sidebarState
	log      journal
	// aliased are the articles and withdrawn stories that have aliases.
	aliased map[*Article]bool
	// renamed says that the update under way renamed a topic, and
	// retopic that it added, removed or renamed one.
	renamed, retopic bool
}

// NewLive is [Publish.NewLive] of the zero Publish.
func NewLive(docs []*content.Document, routes *route.Site) (*Live, error) {
	return Publish{}.NewLive(docs, routes)
}

// newLive makes the site's articles and topics, without the indexes that
// sidebars are made from.
func newLive(docs []*content.Document, routes *route.Site, p Publish) (*Live, error) {
	s := newSite(routes, p)
	if err := s.addArticles(docs); err != nil {
		return nil, err
	}
	l := &Live{s: s, byPath: make(map[string]*Article), topics: make(map[string]*Topic),
		heads: newHeadlineIndex(), features: newFeatureIndex(), aliased: make(map[*Article]bool)}
	s.addTopics()
	s.feature()
	s.addAuthors()
	s.paginate()
	for _, t := range s.Topics {
		l.topics[t.Slug] = t
	}
	s.setAliases(s.stories, l.topics)
	s.makeMenu(l.topics)
	for _, a := range s.Articles {
		l.byPath[a.Doc.Path] = a
	}
	for _, a := range slices.Concat(s.Articles, s.Withdrawn) {
		l.alias(a, true)
	}
	return l, nil
}

// indexAll fills the indexes of headlines and features, side by side:
// each reads the site and writes only its own maps. (At 100,000 articles
// each takes seconds, on the way to the first page rendered.)
func (l *Live) indexAll() {
	var wg sync.WaitGroup
	wg.Go(func() { l.heads.addAll(l.s.Articles) })
	// A tag's slug is the same in every story that has it, and the tags
	// of a large site are few: each is made once.
	slugs := make(map[string]string)
	slug := func(tag string) string {
		s, ok := slugs[tag]
		if !ok {
			s = l.s.topicSlug(tag)
			slugs[tag] = s
		}
		return s
	}
	l.features.addAll(l.s.Articles, func(a *Article) []string { return articleFeatures(a, slug) })
	wg.Wait()
}

// Site returns the site. Its articles' Related and More are current once
// Complete has been called, and unset before.
func (l *Live) Site() *Site { return l.s }

// Topic returns the topic with the given slug, or nil.
func (l *Live) Topic(slug string) *Topic { return l.topics[slug] }

// Update replaces the documents at the paths in remove and adds docs (a
// document may be in both: it is replaced). On error, such as two articles
// with one slug, the site is left as it was and the error is the one New
// would report for the new set of documents.
func (l *Live) Update(docs []*content.Document, remove []string) error {
	gone := make(map[string]bool)
	for _, p := range remove {
		gone[p] = true
	}
	for _, d := range docs {
		gone[d.Path] = true
	}
	var added, withdrawn []*Article
	for _, d := range docs {
		switch {
		case l.s.pub.Includes(&d.Meta):
			added = append(added, l.s.newArticle(d))
		case withdrawnPage(&d.Meta):
			withdrawn = append(withdrawn, l.s.newArticle(d))
		}
	}
	if !l.slugsOK(slices.Concat(added, withdrawn), gone) || slices.ContainsFunc(added, func(a *Article) bool { return a.imageErr != nil }) {
		return l.failure(docs, gone)
	}
	aliases, err := l.aliasesAfter(added, withdrawn, gone)
	if err != nil {
		return l.failure(docs, gone)
	}
	var olds []*Article
	var oldN []int
	for p := range gone {
		if a := l.byPath[p]; a != nil {
			olds, oldN = append(olds, a), append(oldN, a.n)
			l.remove(a)
		}
	}
	for _, a := range added {
		l.insert(a)
	}
	l.updateWithdrawn(withdrawn, gone)
	l.renumber(oldN, added)
	change := &Change{Stories: added, Gone: olds}
	if l.side.complete {
		change.Sidebars = l.refresh(olds, oldN, added)
	}
	l.sortTopics()
	l.s.arrange()
	wide := l.s.updateAuthors(olds, added)
	l.s.stories = aliases
	l.s.setAliases(aliases, l.topics)
	l.s.makeMenu(l.topics)
	l.repaginate(olds, added, change)
	if l.renamed || wide {
		change = nil
	}
	l.renamed, l.retopic = false, false
	l.record(change)
	return nil
}

// renumber sets the place of each article whose place the update
// changed: it removed articles at the places oldN, and added added. The
// articles before the first place touched keep theirs; when as many
// came as went, an article after every added one that kept its place
// had every removed one before it, as have those after it.
func (l *Live) renumber(oldN []int, added []*Article) {
	list := l.s.Articles
	lo, last := len(list), -1
	for _, n := range oldN {
		lo = min(lo, n)
	}
	for _, a := range added {
		i, _ := slices.BinarySearchFunc(list, a, compareArticles)
		lo, last = min(lo, i), max(last, i)
	}
	same := len(oldN) == len(added)
	for i := lo; i < len(list); i++ {
		a := list[i]
		if same && i > last && a.n == i {
			break
		}
		a.n = i
	}
}

// alias records whether a, an article or withdrawn story, is in the site,
// when it has aliases.
func (l *Live) alias(a *Article, in bool) {
	switch {
	case len(a.Meta.Aliases) == 0:
	case in:
		l.aliased[a] = true
	default:
		delete(l.aliased, a)
	}
}

// aliasesAfter returns the site's aliases after an update, which New would
// report an error for if it fails.
func (l *Live) aliasesAfter(added, withdrawn []*Article, gone map[string]bool) ([]*Alias, error) {
	var with []*Article // the articles with aliases after the update
	slugs := make(map[string]bool)
	for _, a := range withdrawn {
		slugs[a.Meta.Slug] = true
	}
	for _, a := range added {
		slugs[a.Meta.Slug] = true
		if len(a.Meta.Aliases) > 0 {
			with = append(with, a)
		}
	}
	for _, a := range withdrawn {
		if len(a.Meta.Aliases) > 0 {
			with = append(with, a)
		}
	}
	for a := range l.aliased {
		if !gone[a.Doc.Path] {
			with = append(with, a)
		}
	}
	slices.SortFunc(with, compareArticles)
	taken := func(slug string) bool {
		a, w := l.s.bySlug[slug], l.s.withdrawn[slug]
		return slugs[slug] || a != nil && !gone[a.Doc.Path] || w != nil && !gone[w.Doc.Path]
	}
	return l.s.makeAliases(with, taken)
}

// slugsOK reports whether every added article has a slug that no other
// article keeps.
func (l *Live) slugsOK(added []*Article, gone map[string]bool) bool {
	seen := make(map[string]bool)
	for _, a := range added {
		slug := a.Meta.Slug
		if slug == "" || seen[slug] {
			return false
		}
		seen[slug] = true
		if old := l.s.bySlug[slug]; old != nil && !gone[old.Doc.Path] {
			return false
		}
		if old := l.s.withdrawn[slug]; old != nil && !gone[old.Doc.Path] {
			return false
		}
	}
	return true
}

// failure returns New's error for the documents after the update.
func (l *Live) failure(docs []*content.Document, gone map[string]bool) error {
	var all []*content.Document
	for _, a := range l.s.Articles {
		if !gone[a.Doc.Path] {
			all = append(all, a.Doc)
		}
	}
	for _, a := range l.s.Withdrawn {
		if !gone[a.Doc.Path] {
			all = append(all, a.Doc)
		}
	}
	return newSite(l.s.Routes, l.s.pub).addArticles(append(all, docs...))
}

// updateWithdrawn drops the withdrawn stories whose documents are gone and
// adds those of the update.
func (l *Live) updateWithdrawn(added []*Article, gone map[string]bool) {
	l.s.Withdrawn = slices.DeleteFunc(l.s.Withdrawn, func(a *Article) bool {
		if gone[a.Doc.Path] {
			delete(l.s.withdrawn, a.Meta.Slug)
			l.alias(a, false)
			return true
		}
		return false
	})
	for _, a := range added {
		l.alias(a, true)
		l.s.withdrawn[a.Meta.Slug] = a
		l.s.Withdrawn = append(l.s.Withdrawn, a)
	}
	sortWithdrawn(l.s.Withdrawn)
}

func (l *Live) remove(a *Article) {
	delete(l.byPath, a.Doc.Path)
	delete(l.s.bySlug, a.Meta.Slug)
	l.s.Articles = deleteArticle(l.s.Articles, a)
	if isLead(a) {
		l.s.lead = deleteLead(l.s.lead, a)
	}
	l.alias(a, false)
	for _, t := range a.Topics {
		t.Articles = deleteArticle(t.Articles, a)
		l.renameTopic(t)
	}
	l.unindex(a)
}

func (l *Live) insert(a *Article) {
	l.byPath[a.Doc.Path] = a
	l.s.bySlug[a.Meta.Slug] = a
	l.s.Articles = insertArticle(l.s.Articles, a)
	if isLead(a) {
		i, _ := slices.BinarySearchFunc(l.s.lead, a, compareLeads)
		l.s.lead = slices.Insert(l.s.lead, i, a)
	}
	l.alias(a, true)
	for _, tag := range a.Meta.Topics() {
		t := l.topics[l.s.topicSlug(tag)]
		if t == nil {
			t = l.s.newTopic(tag)
			l.topics[t.Slug] = t
			l.retopic = true
		}
		if !slices.Contains(a.Topics, t) {
			a.Topics = append(a.Topics, t)
			t.Articles = insertArticle(t.Articles, a)
			l.renameTopic(t)
		}
	}
	l.index(a)
}

// renameTopic names t by the tag of its newest article, as New does,
// unless the site config names it, and forgets a topic left without
// articles.
func (l *Live) renameTopic(t *Topic) {
	if len(t.Articles) == 0 {
		delete(l.topics, t.Slug)
		l.retopic = true
		return
	}
	if l.s.describe(t) {
		return
	}
	for _, tag := range t.Articles[0].Meta.Topics() {
		if l.s.topicSlug(tag) == t.Slug {
			l.renamed = l.renamed || t.Name != tag
			l.retopic = l.retopic || l.renamed
			t.Name = tag
			return
		}
	}
}

// sortTopics remakes the topic list, if the update added, removed or
// renamed a topic, and the navigation from the topics.
func (l *Live) sortTopics() {
	if !l.retopic {
		l.s.feature()
		return
	}
	l.s.Topics = l.s.Topics[:0]
	for _, t := range l.topics {
		l.s.Topics = append(l.s.Topics, t)
	}
	slices.SortFunc(l.s.Topics, func(a, b *Topic) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.Slug, b.Slug))
	})
	l.s.feature()
}

// insertArticle inserts a into list, in digest order. Appending, as
// NewLive does, costs one comparison.
func insertArticle(list []*Article, a *Article) []*Article {
	if len(list) == 0 || compareArticles(list[len(list)-1], a) < 0 {
		return append(list, a)
	}
	i, _ := slices.BinarySearchFunc(list, a, compareArticles)
	return slices.Insert(list, i, a)
}

func deleteArticle(list []*Article, a *Article) []*Article {
	i, ok := slices.BinarySearchFunc(list, a, compareArticles)
	if !ok || list[i] != a {
		return list
	}
	return slices.Delete(list, i, i+1)
}

// index adds a's headlines and features to the indexes.
func (l *Live) index(a *Article) {
	l.heads.add(a)
	l.indexFeatures(a)
}

func (l *Live) indexFeatures(a *Article) {
	l.features.add(a, l.articleFeatures(a))
}

func (l *Live) articleFeatures(a *Article) []string { return articleFeatures(a, l.s.topicSlug) }

func (l *Live) unindex(a *Article) {
	l.heads.remove(a)
	l.features.remove(a)
}

// Sidebar returns a copy of a with its Related and More made for the site
// as it is now. It changes nothing, so pages can be rendered concurrently.
func (l *Live) Sidebar(a *Article) *Article {
	c := *a
	c.Related = l.heads.related(a)
	sc := scratches.Get().(*scratch)
	c.More = l.more(l.features, a, c.Related, sc)
	scratches.Put(sc)
	return &c
}

// Complete fills in every article's Related and More, for rendering the
// whole site, and indexes the related titles that Update reads to find
// the sidebars an edit changes (so that the first edit costs what the
// others do); from then on Update keeps them current, and Complete does
// nothing.
// Each article's sidebar reads the indexes and writes only that article,
// so the articles are shared out among as many goroutines as there are
// CPUs; the result does not depend on the order.
func (l *Live) Complete() {
	if l.side.complete {
		return
	}
	l.side.complete = true
	features := l.features.freeze(l.s.Articles)
	eachArticle(l.s.Articles, func(a *Article, sc *scratch) {
		a.Related = l.heads.related(a)
		a.More = l.more(features, a, a.Related, sc)
	})
	l.indexTitles()
	l.side.linkers = make(map[*Article][]*Article)
	for _, a := range l.s.Articles {
		l.link(a)
	}
}

// eachArticle calls f for each article with a scratch of its goroutine:
// the articles are shared out among as many goroutines as there are
// CPUs, a batch at a time.
func eachArticle(articles []*Article, f func(a *Article, sc *scratch)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(articles)) {
		wg.Go(func() {
			sc := new(scratch)
			for {
				end := int(next.Add(completeBatch))
				start := end - completeBatch
				if start >= len(articles) {
					return
				}
				for _, a := range articles[start:min(end, len(articles))] {
					f(a, sc)
				}
			}
		})
	}
	wg.Wait()
}

// completeBatch is how many sidebars a goroutine of Complete takes at a
// time: enough to make the shared counter cheap.
const completeBatch = 64
