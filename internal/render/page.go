package render

import (
	"fmt"
	"html"
	"html/template"

	"github.com/t4k3news/digest/internal/card"
	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/feed"
	"github.com/t4k3news/digest/internal/jsonld"
	"github.com/t4k3news/digest/internal/markdown"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

// Page is the data every template receives.
type Page struct {
	Site *site.Site
	// Config is the site config: the publication's title, language, etc.
	Config *config.Config
	// Path is the page's site-relative URL path, e.g. "news/x/".
	Path string
	// Title and Description are for <title> and the meta description.
	Title, Description string
	// Canonical is the page's full URL.
	Canonical string
	// Lang is the page's language, from the config.
	Lang string
	// Type is the page's Open Graph type: "article" or "website".
	Type string
	// NoIndex asks search engines not to index the page (the 404 page).
	NoIndex bool
	// Feeds are the page's alternate links to feeds: the topic's own on a
	// topic page, then the whole digest's.
	Feeds []FeedLink
	// Image is the page's share image (internal/card): the article's card,
	// or the site's.
	Image card.Image
	// JSONLD is the page's schema.org data, or nil; the template encodes
	// it into a <script type="application/ld+json">.
	JSONLD any

	// Article, Body and Sections are set on article pages: Body is the
	// article text before its first heading, Sections the rest (Analysis).
	Article  *site.Article
	Body     template.HTML
	Sections []markdown.Section
	// Topic is set on topic pages.
	Topic *site.Topic
	// Author and Bio are set on author pages.
	Author *site.Author
	Bio    string
	// List is the page of stories a listing page shows: a topic's or an
	// archive month's own page or one of its numbered pages.
	List *site.ListPage
	// Month is set on the pages of an archive month.
	Month *site.Month
	// Crumbs are the breadcrumbs of an archive page, before the page
	// itself.
	Crumbs []Crumb
	// Stories are the newest stories, on the 404 page ([Latest]).
	Stories []*site.Article

	set       *template.Template // the page's template set
	fragments *fragments
}

// Cached returns the HTML of the template called name executed with data,
// as {{template name data}} writes it, for a part of a page that many
// pages show alike: a story card, the masthead. When the whole site is
// rendered, it is rendered once for each name and key and the pages share
// the result (Hugo calls this partialCached). The key is data itself, or
// the one value given after it, and must be comparable: a pointer such as
// an article (*site.Article) or the site (*site.Site). The template must
// therefore depend on the key alone:
//
//	{{range .Topic.Articles}}{{$.Cached "card" .}}{{end}}
//	{{.Cached "footer" .Site}}
//	{{.Cached "links" . .Site}}   the page's data, the same on every page
func (p *Page) Cached(name string, data any, key ...any) (template.HTML, error) {
	switch len(key) {
	case 0:
		return p.fragments.render(p.set, name, data, data)
	case 1:
		return p.fragments.render(p.set, name, data, key[0])
	}
	return "", fmt.Errorf("Cached %q: want at most one key, got %d", name, len(key))
}

// Rel returns the URL of a site-relative path such as "style.css", for
// templates: they never join paths themselves.
func (p *Page) Rel(path string) string { return p.Site.Routes.Rel(path) }

// ImageURL is the full URL of the page's share image.
func (p *Page) ImageURL() string { return p.Site.Routes.Abs(p.Image.File) }

// QuoteURL is the URL of the card of the article's takeaway i, from 0, or
// "" when the article has no cards of its own.
func (p *Page) QuoteURL(i int) string {
	if p.Article == nil || !card.Own(p.Config, p.Article) || i >= len(p.Article.Meta.Takeaways) {
		return ""
	}
	return p.Rel(card.QuoteFile(p.Article, i+1))
}

// File is the output file of the page, relative to the output folder.
func (p *Page) File() string { return route.File(p.Path) }

// FeedLink is an alternate link to a feed, for the template.
type FeedLink struct{ feed.Link }

// TypeAttr is the link's type attribute, trusted so that the "+" of
// "application/rss+xml" is written as is, as feed readers look for it.
func (l FeedLink) TypeAttr() template.HTMLAttr {
	return template.HTMLAttr(`type="` + html.EscapeString(l.Type) + `"`)
}

func feedLinks(s *site.Site, dir, title string) []FeedLink {
	var links []FeedLink
	for _, l := range feed.Links(s.Routes, dir, title) {
		links = append(links, FeedLink{l})
	}
	return links
}

// Published and Modified are an article page's first publication and last
// change in RFC 3339, for Open Graph; "" on other pages.
func (p *Page) Published() string {
	if p.Article == nil {
		return ""
	}
	return jsonld.Date(p.Article.Date())
}

// Modified: see [Page.Published].
func (p *Page) Modified() string {
	if p.Article == nil {
		return ""
	}
	return jsonld.Date(jsonld.Modified(p.Article))
}

func (r *Renderer) newPage(s *site.Site, path, title, description string) *Page {
	c := r.config()
	return &Page{
		Site: s, Config: c, Path: path, Title: title, Description: description,
		Canonical: s.Routes.Abs(path), Lang: c.Language, Type: "website",
		Feeds: feedLinks(s, "", c.Title), Image: card.ForSite(c),
	}
}

// Front renders the front page, index.html.
func (r *Renderer) Front(s *site.Site) ([]byte, error) {
	c := r.config()
	p := r.newPage(s, "", c.Title, c.Description)
	p.JSONLD = jsonld.Front(c, s)
	return r.execute(FrontTemplate, p)
}

// NotFound renders 404.html, which offers the newest stories ([Latest]).
func (r *Renderer) NotFound(s *site.Site) ([]byte, error) {
	p := r.newPage(s, "404.html", "Page not found", "There is no page at this address.")
	p.NoIndex, p.Stories = true, Latest(s)
	return r.execute(NotFoundTemplate, p)
}

// latest is how many stories the 404 page offers.
const latest = 5

// Latest returns the newest stories of s that the 404 page offers
// (Page.Stories): the page reads these, not every article, so an edit of
// an older story leaves it as it is.
func Latest(s *site.Site) []*site.Article { return s.Articles[:min(latest, len(s.Articles))] }

// Search renders the search page, search/index.html: static/search.js
// finds the stories there, from the index internal/search writes.
func (r *Renderer) Search(s *site.Site) ([]byte, error) {
	c := r.config()
	p := r.newPage(s, route.SearchPath, "Search", "Search every story of "+c.Title+".")
	return r.execute(SearchTemplate, p)
}

// Topic renders the page of topic t, topics/<slug>/index.html, which shows
// its newest stories.
func (r *Renderer) Topic(s *site.Site, t *site.Topic) ([]byte, error) {
	return r.TopicPage(s, t, t.Home)
}

// Author renders the page of author au, authors/<slug>/index.html.
func (r *Renderer) Author(s *site.Site, au *site.Author) ([]byte, error) {
	return r.AuthorPage(s, au, au.Home)
}

// AuthorPage renders page p of author au: its own page, authors/<slug>/,
// or a numbered page, authors/<slug>/page/N/.
func (r *Renderer) AuthorPage(s *site.Site, au *site.Author, lp *site.ListPage) ([]byte, error) {
	c := r.config()
	p := r.newPage(s, lp.Path, pageTitle(au.Name, lp), fmt.Sprintf("Stories by %s in %s.", au.Name, c.Title))
	p.Author, p.Bio, p.List = au, c.Bio(au.Name), lp
	return r.execute(AuthorTemplate, p)
}

// Article renders the page of article a, news/<slug>/index.html.
func (r *Renderer) Article(s *site.Site, a *site.Article) ([]byte, error) {
	sections, err := markdown.Render([]byte(a.Doc.Body))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", a.Doc.Path, err)
	}
	p := r.newPage(s, a.Path, a.Meta.Title, a.Dek())
	p.Type = "article"
	p.Image = card.ForArticle(p.Config, a)
	p.JSONLD = jsonld.Article(p.Config, s, a)
	p.Article, p.Sections = a, sections
	if len(sections) > 0 && sections[0].Title == "" {
		p.Body, p.Sections = sections[0].HTML, sections[1:]
	}
	return r.execute(ArticleTemplate, p)
}
