package feed

import (
	"encoding/xml"
	"time"

	"github.com/t4k3news/digest/internal/config"
)

// atomDoc is an Atom 1.0 feed (RFC 4287).
type atomDoc struct {
	XMLName   xml.Name   `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string     `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID        string     `xml:"id"`
	Title     string     `xml:"title"`
	Subtitle  string     `xml:"subtitle,omitempty"`
	Updated   string     `xml:"updated"`
	Links     []atomLink `xml:"link"`
	Author    atomPerson `xml:"author"`
	Generator string     `xml:"generator"`
	// Entries are the <entry> elements, encoded already (item.Atom), each
	// on its own line; they must come last, before </feed>.
	Entries []byte `xml:",innerxml"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

type atomEntry struct {
	XMLName    xml.Name       `xml:"entry"`
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published"`
	Links      []atomLink     `xml:"link"`
	Author     *atomPerson    `xml:"author,omitempty"`
	Categories []atomCategory `xml:"category"`
	Summary    string         `xml:"summary,omitempty"`
	Content    atomContent    `xml:"content"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

// atomContent is escaped HTML; xml:base makes any relative URL in it
// resolve against the article's page.
type atomContent struct {
	Type string `xml:"type,attr"`
	Base string `xml:"http://www.w3.org/XML/1998/namespace base,attr"`
	xmlText
}

// atomDate is RFC 3339, as Atom requires.
func atomDate(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func atomFeed(c *config.Config, ch *channel, self string) ([]byte, error) {
	doc := atomDoc{
		Lang: c.Language, ID: ch.Home, Title: ch.Title, Subtitle: ch.Description,
		Updated: atomDate(ch.Updated), Generator: Generator,
		Links: []atomLink{
			{Rel: "self", Type: AtomType, Href: self},
			{Rel: "alternate", Type: "text/html", Href: ch.Home},
		},
		Author: atomPerson{Name: publisherName(c), URI: c.Publisher.URL},
	}
	doc.Entries = ch.xmlItems(func(it *item) []byte { return it.Atom })
	return marshalXML(doc, len(doc.Entries))
}

// atomEntryIndent is the indent of <entry> in <feed>.
const atomEntryIndent = "  "

// atomEntryXML encodes it as an <entry> of any Atom feed, with html, its
// HTML escaped.
func atomEntryXML(it *item, html xmlText) ([]byte, error) {
	e := atomEntry{
		ID: it.ID, Title: it.Title, Updated: atomDate(it.Updated), Published: atomDate(it.Published),
		Links:   []atomLink{{Rel: "alternate", Type: "text/html", Href: it.URL}},
		Summary: it.Summary, Content: atomContent{Type: "html", Base: it.URL, xmlText: html},
	}
	if it.Author != "" {
		e.Author = &atomPerson{Name: it.Author}
	}
	for _, tag := range it.Tags {
		e.Categories = append(e.Categories, atomCategory{Term: tag})
	}
	return marshalIndentXML(e, atomEntryIndent, len(html.Escaped))
}

func publisherName(c *config.Config) string {
	if c.Publisher.Name != "" {
		return c.Publisher.Name
	}
	return c.Title
}
