// Package site is the model of the whole site, built once from the loaded
// content: the published articles newest first, the topics made from their
// tags, and for each article its related-news sidebar (the editor's related
// titles resolved to articles, and "More on this" ranked by shared tags and
// terms). It reads no files and makes every URL through internal/route.
package site

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/diag"
	"github.com/t4k3news/digest/internal/route"
)

// Site is the model handed to the renderer.
type Site struct {
	// Routes makes the URLs of the site's pages and assets.
	Routes *route.Site
	// Articles are the published articles, newest first.
	Articles []*Article
	// Topics are the topics of all articles, sorted by name.
	Topics []*Topic
	// Featured are the MaxFeatured topics with the most articles, for the
	// navigation: most articles first, then by name.
	Featured []*Topic
	// Authors are the authors of the articles, sorted by name.
	Authors []*Author
	// Front is Articles in the front page's order: the stories an editor
	// leads with (weight, lowest first, then pinned) before the others.
	Front []*Article
	// Aliases are the old addresses of the articles, and of topics whose
	// spellings the site config merges, by output file.
	Aliases []*Alias
	// Menu is the masthead's navigation from the site config, or nil for
	// none: the masthead then shows Featured.
	Menu []MenuLink
	// Withdrawn are the stories withdrawn for good (front matter
	// "withdrawn"), by path: in no listing, feed, sitemap or index, their
	// pages say only that they were withdrawn. They keep their slugs.
	Withdrawn []*Article

	// PagerSize is the most stories a listing page shows; see
	// [Site.SetPagerSize].
	PagerSize int
	// FrontPage are the stories the front page shows: the first
	// PagerSize+1 of Front.
	FrontPage []*Article
	// Months and Years are the archive by date, newest first. Articles are
	// sorted newest first, so a month's stories are a run of them.
	Months []*Month
	Years  []*Year
	// ArchiveURL and TopicsURL are the URLs of the archive's page and of
	// the index of topics.
	ArchiveURL, TopicsURL string

	bySlug    map[string]*Article
	lead      []*Article          // the articles with a weight or pinned, in Front's order
	withdrawn map[string]*Article // Withdrawn by slug
	stories   []*Alias            // the articles' aliases, by output file
	authors   map[string]*Author  // Authors by slug
	bylines   map[string]byline   // each byline met (see authorSlug)
	pub       Publish             // which stories are in
}

// Article is one published article and its place in the site.
type Article struct {
	// Doc is the content file the article was loaded from.
	Doc *content.Document
	// Meta is Doc.Meta, for brevity in templates.
	Meta *content.Meta
	// Path is the site-relative URL path of the article: "news/<slug>/".
	Path string
	// URL and Permalink are Path under the base URL, as a path and in full.
	URL, Permalink string
	// Origin is the path the story was first published at, its first
	// alias under news/ or else Path, and OriginPermalink its full URL.
	// Feed ids are made from it, so that they stay the same across renames.
	Origin, OriginPermalink string
	// Topics are the article's topics in the order of its tags.
	Topics []*Topic
	// Authors are the article's bylines' pages, in byline order.
	Authors []*Author
	// Related are the editor's related titles, in order, resolved to
	// articles where they name one. See [Related].
	Related []Related
	// More are up to MaxMore other articles on the same subject, best
	// first, none of them the article itself or linked from Related.
	// Related and More are made anew when they change, never changed in
	// place: a sidebar that is the same slices is the same sidebar
	// (plan.SumMemo relies on it).
	More []*Article
	// Month is the month of the archive that lists the article.
	Month *Month
	// Images are the story's images, its lead image first (front matter
	// image, images and imageAlt).
	Images []Image

	n        int            // index in Site.Articles
	serial   uint64         // see Serial
	file     string         // see File
	zone     *time.Location // see Publish.Zone
	imageErr error          // why an image is missing, or nil
}

// Local returns t in the site's time zone, for pages: every page shows a
// time in one zone, so that a story's day is the same on all of them.
func (a *Article) Local(t time.Time) time.Time {
	if a.zone == nil {
		return t
	}
	return t.In(a.zone)
}

// Date is the article's date in the site's time zone.
func (a *Article) Date() time.Time { return a.Local(a.Meta.Date) }

// Modified is the time the article last changed, in the site's time zone:
// the latest of its date, its lastmod and the dates of its corrections.
// Feeds, sitemaps and schema.org data all give this time, and the page
// shows it as "Updated" when it is later than the date.
func (a *Article) Modified() time.Time {
	t := a.Meta.Date
	if a.Meta.Lastmod.After(t) {
		t = a.Meta.Lastmod
	}
	for _, c := range a.Meta.Corrections {
		if c.Date.After(t) {
			t = c.Date
		}
	}
	return a.Local(t)
}

// Dek is what the article says of itself under its headline, on its page,
// in feeds and in search results: its description, or its lede when it has
// none (a headerless story's description is left empty by convert).
func (a *Article) Dek() string {
	if a.Meta.Description != "" {
		return a.Meta.Description
	}
	return a.Meta.Summary
}

// Updated reports whether the article changed after its date.
func (a *Article) Updated() bool { return a.Modified().After(a.Meta.Date) }

// Related is an editorial related-news title. Article is the site's article
// it names, or nil when it names none: the title then links to the site's
// search for it, never to a story it might not be.
type Related struct {
	Title   string
	Article *Article
}

// Topic is a topic page: every article carrying a tag with its slug, or
// a spelling that the site config merges into it.
type Topic struct {
	// Name is the title the site config gives the topic, else the tag as
	// written in the newest article that carries it.
	Name string
	Slug string
	// Description is what the site config says the topic covers, or "".
	Description string
	// Path, URL and Permalink are as for [Article].
	Path, URL, Permalink string
	// Articles are the topic's articles, newest first.
	Articles []*Article
	// List is the topic's pages: List.Home is the topic's page.
	*List
}

// New builds the site from the loaded documents as the zero [Publish]
// does: drafts and withdrawn stories left out, no dates applied.
func New(docs []*content.Document, routes *route.Site) (*Site, error) {
	return Publish{}.New(docs, routes)
}

// Article returns the article with the given slug, or nil.
func (s *Site) Article(slug string) *Article { return s.bySlug[slug] }

func newSite(routes *route.Site, p Publish) *Site {
	return &Site{Routes: routes, pub: p, bySlug: make(map[string]*Article), withdrawn: make(map[string]*Article)}
}

// withdrawnPage reports whether the story of m keeps a page saying it was
// withdrawn: it was, and it was no draft.
func withdrawnPage(m *content.Meta) bool { return m.Withdrawn != "" && !m.Draft }

func (s *Site) addArticles(docs []*content.Document) error {
	for _, d := range docs {
		switch {
		case s.pub.Includes(&d.Meta):
			s.Articles = append(s.Articles, s.newArticle(d))
		case withdrawnPage(&d.Meta):
			s.Withdrawn = append(s.Withdrawn, s.newArticle(d))
		}
	}
	// compareArticles orders every two articles (paths differ), so an
	// unstable sort gives the same order as a stable one, in n log n
	// comparisons rather than n log² n.
	slices.SortFunc(s.Articles, compareArticles)
	sortWithdrawn(s.Withdrawn)
	var errs diag.List
	for i, a := range s.Articles {
		a.n = i
		s.claimSlug(a, s.bySlug, &errs)
		errs.Append(a.Doc.Path, a.imageErr)
		if isLead(a) {
			s.lead = append(s.lead, a)
		}
	}
	slices.SortFunc(s.lead, compareLeads)
	for _, a := range s.Withdrawn {
		s.claimSlug(a, s.withdrawn, &errs)
	}
	s.arrange()
	// A withdrawn story's old addresses lead to its withdrawn page, so no
	// link to it breaks.
	aliases, err := s.makeAliases(slices.Concat(s.Articles, s.Withdrawn), func(slug string) bool { return s.bySlug[slug] != nil || s.withdrawn[slug] != nil })
	errs.Append("", err)
	s.stories = aliases
	return errs.Err()
}

// arrange makes Front from Articles and the stories an editor leads
// with (lead, kept sorted as the site changes). As in Hugo, a lower
// weight comes first and weight 0 is none; then pinned stories; each
// group, and the rest, in digest order.
func (s *Site) arrange() {
	if len(s.lead) == 0 {
		s.Front = s.Articles
		return
	}
	front := append(make([]*Article, 0, len(s.Articles)), s.lead...)
	for _, a := range s.Articles {
		if !isLead(a) {
			front = append(front, a)
		}
	}
	s.Front = front
}

// isLead reports whether the editor leads with a: it has a weight or is
// pinned.
func isLead(a *Article) bool { return a.Meta.Weight != 0 || a.Meta.Pinned }

// compareLeads orders the stories an editor leads with.
func compareLeads(a, b *Article) int {
	return cmp.Or(cmp.Compare(leadRank(a), leadRank(b)), compareArticles(a, b))
}

func deleteLead(list []*Article, a *Article) []*Article {
	if i, ok := slices.BinarySearchFunc(list, a, compareLeads); ok && list[i] == a {
		return slices.Delete(list, i, i+1)
	}
	return list
}

// leadRank orders the stories an editor leads with: by weight, those with
// none (pinned only) after every weighted one.
func leadRank(a *Article) int {
	if a.Meta.Weight == 0 {
		return math.MaxInt
	}
	return a.Meta.Weight
}

// claimSlug records a in m by its slug, or adds to errs why it cannot:
// it has none, or another story, published or withdrawn, has it.
func (s *Site) claimSlug(a *Article, m map[string]*Article, errs *diag.List) {
	if a.Meta.Slug == "" {
		errs.Add(a.Doc.Path, 0, "no slug")
		return
	}
	prev := s.bySlug[a.Meta.Slug]
	if prev == nil {
		prev = s.withdrawn[a.Meta.Slug]
	}
	if prev != nil {
		first, second := orderPaths(prev.Doc.Path, a.Doc.Path)
		errs.Add(second, 0, "slug %q is also used by %s", a.Meta.Slug, first)
		return
	}
	m[a.Meta.Slug] = a
}

func sortWithdrawn(list []*Article) {
	slices.SortFunc(list, func(a, b *Article) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Doc.Path, b.Doc.Path))
	})
}

// WithdrawnPage returns the withdrawn story whose page is the output file
// name ("news/x/index.html"), or nil.
func (s *Site) WithdrawnPage(file string) *Article {
	slug, ok := strings.CutPrefix(strings.TrimSuffix(file, "/index.html"), "news/")
	if !ok {
		return nil
	}
	return s.withdrawn[slug]
}

// orderPaths returns the two paths sorted, so that the duplicate-slug error
// is reported against the same file whatever the order of the input.
func orderPaths(a, b string) (string, string) {
	if b < a {
		return b, a
	}
	return a, b
}

func (s *Site) newArticle(d *content.Document) *Article {
	p := route.ArticlePath(d.Meta.Slug)
	o := origin(&d.Meta, p)
	a := &Article{Doc: d, Meta: &d.Meta, Path: p, URL: s.Routes.Rel(p), Permalink: s.Routes.Abs(p),
		Origin: o, OriginPermalink: s.Routes.Abs(o), zone: s.pub.Zone}
	a.Images, a.imageErr = s.images(d)
	a.serial, a.file = serials.Add(1), route.File(p)
	return a
}

// File is the output file of the article's page, route.File(a.Path),
// made once: the watching drivers list every page after each edit.
func (a *Article) File() string { return a.file }

// serials numbers the articles made, from 1.
var serials atomic.Uint64

// Serial tells apart the articles made: an edited story is a new Article,
// with a new Serial, and an Article's document never changes. The
// watching drivers compare serials to find the pages an edit changed.
func (a *Article) Serial() uint64 { return a.serial }

// compareArticles orders the digest: newest first, then by seed file name
// (the order the editor filed them), then by slug and path so that the
// order never depends on the order of the input.
func compareArticles(a, b *Article) int {
	return cmp.Or(
		b.Meta.Date.Compare(a.Meta.Date),
		cmp.Compare(a.Meta.Seed, b.Meta.Seed),
		cmp.Compare(a.Meta.Slug, b.Meta.Slug),
		cmp.Compare(a.Doc.Path, b.Doc.Path),
	)
}

func (s *Site) addTopics() {
	bySlug := make(map[string]*Topic)
	byTag := make(map[string]*Topic) // tags repeat; a slug costs microseconds
	for _, a := range s.Articles {
		for _, tag := range a.Meta.Topics() {
			t := byTag[tag]
			if t == nil {
				t = s.topic(bySlug, tag)
				byTag[tag] = t
			}
			if !slices.Contains(a.Topics, t) {
				a.Topics = append(a.Topics, t)
				t.Articles = append(t.Articles, a)
			}
		}
	}
	slices.SortFunc(s.Topics, func(a, b *Topic) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.Slug, b.Slug))
	})
}

// topic returns the topic of tag in bySlug, adding a new one to bySlug and
// s.Topics if there is none.
func (s *Site) topic(bySlug map[string]*Topic, tag string) *Topic {
	if t := bySlug[s.topicSlug(tag)]; t != nil {
		return t
	}
	t := s.newTopic(tag)
	bySlug[t.Slug] = t
	s.Topics = append(s.Topics, t)
	return t
}

func (s *Site) newTopic(tag string) *Topic {
	slug := s.topicSlug(tag)
	p := route.TopicPath(slug)
	t := &Topic{Name: tag, Slug: slug, Path: p, URL: s.Routes.Rel(p), Permalink: s.Routes.Abs(p)}
	s.describe(t)
	return t
}

// MaxFeatured is the number of topics in the site navigation.
const MaxFeatured = 6

func (s *Site) feature() {
	s.Featured = slices.Clone(s.Topics) // sorted by name
	slices.SortStableFunc(s.Featured, func(a, b *Topic) int { return cmp.Compare(len(b.Articles), len(a.Articles)) })
	s.Featured = s.Featured[:min(len(s.Featured), MaxFeatured)]
}
