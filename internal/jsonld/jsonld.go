// Package jsonld makes the schema.org data that search engines read from a
// page's <script type="application/ld+json">: a NewsArticle for an article
// page, with its share image, a WebSite and the ItemList of its stories for
// the front page. The
// data are Go values; html/template encodes them with encoding/json, which
// escapes "<", ">" and "&", so no text can close the script element.
package jsonld

import (
	"slices"
	"time"

	"github.com/t4k3news/digest/internal/card"
	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/site"
)

// Context is the vocabulary of every value made here.
const Context = "https://schema.org"

// NewsArticle is schema.org's NewsArticle, with the properties Google
// documents for article rich results. It leaves out what the page's own
// tags say (description, url, keywords, language, mainEntityOfPage): at
// 100,000 articles every byte of an article page is 100 KB of the site.
type NewsArticle struct {
	Context             string   `json:"@context"`
	Type                string   `json:"@type"`
	Headline            string   `json:"headline"`
	AlternativeHeadline string   `json:"alternativeHeadline,omitempty"`
	DatePublished       string   `json:"datePublished"`
	DateModified        string   `json:"dateModified"`
	Image               []string `json:"image,omitempty"`
	Author              []Agent  `json:"author"`
	Publisher           Agent    `json:"publisher"`
}

// Agent is a schema.org Person or Organization.
type Agent struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
	// Logo is an organisation's logo.
	Logo *ImageObject `json:"logo,omitempty"`
}

// ImageObject is schema.org's ImageObject, for a publisher's logo.
type ImageObject struct {
	Type   string `json:"@type"`
	URL    string `json:"url"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
}

// Graph is several top-level values in one script element.
type Graph struct {
	Context string `json:"@context"`
	Graph   []any  `json:"@graph"`
}

// WebSite is schema.org's WebSite.
type WebSite struct {
	Type        string `json:"@type"`
	ID          string `json:"@id"`
	Name        string `json:"name"`
	URL         string `json:"url"`
	Description string `json:"description,omitempty"`
	InLanguage  string `json:"inLanguage"`
	Publisher   Agent  `json:"publisher"`
}

// ItemList is schema.org's ItemList of the site's stories.
type ItemList struct {
	Type            string     `json:"@type"`
	Name            string     `json:"name"`
	ItemListOrder   string     `json:"itemListOrder,omitempty"`
	NumberOfItems   int        `json:"numberOfItems"`
	ItemListElement []ListItem `json:"itemListElement"`
}

// ListItem is one story of an ItemList, by position from 1.
type ListItem struct {
	Type     string `json:"@type"`
	Position int    `json:"position"`
	URL      string `json:"url"`
	Name     string `json:"name"`
}

// Article returns the NewsArticle of a.
func Article(c *config.Config, s *site.Site, a *site.Article) NewsArticle {
	return NewsArticle{
		Context: Context, Type: "NewsArticle",
		Headline: a.Meta.Title, AlternativeHeadline: a.Meta.Headline,
		DatePublished: Date(a.Date()), DateModified: Date(Modified(a)),
		Image:     images(c, s, a),
		Author:    []Agent{author(c, s, a)},
		Publisher: publisher(c, s),
	}
}

// images are the article's own images, its lead image first, then its
// share card.
func images(c *config.Config, s *site.Site, a *site.Article) []string {
	var out []string
	for _, im := range a.Images {
		out = append(out, im.Permalink)
	}
	return append(out, s.Routes.Abs(card.ForArticle(c, a).File))
}

// Front returns the WebSite and the ItemList of the stories the front page
// shows (s.FrontPage), in its order: the list describes the page, so it
// stays as small as the page whatever the size of the site.
func Front(c *config.Config, s *site.Site) Graph {
	list := ItemList{Type: "ItemList", Name: c.Title, NumberOfItems: len(s.FrontPage)}
	if slices.Equal(s.FrontPage, s.Articles[:len(s.FrontPage)]) {
		// Newest first; a story an editor leads with breaks the order,
		// and the list then says none.
		list.ItemListOrder = "https://schema.org/ItemListOrderDescending"
	}
	list.ItemListElement = []ListItem{}
	for i, a := range s.FrontPage {
		list.ItemListElement = append(list.ItemListElement, ListItem{Type: "ListItem", Position: i + 1, URL: a.Permalink, Name: a.Meta.Title})
	}
	home := s.Routes.Abs("")
	website := WebSite{Type: "WebSite", ID: home, Name: c.Title, URL: home, Description: c.Description, InLanguage: c.Language, Publisher: publisher(c, s)}
	return Graph{Context: Context, Graph: []any{website, list}}
}

// author is the article's byline as a Person, or the site's default
// author as an Organization.
func author(c *config.Config, s *site.Site, a *site.Article) Agent {
	if len(a.Authors) > 0 {
		au := a.Authors[0]
		return Agent{Type: "Person", Name: au.Name, URL: au.Permalink}
	}
	if c.Author != "" {
		// The default byline is the publisher's newsroom: its URL is the
		// publisher's, the one author URL the site knows.
		return Agent{Type: "Organization", Name: c.Author, URL: c.Publisher.URL}
	}
	return publisher(c, s)
}

// publisher is the site's publisher, with the logo made from the site's
// mark (internal/card), which Google asks of a NewsArticle's publisher.
func publisher(c *config.Config, s *site.Site) Agent {
	name := c.Publisher.Name
	if name == "" {
		name = c.Title
	}
	logo := card.ForLogo()
	return Agent{Type: "Organization", Name: name, URL: c.Publisher.URL,
		Logo: &ImageObject{Type: "ImageObject", URL: s.Routes.Abs(logo.File), Width: logo.Width, Height: logo.Height}}
}

// Modified is the time an article last changed: see [site.Article.Modified].
func Modified(a *site.Article) time.Time { return a.Modified() }

// Date formats t as ISO 8601, as schema.org and Open Graph want it.
func Date(t time.Time) string { return t.Format(time.RFC3339) }
