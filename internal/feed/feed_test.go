package feed

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/golden"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

const base = "https://example.github.io/digest/"

const evilTitle = `<script>alert("x")</script> & "quoted" ]]> title`

func testSite(t *testing.T, baseURL string) *site.Site {
	t.Helper()
	date := time.Date(2025, 8, 20, 9, 30, 0, 0, time.UTC)
	docs := []*content.Document{
		{Path: "content/veto.md", Body: "Russia will only back *guarantees*.\n\n<script>alert(1)</script>\n\n## Analysis\n\nThe move & more.\n", Meta: content.Meta{
			Title: "Russia seeks veto", Slug: "russia-seeks-veto", Date: date, Lastmod: date.Add(time.Hour),
			Description: "Lavrov says Moscow must be involved.", Summary: "Any guarantee must include Moscow.",
			Author: "Rodney Mbua", Tags: []string{"Russia", "Ukraine"},
		}},
		{Path: "content/talks.md", Body: "NATO chiefs spoke.\n", Meta: content.Meta{
			Title: "Ukraine talks", Slug: "ukraine-talks", Date: date.Add(-time.Hour), Tags: []string{"Ukraine"},
		}},
		{Path: "content/evil.md", Body: "Body.\n", Meta: content.Meta{
			Title: evilTitle, Slug: "evil", Date: date.Add(-48 * time.Hour), Description: `<b>dek</b>`, Tags: []string{"Ukraine"},
		}},
	}
	return siteOf(t, baseURL, docs)
}

// siteOf builds the site of docs under baseURL.
func siteOf(t *testing.T, baseURL string, docs []*content.Document) *site.Site {
	t.Helper()
	routes, err := route.New(baseURL)
	if err != nil {
		t.Fatal(err)
	}
	s, err := site.New(docs, routes)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func testConfig() *config.Config {
	c := config.Default()
	c.Author = "The newsroom"
	c.Publisher.URL = "https://t4k3.news/"
	return c
}

func writeAll(t *testing.T, c *config.Config, s *site.Site) map[string][]byte {
	t.Helper()
	out := make(map[string][]byte)
	err := Write(c, s, func(file string, data []byte) error {
		if _, dup := out[file]; dup {
			t.Errorf("%s written twice", file)
		}
		out[file] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestFiles(t *testing.T) {
	var files []string
	for f := range writeAll(t, testConfig(), testSite(t, base)) {
		files = append(files, f)
	}
	slices.Sort(files)
	want := []string{"atom.xml", "feed.json", "feed.xml",
		"topics/russia/atom.xml", "topics/russia/feed.json", "topics/russia/feed.xml",
		"topics/ukraine/atom.xml", "topics/ukraine/feed.json", "topics/ukraine/feed.xml"}
	if !slices.Equal(files, want) {
		t.Errorf("files %v, want %v", files, want)
	}
}

// rssDoc is RSS 2.0 as its spec defines it, read independently of the
// types that write it.
type rssDoc struct {
	XMLName xml.Name `xml:"rss"`
	Version string   `xml:"version,attr"`
	Channel *struct {
		Title string `xml:"title"`
		Links []struct {
			XMLName xml.Name
			Href    string `xml:"href,attr"`
			Rel     string `xml:"rel,attr"`
			Text    string `xml:",chardata"`
		} `xml:"link"`
		Description   string `xml:"description"`
		Language      string `xml:"language"`
		LastBuildDate string `xml:"lastBuildDate"`
		Items         []struct {
			Title       string `xml:"title"`
			Link        string `xml:"link"`
			Description string `xml:"description"`
			PubDate     string `xml:"pubDate"`
			Creator     string `xml:"http://purl.org/dc/elements/1.1/ creator"`
			GUID        struct {
				IsPermaLink string `xml:"isPermaLink,attr"`
				ID          string `xml:",chardata"`
			} `xml:"guid"`
			Categories []string `xml:"category"`
		} `xml:"item"`
	} `xml:"channel"`
}

func TestRSS(t *testing.T) {
	var doc rssDoc
	if err := xml.Unmarshal(writeAll(t, testConfig(), testSite(t, base))["feed.xml"], &doc); err != nil {
		t.Fatal(err)
	}
	ch := doc.Channel
	if doc.Version != "2.0" || ch == nil || ch.Title != "T4K3.news" || len(ch.Links) != 2 || ch.Description == "" || ch.Language != "en" {
		t.Fatalf("RSS: required channel elements: %+v", doc)
	}
	link, self := ch.Links[0], ch.Links[1]
	if link.XMLName.Space != "" || link.Text != base {
		t.Errorf("RSS: link %+v", link)
	}
	if self.XMLName.Space != "http://www.w3.org/2005/Atom" || self.Rel != "self" || self.Href != base+"feed.xml" {
		t.Errorf("RSS: atom:link self %+v", self)
	}
	if ch.LastBuildDate != "Wed, 20 Aug 2025 10:30:00 +0000" {
		t.Errorf("RSS: lastBuildDate %q", ch.LastBuildDate)
	}
	var titles []string
	for _, it := range ch.Items {
		titles = append(titles, it.Title)
		if _, err := time.Parse(time.RFC1123Z, it.PubDate); err != nil {
			t.Errorf("RSS: pubDate: %v", err)
		}
		if it.Description == "" || !isAbs(it.Link) || it.GUID.IsPermaLink != "false" || !strings.HasPrefix(it.GUID.ID, "tag:t4k3.news,2025-08-") {
			t.Errorf("RSS item: %+v", it)
		}
	}
	if want := []string{"Russia seeks veto", "Ukraine talks", evilTitle}; !slices.Equal(titles, want) {
		t.Errorf("RSS titles %q, want newest first %q", titles, want)
	}
	first := ch.Items[0]
	if first.Creator != "Rodney Mbua" || first.PubDate != "Wed, 20 Aug 2025 09:30:00 +0000" || !slices.Equal(first.Categories, []string{"Russia", "Ukraine"}) {
		t.Errorf("RSS first item: %+v", first)
	}
	if want := "<p>Any guarantee must include Moscow.</p>\n<p>Russia will only back <em>guarantees</em>.</p>\n<!-- raw HTML omitted -->\n<h2>Analysis</h2>\n<p>The move &amp; more.</p>\n"; first.Description != want {
		t.Errorf("RSS content:\n got %q\nwant %q", first.Description, want)
	}
	if ch.Items[1].Creator != "The newsroom" {
		t.Errorf("RSS: default author %q", ch.Items[1].Creator)
	}
}

type atomSpec struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  *struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Links []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		ID        string `xml:"id"`
		Title     string `xml:"title"`
		Updated   string `xml:"updated"`
		Published string `xml:"published"`
		Summary   string `xml:"summary"`
		Link      struct {
			Rel  string `xml:"rel,attr"`
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Content struct {
			Type string `xml:"type,attr"`
			Base string `xml:"http://www.w3.org/XML/1998/namespace base,attr"`
			Text string `xml:",chardata"`
		} `xml:"content"`
	} `xml:"entry"`
}

func TestAtom(t *testing.T) {
	var doc atomSpec
	if err := xml.Unmarshal(writeAll(t, testConfig(), testSite(t, base))["topics/ukraine/atom.xml"], &doc); err != nil {
		t.Fatal(err)
	}
	if doc.ID == "" || doc.Title != "Ukraine · T4K3.news" || doc.Updated != "2025-08-20T10:30:00Z" || doc.Author == nil || doc.Author.Name != "T4K3.news" || doc.Lang != "en" {
		t.Fatalf("Atom: required feed elements: %+v", doc)
	}
	if len(doc.Links) != 2 || doc.Links[0].Rel != "self" || doc.Links[0].Href != base+"topics/ukraine/atom.xml" || doc.Links[1].Href != base+"topics/ukraine/" {
		t.Errorf("Atom links: %+v", doc.Links)
	}
	if len(doc.Entries) != 3 {
		t.Fatalf("Atom: %d entries", len(doc.Entries))
	}
	for _, e := range doc.Entries {
		for _, d := range []string{e.Updated, e.Published} {
			if _, err := time.Parse(time.RFC3339, d); err != nil {
				t.Errorf("Atom date: %v", err)
			}
		}
		if e.ID == "" || e.Title == "" || e.Content.Type != "html" || e.Content.Text == "" || e.Content.Base != e.Link.Href || !isAbs(e.Link.Href) {
			t.Errorf("Atom entry: %+v", e)
		}
	}
	if e := doc.Entries[2]; e.Title != evilTitle || e.Summary != "<b>dek</b>" {
		t.Errorf("Atom: escaped title %q, summary %q", e.Title, e.Summary)
	}
}

func TestJSONFeed(t *testing.T) {
	var doc struct {
		Version     string           `json:"version"`
		Title       string           `json:"title"`
		HomePageURL string           `json:"home_page_url"`
		FeedURL     string           `json:"feed_url"`
		Items       []map[string]any `json:"items"`
	}
	if err := json.Unmarshal(writeAll(t, testConfig(), testSite(t, base))["feed.json"], &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != "https://jsonfeed.org/version/1.1" || doc.Title != "T4K3.news" || doc.HomePageURL != base || doc.FeedURL != base+"feed.json" {
		t.Fatalf("JSON Feed: top-level: %+v", doc)
	}
	for _, it := range doc.Items {
		if it["id"] == "" || it["content_html"] == "" {
			t.Errorf("JSON Feed item: no id or content_html: %v", it)
		}
		for _, k := range []string{"date_published", "date_modified"} {
			if _, err := time.Parse(time.RFC3339, it[k].(string)); err != nil {
				t.Errorf("JSON Feed %s: %v", k, err)
			}
		}
	}
	if doc.Items[2]["title"] != evilTitle {
		t.Errorf("JSON Feed title %q", doc.Items[2]["title"])
	}
	if doc.Items[0]["date_modified"] != "2025-08-20T10:30:00Z" {
		t.Errorf("JSON Feed date_modified %v", doc.Items[0]["date_modified"])
	}
}

// TestStableIDs checks that moving the site leaves every id as it was, and
// that a site without a domain uses permalinks.
func TestStableIDs(t *testing.T) {
	c := testConfig()
	a, b := testSite(t, base), testSite(t, "https://news.example.com/")
	for i := range a.Articles {
		if ID(c, a.Articles[i]) != ID(c, b.Articles[i]) {
			t.Errorf("id changed with the base URL: %s, %s", ID(c, a.Articles[i]), ID(c, b.Articles[i]))
		}
	}
	if got := ID(c, a.Articles[0]); got != "tag:t4k3.news,2025-08-20:news/russia-seeks-veto/" {
		t.Errorf("id %s", got)
	}
	if got := ID(config.Default(), a.Articles[0]); got != base+"news/russia-seeks-veto/" {
		t.Errorf("id without a domain: %s", got)
	}
}

func TestFeedLength(t *testing.T) {
	c := testConfig()
	c.FeedLength = 1
	var doc rssDoc
	if err := xml.Unmarshal(writeAll(t, c, testSite(t, base))["topics/ukraine/feed.xml"], &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Channel.Items) != 1 || doc.Channel.Items[0].Title != "Russia seeks veto" {
		t.Errorf("feed length 1: %+v", doc.Channel.Items)
	}
}

func isAbs(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme == "https" && u.Host != ""
}

func TestGolden(t *testing.T) {
	out := writeAll(t, testConfig(), testSite(t, base))
	for _, file := range []string{RSSFile, AtomFile, JSONFile} {
		path := filepath.Join("testdata", file)
		golden.Check(t, path, out[file])
	}
}

// TestEmitInTurn checks that emit is called one file at a time, in the
// order of the channels, and not after it fails, whose error Write
// returns.
func TestEmitInTurn(t *testing.T) {
	c, s := testConfig(), generatedSite(t, 100)
	want := collect(t, referenceWrite, c, s).names
	for _, stop := range []int{0, 1, 2, 3, 4, len(want) / 2, len(want) - 1} {
		var (
			names []string
			busy  atomic.Bool
			fail  = errors.New("disk full")
		)
		err := Write(c, s, func(name string, _ []byte) error {
			if !busy.CompareAndSwap(false, true) {
				t.Errorf("emit %s while another is emitted", name)
			}
			defer busy.Store(false)
			names = append(names, name)
			if len(names) == stop+1 {
				return fail
			}
			return nil
		})
		if err != fail {
			t.Errorf("failing at file %d: Write returned %v", stop, err)
		}
		if !slices.Equal(names, want[:stop+1]) {
			t.Errorf("failing at file %d: emitted %v, want %v", stop, names, want[:stop+1])
		}
	}
}

// TestItemsDroppedWhenMade checks that the feeds do not keep an item's
// encoded forms once every channel that holds it is made.
func TestItemsDroppedWhenMade(t *testing.T) {
	c, s := testConfig(), testSite(t, base)
	full, briefs := newItems(c, s)
	chs := channels(c, s, full, briefs)
	if len(chs) < 3 || len(full) == 0 || len(briefs) == 0 {
		t.Fatalf("%d channels, %d and %d items: want a site shared by topics", len(chs), len(full), len(briefs))
	}
	if err := writeChannels(c, s, chs, func(string, []byte) error { return nil }); err != nil {
		t.Fatal(err)
	}
	for _, items := range []map[*site.Article]*item{full, briefs} {
		for a, it := range items {
			if it.RSS != nil || it.Atom != nil || it.JSON != nil || it.holders.Load() != 0 {
				t.Errorf("%s: item kept after its channels were made (%d holders left)", a.Path, it.holders.Load())
			}
		}
	}
}

// TestTopicFeedsBrief checks that a topic's feeds carry each story's lede
// and a link to it, not its text, while the digest's feeds carry the text.
func TestTopicFeedsBrief(t *testing.T) {
	out := writeAll(t, testConfig(), testSite(t, base))
	for _, file := range []string{"topics/russia/feed.xml", "topics/russia/atom.xml", "topics/russia/feed.json"} {
		feed := string(out[file])
		if !strings.Contains(feed, "Any guarantee must include Moscow.") || !strings.Contains(feed, "Read the story") {
			t.Errorf("%s: no lede and link:\n%s", file, feed)
		}
		if strings.Contains(feed, "The move") {
			t.Errorf("%s carries the article's text", file)
		}
	}
	if !strings.Contains(string(out["feed.xml"]), "The move &amp;amp; more.") {
		t.Errorf("feed.xml lacks the article's text:\n%s", out["feed.xml"])
	}
}
