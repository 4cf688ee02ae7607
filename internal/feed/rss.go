package feed

import (
	"bytes"
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
		Self:  rssSelf{Href: self, Rel: "self", Type: RSSType},
		Items: ch.xmlItems(func(it *item) []byte { return it.RSS }),
	}}
	return marshalXML(doc, len(doc.Channel.Items))
}

// rssItemIndent is the indent of <item> in <rss><channel>.
const rssItemIndent = "    "

// rssItemXML encodes it as an <item> of any RSS channel.
func rssItemXML(it *item) ([]byte, error) {
	return xml.MarshalIndent(rssItem{
		Title: it.Title, Link: it.URL, Description: it.HTML, Creator: it.Author,
		Categories: it.Tags, GUID: rssGUID{IsPermaLink: it.ID == it.URL, ID: it.ID},
		PubDate: rssDate(it.Published),
	}, rssItemIndent, "  ")
}

// xmlItems joins the channel's encoded items, each on a new line, as
// encoding/xml would indent them.
func (ch *channel) xmlItems(encoded func(*item) []byte) []byte {
	n := 0
	for _, it := range ch.Items {
		n += 1 + len(encoded(it))
	}
	b := make([]byte, 0, n)
	for _, it := range ch.Items {
		b = append(b, '\n')
		b = append(b, encoded(it)...)
	}
	return b
}

// marshalXML encodes an XML document with its declaration. The document
// holds items of size bytes encoded already.
func marshalXML(doc any, size int) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(size + 2048)
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}
