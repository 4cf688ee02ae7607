package feed

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/t4k3news/digest/bench/gen/corpus/corpustest"
	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/site"
)

// referenceWrite is Write as it was before items were encoded once and
// spliced into each channel: every feed one document, encoded whole by
// encoding/xml or encoding/json, one after the other. TestSplice checks
// that Write's output is the same, byte for byte.
func referenceWrite(c *config.Config, s *site.Site, emit func(file string, data []byte) error) error {
	full, briefs := newItems(c, s)
	for _, items := range []map[*site.Article]*item{full, briefs} {
		for a, it := range items {
			if it.brief {
				it.HTML = briefHTML(a)
				continue
			}
			var err error
			if it.HTML, err = articleHTML(a); err != nil {
				return err
			}
		}
	}
	for _, ch := range channels(c, s, full, briefs) {
		for _, f := range []struct {
			file string
			make func(*config.Config, *channel, string) ([]byte, error)
		}{{RSSFile, refRSSFeed}, {AtomFile, refAtomFeed}, {JSONFile, refJSONFeed}} {
			data, err := f.make(c, ch, s.Routes.Abs(ch.Dir+f.file))
			if err != nil {
				return fmt.Errorf("%s%s: %w", ch.Dir, f.file, err)
			}
			if err := emit(ch.Dir+f.file, data); err != nil {
				return err
			}
		}
	}
	return nil
}

type refRSS struct {
	XMLName xml.Name      `xml:"rss"`
	Version string        `xml:"version,attr"`
	AtomNS  string        `xml:"xmlns:atom,attr"`
	DCNS    string        `xml:"xmlns:dc,attr"`
	Channel refRSSChannel `xml:"channel"`
}

type refRSSChannel struct {
	Title         string       `xml:"title"`
	Link          string       `xml:"link"`
	Description   string       `xml:"description"`
	Language      string       `xml:"language"`
	LastBuildDate string       `xml:"lastBuildDate"`
	Generator     string       `xml:"generator"`
	Self          rssSelf      `xml:"atom:link"`
	Items         []refRSSItem `xml:"item"`
}

type refRSSItem struct {
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	Description string   `xml:"description"`
	Creator     string   `xml:"dc:creator,omitempty"`
	Categories  []string `xml:"category"`
	GUID        rssGUID  `xml:"guid"`
	PubDate     string   `xml:"pubDate"`
}

func refRSSFeed(c *config.Config, ch *channel, self string) ([]byte, error) {
	doc := refRSS{Version: "2.0", AtomNS: atomNS, DCNS: dcNS, Channel: refRSSChannel{
		Title: ch.Title, Link: ch.Home, Description: ch.Description, Language: c.Language,
		LastBuildDate: rssDate(ch.Updated), Generator: Generator,
		Self: rssSelf{Href: self, Rel: "self", Type: RSSType},
	}}
	for _, it := range ch.Items {
		doc.Channel.Items = append(doc.Channel.Items, refRSSItem{
			Title: it.Title, Link: it.URL, Description: it.HTML, Creator: it.Author,
			Categories: it.Tags, GUID: rssGUID{IsPermaLink: it.ID == it.URL, ID: it.ID},
			PubDate: rssDate(it.Published),
		})
	}
	return refMarshalXML(doc)
}

func refMarshalXML(doc any) ([]byte, error) {
	data, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), append(data, '\n')...), nil
}

type refAtomDoc struct {
	XMLName   xml.Name       `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string         `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID        string         `xml:"id"`
	Title     string         `xml:"title"`
	Subtitle  string         `xml:"subtitle,omitempty"`
	Updated   string         `xml:"updated"`
	Links     []atomLink     `xml:"link"`
	Author    atomPerson     `xml:"author"`
	Generator string         `xml:"generator"`
	Entries   []refAtomEntry `xml:"entry"`
}

type refAtomEntry struct {
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published"`
	Links      []atomLink     `xml:"link"`
	Author     *atomPerson    `xml:"author,omitempty"`
	Categories []atomCategory `xml:"category"`
	Summary    string         `xml:"summary,omitempty"`
	Content    refAtomContent `xml:"content"`
}

type refAtomContent struct {
	Type string `xml:"type,attr"`
	Base string `xml:"http://www.w3.org/XML/1998/namespace base,attr"`
	Text string `xml:",chardata"`
}

func refAtomFeed(c *config.Config, ch *channel, self string) ([]byte, error) {
	doc := refAtomDoc{
		Lang: c.Language, ID: ch.Home, Title: ch.Title, Subtitle: ch.Description,
		Updated: atomDate(ch.Updated), Generator: Generator,
		Links: []atomLink{
			{Rel: "self", Type: AtomType, Href: self},
			{Rel: "alternate", Type: "text/html", Href: ch.Home},
		},
		Author: atomPerson{Name: publisherName(c), URI: c.Publisher.URL},
	}
	for _, it := range ch.Items {
		e := refAtomEntry{
			ID: it.ID, Title: it.Title, Updated: atomDate(it.Updated), Published: atomDate(it.Published),
			Links:   []atomLink{{Rel: "alternate", Type: "text/html", Href: it.URL}},
			Summary: it.Summary, Content: refAtomContent{Type: "html", Base: it.URL, Text: it.HTML},
		}
		if it.Author != "" {
			e.Author = &atomPerson{Name: it.Author}
		}
		for _, tag := range it.Tags {
			e.Categories = append(e.Categories, atomCategory{Term: tag})
		}
		doc.Entries = append(doc.Entries, e)
	}
	return refMarshalXML(doc)
}

type refJSONDoc struct {
	Version     string        `json:"version"`
	Title       string        `json:"title"`
	HomePageURL string        `json:"home_page_url"`
	FeedURL     string        `json:"feed_url"`
	Description string        `json:"description,omitempty"`
	Language    string        `json:"language"`
	Authors     []jsonAuthor  `json:"authors"`
	Items       []refJSONItem `json:"items"`
}

type refJSONItem struct {
	ID            string       `json:"id"`
	URL           string       `json:"url"`
	Title         string       `json:"title"`
	ContentHTML   string       `json:"content_html"`
	Summary       string       `json:"summary,omitempty"`
	DatePublished string       `json:"date_published"`
	DateModified  string       `json:"date_modified"`
	Authors       []jsonAuthor `json:"authors,omitempty"`
	Tags          []string     `json:"tags,omitempty"`
}

func refJSONFeed(c *config.Config, ch *channel, self string) ([]byte, error) {
	doc := refJSONDoc{
		Version: JSONFeedVersion, Title: ch.Title, HomePageURL: ch.Home, FeedURL: self,
		Description: ch.Description, Language: c.Language,
		Authors: []jsonAuthor{{Name: publisherName(c), URL: c.Publisher.URL}},
		Items:   []refJSONItem{},
	}
	for _, it := range ch.Items {
		ji := refJSONItem{
			ID: it.ID, URL: it.URL, Title: it.Title, ContentHTML: it.HTML, Summary: it.Summary,
			DatePublished: atomDate(it.Published), DateModified: atomDate(it.Updated), Tags: it.Tags,
		}
		if it.Author != "" {
			ji.Authors = []jsonAuthor{{Name: it.Author}}
		}
		doc.Items = append(doc.Items, ji)
	}
	data, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// emitted is the files passed to emit, in order.
type emitted struct {
	names []string
	data  map[string][]byte
}

func collect(t *testing.T, write func(*config.Config, *site.Site, func(string, []byte) error) error, c *config.Config, s *site.Site) emitted {
	t.Helper()
	e := emitted{data: make(map[string][]byte)}
	err := write(c, s, func(name string, data []byte) error {
		e.names = append(e.names, name)
		e.data[name] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestSplice compares Write with referenceWrite on sites where items are
// shared by many channels, channels hold one item or none, and items have
// no author or permalink ids.
func TestSplice(t *testing.T) {
	empty := siteOf(t, base, nil)
	strange := strangeSite(t)
	generated := generatedSite(t, 300)
	bare := config.Default() // no author, publisher URL or domain
	for _, tt := range []struct {
		name   string
		c      *config.Config
		s      *site.Site
		length int
	}{
		{"small", testConfig(), testSite(t, base), 20},
		{"small/1", testConfig(), testSite(t, base), 1},
		{"empty", testConfig(), empty, 20},
		{"strange", testConfig(), strange, 20},
		{"generated", testConfig(), generated, 20},
		{"generated/1", testConfig(), generated, 1},
		{"generated/all", testConfig(), generated, 1000},
		{"generated/bare", bare, generated, 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := *tt.c
			c.FeedLength = tt.length
			got, want := collect(t, Write, &c, tt.s), collect(t, referenceWrite, &c, tt.s)
			if fmt.Sprint(got.names) != fmt.Sprint(want.names) {
				t.Fatalf("files in order\n%v\nwant\n%v", got.names, want.names)
			}
			for _, name := range want.names {
				if !bytes.Equal(got.data[name], want.data[name]) {
					t.Errorf("%s differs from the reference:\n%s", name, firstDiff(got.data[name], want.data[name]))
				}
			}
		})
	}
}

// strangeSite is a site whose text needs escaping in every feed: control
// characters, invalid UTF-8, line and paragraph separators, tabs, CRLF.
func strangeSite(t *testing.T) *site.Site {
	t.Helper()
	const odd = "a\x01b \xff\xfe \uFFFD \u2028\u2029 \t \r\n ]]> </script> \"'&<>"
	date := time.Date(2025, 8, 20, 9, 30, 0, 0, time.UTC)
	docs := []*content.Document{{Path: "content/odd.md", Body: odd + "\n\n    " + odd + "\n\n## " + odd + "\n\n`" + odd + "`\n", Meta: content.Meta{
		Title: odd, Slug: "odd", Date: date, Description: odd, Summary: odd, Author: odd, Tags: []string{odd, "Plain"},
	}}}
	return siteOf(t, base, docs)
}

// generatedSite is the site of the generated corpus of n articles.
func generatedSite(t *testing.T, n int) *site.Site {
	t.Helper()
	docs, err := content.Load(os.DirFS(corpustest.Site(t, n, "../..")), "content")
	if err != nil {
		t.Fatal(err)
	}
	return siteOf(t, base, docs)
}

// firstDiff shows where got and want part.
func firstDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-80)
	return fmt.Sprintf("at byte %d:\n got …%q\nwant …%q", i, got[from:min(len(got), i+80)], want[from:min(len(want), i+80)])
}
