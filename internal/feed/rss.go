package feed

import (
	"encoding/xml"
	"time"

	"github.com/t4k3news/digest/internal/config"
)

// Namespaces used in the RSS feed for what RSS 2.0 itself lacks: a self
// link (Atom) and an author's name rather than an e-mail (Dublin Core).
const (
	atomNS = "http://www.w3.org/2005/Atom"
	dcNS   = "http://purl.org/dc/elements/1.1/"
)

// rss is an RSS 2.0 document (https://www.rssboard.org/rss-specification).
// The prefixed names are written as they are: encoding/xml does not choose
// prefixes for namespaces the way feed readers expect.
type rss struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	AtomNS  string     `xml:"xmlns:atom,attr"`
	DCNS    string     `xml:"xmlns:dc,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string  `xml:"title"`
	Link          string  `xml:"link"`
	Description   string  `xml:"description"`
	Language      string  `xml:"language"`
	LastBuildDate string  `xml:"lastBuildDate"`
	Generator     string  `xml:"generator"`
	Self          rssSelf `xml:"atom:link"`
	// Items are the <item> elements, encoded already (item.RSS), each on
	// its own line; they must come last, before </channel>.
	Items []byte `xml:",innerxml"`
}

type rssSelf struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	XMLName     xml.Name `xml:"item"`
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	Description xmlText  `xml:"description"`
	Creator     string   `xml:"dc:creator,omitempty"`
	Categories  []string `xml:"category"`
	GUID        rssGUID  `xml:"guid"`
	PubDate     string   `xml:"pubDate"`
}

type rssGUID struct {
	IsPermaLink bool   `xml:"isPermaLink,attr"`
	ID          string `xml:",chardata"`
}

// rssDate is RFC 822 with a four-digit year, as RSS 2.0 requires.
func rssDate(t time.Time) string { return t.UTC().Format(time.RFC1123Z) }

func rssFeed(c *config.Config, ch *channel, self string) ([]byte, error) {
	doc := rss{Version: "2.0", AtomNS: atomNS, DCNS: dcNS, Channel: rssChannel{
		Title: ch.Title, Link: ch.Home, Description: ch.Description, Language: c.Language,
		LastBuildDate: rssDate(ch.Updated), Generator: Generator,
		Self:  rssSelf{Href: self, Rel: "self", Type: RSSType},
		Items: ch.xmlItems(func(it *item) []byte { return it.RSS }),
	}}
	return marshalXML(doc, len(doc.Channel.Items))
}

// rssItemIndent is the indent of <item> in <rss><channel>.
const rssItemIndent = "    "

// rssItemXML encodes it as an <item> of any RSS channel, with html, its
// HTML escaped.
func rssItemXML(it *item, html xmlText) ([]byte, error) {
	return marshalIndentXML(rssItem{
		Title: it.Title, Link: it.URL, Description: html, Creator: it.Author,
		Categories: it.Tags, GUID: rssGUID{IsPermaLink: it.ID == it.URL, ID: it.ID},
		PubDate: rssDate(it.Published),
	}, rssItemIndent, len(html.Escaped))
}
