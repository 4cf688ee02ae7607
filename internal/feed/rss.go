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
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language"`
	LastBuildDate string    `xml:"lastBuildDate"`
	Generator     string    `xml:"generator"`
	Self          rssSelf   `xml:"atom:link"`
	Items         []rssItem `xml:"item"`
}

type rssSelf struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	Description string   `xml:"description"`
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
		Self: rssSelf{Href: self, Rel: "self", Type: RSSType},
	}}
	for _, it := range ch.Items {
		doc.Channel.Items = append(doc.Channel.Items, rssItem{
			Title: it.Title, Link: it.URL, Description: it.HTML, Creator: it.Author,
			Categories: it.Tags, GUID: rssGUID{IsPermaLink: it.ID == it.URL, ID: it.ID},
			PubDate: rssDate(it.Published),
		})
	}
	return marshalXML(doc)
}

// marshalXML encodes an XML document with its declaration.
func marshalXML(doc any) ([]byte, error) {
	data, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), append(data, '\n')...), nil
}
