// Package feed makes the site's syndication feeds: RSS 2.0 (feed.xml),
// Atom 1.0 (atom.xml) and JSON Feed 1.1 (feed.json), one set for the whole
// digest in the site's root and one for each topic in its folder. Each
// carries the newest articles, newest first, with absolute URLs, the full
// article HTML and dates in the format its spec requires. XML is made with
// encoding/xml and JSON with encoding/json, so every string is escaped.
//
// An article's id is a tag: URI (RFC 4151) such as
// "tag:t4k3.news,2025-08-21:news/russia-seeks-veto/", made from the
// publisher's domain, the article's date and its first path, so that it
// stays the same when the site moves to another base URL or the story is
// renamed. A site whose config
// names no domain uses the article's URL.
package feed

import (
	"fmt"
	"html"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/jsonld"
	"github.com/t4k3news/digest/internal/markdown"
	"github.com/t4k3news/digest/internal/site"
)

// Generator names the program in the feeds.
const Generator = "digest"

// channel is one set of feeds: the whole digest or one topic.
type channel struct {
	Title, Description string
	// Dir is the site-relative folder of the channel's page and feeds.
	Dir string
	// Home and Self URLs are the channel's page and the feed itself.
	Home    string
	Items   []*item
	Updated time.Time
}

// item is an article as the feeds show it.
type item struct {
	ID, URL, Title, Summary, Author string
	// HTML is the full article: lede, body and sections.
	HTML               string
	Published, Updated time.Time
	Tags               []string
	// RSS, Atom and JSON are the item as each feed has it (an <item>, an
	// <entry>, an object in "items"), encoded once and copied into every
	// channel the item is in.
	RSS, Atom, JSON []byte

	// The article's HTML is made and encoded by the first channel to need
	// it (ready), and the encoded forms are dropped when the last channel
	// holding the item is made (done), so that the feeds do not hold every
	// item's HTML at once.
	article *site.Article
	// brief items, in topic feeds, have the article's lede for HTML.
	brief   bool
	once    sync.Once
	err     error
	holders atomic.Int32 // channels not made yet that hold the item
}

// ready makes the item's HTML and encodes it, once.
func (it *item) ready() error {
	it.once.Do(func() {
		if it.brief {
			it.HTML = briefHTML(it.article)
		} else if it.HTML, it.err = articleHTML(it.article); it.err != nil {
			return
		}
		if it.err = it.encode(); it.err != nil {
			it.err = fmt.Errorf("%s: %w", it.article.Doc.Path, it.err)
		}
	})
	return it.err
}

// done says that one of the channels holding the item is made.
func (it *item) done() {
	if it.holders.Add(-1) == 0 {
		it.RSS, it.Atom, it.JSON = nil, nil, nil
	}
}

// Write makes every feed of s and passes each to emit with its output
// file, relative to the output folder ("feed.xml", "topics/x/atom.xml").
// The feeds are made on a few goroutines, but emit is called by one at a
// time, in a fixed order (the site's feeds, then each topic's), and not
// again once it has returned an error: Write returns the first error in
// that order.
func Write(c *config.Config, s *site.Site, emit func(file string, data []byte) error) error {
	full, briefs := newItems(c, s)
	return writeChannels(c, s, channels(c, s, full, briefs), emit)
}

// Listed returns the articles the feeds of s carry, in the order of the
// feeds: the site's newest, then each topic's. An article in several
// feeds is listed in each. Nothing else of the content is in the feeds
// but the topics' names and descriptions.
func Listed(c *config.Config, s *site.Site) []*site.Article {
	list := slices.Clone(carried(c, s.Articles))
	for _, t := range s.Topics {
		list = append(list, carried(c, t.Articles)...)
	}
	return list
}

// carried are the articles a feed of the newest-first list carries: its
// newest c.FeedLength.
func carried(c *config.Config, list []*site.Article) []*site.Article {
	return list[:min(len(list), c.FeedLength)]
}

// channels lists the site's channel, then one per topic.
func channels(c *config.Config, s *site.Site, full, briefs map[*site.Article]*item) []*channel {
	chs := []*channel{newChannel(c, s, c.Title, c.Description, "", s.Articles, full)}
	for _, t := range s.Topics {
		desc := t.Description
		if desc == "" {
			desc = fmt.Sprintf("Stories on %s from %s.", t.Name, c.Title)
		}
		chs = append(chs, newChannel(c, s, t.Name+" · "+c.Title, desc, t.Path, t.Articles, briefs))
	}
	return chs
}

func newChannel(c *config.Config, s *site.Site, title, desc, dir string, articles []*site.Article, items map[*site.Article]*item) *channel {
	ch := &channel{Title: title, Description: desc, Dir: dir, Home: s.Routes.Abs(dir), Updated: time.Unix(0, 0).UTC()}
	for _, a := range carried(c, articles) {
		it := items[a]
		it.holders.Add(1)
		ch.Items = append(ch.Items, it)
		if it.Updated.After(ch.Updated) {
			ch.Updated = it.Updated
		}
	}
	return ch
}

// file is a feed made, before it is emitted.
type file struct {
	name string
	data []byte
}

// encode makes the channel's three feeds, or those before the one that
// failed.
func (ch *channel) encode(c *config.Config, s *site.Site) ([]file, error) {
	for _, it := range ch.Items {
		if err := it.ready(); err != nil {
			return nil, err
		}
	}
	defer func() {
		for _, it := range ch.Items {
			it.done()
		}
	}()
	var files []file
	for _, f := range []struct {
		name string
		make func(*config.Config, *channel, string) ([]byte, error)
	}{{RSSFile, rssFeed}, {AtomFile, atomFeed}, {JSONFile, jsonFeed}} {
		name := ch.Dir + f.name
		data, err := f.make(c, ch, s.Routes.Abs(name))
		if err != nil {
			return files, fmt.Errorf("%s: %w", name, err)
		}
		files = append(files, file{name, data})
	}
	return files, nil
}

// newItems makes the feed items, without their HTML (see item.ready): the
// full items of the digest's feeds and the brief items of every article in
// some topic's feeds.
func newItems(c *config.Config, s *site.Site) (full, briefs map[*site.Article]*item) {
	full = make(map[*site.Article]*item)
	for _, a := range carried(c, s.Articles) {
		full[a] = itemMeta(c, a)
	}
	briefs = make(map[*site.Article]*item)
	for _, t := range s.Topics {
		for _, a := range carried(c, t.Articles) {
			if briefs[a] == nil {
				briefs[a] = itemMeta(c, a)
				briefs[a].brief = true
			}
		}
	}
	return full, briefs
}

// itemMeta makes the item of article a without its HTML.
func itemMeta(c *config.Config, a *site.Article) *item {
	it := &item{
		ID: ID(c, a), URL: a.Permalink, Title: a.Meta.Title,
		Summary: a.Dek(), Author: a.Meta.Author,
		Published: a.Meta.Date.UTC(), Updated: jsonld.Modified(a).UTC(), Tags: topicNames(a),
		article: a,
	}
	if it.Author == "" {
		it.Author = c.Author
	}
	return it
}

// topicNames are the names of a's topics, as its page shows them: a tag
// that the site config merges into another topic (its aliases) goes by
// that topic's name, once.
func topicNames(a *site.Article) []string {
	names := make([]string, len(a.Topics))
	for i, t := range a.Topics {
		names[i] = t.Name
	}
	return names
}

// articleHTML is the article's text as HTML: its lede, then its body with
// each section under its heading.
func articleHTML(a *site.Article) (string, error) {
	sections, err := markdown.Render([]byte(a.Doc.Body))
	if err != nil {
		return "", fmt.Errorf("%s: %w", a.Doc.Path, err)
	}
	var parts []string
	if a.Meta.Summary != "" {
		parts = append(parts, "<p>"+html.EscapeString(a.Meta.Summary)+"</p>\n")
	}
	for _, sec := range sections {
		if sec.Title != "" {
			parts = append(parts, "<h2>"+html.EscapeString(sec.Title)+"</h2>\n")
		}
		parts = append(parts, string(sec.HTML))
	}
	return strings.Join(parts, ""), nil
}

// briefHTML is what a topic's feeds carry of article a: its lede, or its
// description, and a link to the story.
func briefHTML(a *site.Article) string {
	lede := a.Meta.Summary
	if lede == "" {
		lede = a.Meta.Description
	}
	var b strings.Builder
	if lede != "" {
		b.WriteString("<p>" + html.EscapeString(lede) + "</p>\n")
	}
	b.WriteString(`<p><a href="` + html.EscapeString(a.Permalink) + `">Read the story</a></p>` + "\n")
	return b.String()
}

// ID is the stable id of article a in every feed: a tag: URI under the
// config's id authority, or the URL of the article's first address when
// there is none. Both are made from its first address (see
// site.Article's Origin), so a renamed story keeps its id and feed readers
// do not show it twice.
func ID(c *config.Config, a *site.Article) string {
	auth := c.IDAuthority()
	if auth == "" {
		return a.OriginPermalink
	}
	return fmt.Sprintf("tag:%s,%s:%s", auth, a.Meta.Date.UTC().Format(time.DateOnly), a.Origin)
}
