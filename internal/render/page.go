package render

import (
	"fmt"
	"html/template"

	"github.com/t4k3news/digest/internal/markdown"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

// Lang is the language of every page.
const Lang = "en"

// SiteName is the name of the publication, shown in the masthead and page
// titles.
const SiteName = "T4K3.news"

// Page is the data every template receives.
type Page struct {
	Site *site.Site
	// Path is the page's site-relative URL path, e.g. "news/x/".
	Path string
	// Title and Description are for <title> and the meta description.
	Title, Description string
	// Canonical is the page's full URL.
	Canonical string
	Lang      string

	// Article, Body and Sections are set on article pages: Body is the
	// article text before its first heading, Sections the rest (Analysis).
	Article  *site.Article
	Body     template.HTML
	Sections []markdown.Section
	// Topic is set on topic pages.
	Topic *site.Topic
}

// Rel returns the URL of a site-relative path such as "style.css", for
// templates: they never join paths themselves.
func (p *Page) Rel(path string) string { return p.Site.Routes.Rel(path) }

// File is the output file of the page, relative to the output folder.
func (p *Page) File() string { return route.File(p.Path) }

func newPage(s *site.Site, path, title, description string) *Page {
	return &Page{Site: s, Path: path, Title: title, Description: description, Canonical: s.Routes.Abs(path), Lang: Lang}
}

// Front renders the front page, index.html.
func (r *Renderer) Front(s *site.Site) ([]byte, error) {
	return r.execute(FrontTemplate, newPage(s, "", SiteName, "The T4K3.news digest: the latest stories, newest first."))
}

// NotFound renders 404.html.
func (r *Renderer) NotFound(s *site.Site) ([]byte, error) {
	return r.execute(NotFoundTemplate, newPage(s, "404.html", "Page not found", "There is no page at this address."))
}

// Topic renders the page of topic t, topics/<slug>/index.html.
func (r *Renderer) Topic(s *site.Site, t *site.Topic) ([]byte, error) {
	desc := fmt.Sprintf("Stories on %s from %s.", t.Name, SiteName)
	p := newPage(s, t.Path, t.Name, desc)
	p.Topic = t
	return r.execute(TopicTemplate, p)
}

// Article renders the page of article a, news/<slug>/index.html.
func (r *Renderer) Article(s *site.Site, a *site.Article) ([]byte, error) {
	sections, err := markdown.Render([]byte(a.Doc.Body))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", a.Doc.Path, err)
	}
	p := newPage(s, a.Path, a.Meta.Title, a.Meta.Description)
	if p.Description == "" {
		p.Description = a.Meta.Summary
	}
	p.Article, p.Sections = a, sections
	if len(sections) > 0 && sections[0].Title == "" {
		p.Body, p.Sections = sections[0].HTML, sections[1:]
	}
	return r.execute(ArticleTemplate, p)
}
