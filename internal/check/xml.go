package check

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"time"
)

// node is an XML element: enough of a tree to look for required elements.
type node struct {
	name     xml.Name
	attrs    []xml.Attr
	children []*node
	text     string
	line     int
}

// child returns the first child element with the local name, or nil.
func (n *node) child(local string) *node {
	for _, c := range n.children {
		if c.name.Local == local {
			return c
		}
	}
	return nil
}

func (n *node) all(local string) []*node {
	var out []*node
	for _, c := range n.children {
		if c.name.Local == local {
			out = append(out, c)
		}
	}
	return out
}

func (n *node) attr(local string) string {
	for _, a := range n.attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// parseXML reads a whole XML document into a tree.
func parseXML(data []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var root *node
	var stack []*node
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{name: t.Name, attrs: t.Attr, line: line}
			if len(stack) > 0 {
				parent := stack[len(stack)-1]
				parent.children = append(parent.children, n)
			} else {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(t)
			}
		}
	}
	if root == nil {
		return nil, errors.New("no root element")
	}
	return root, nil
}

// xml checks that an XML file parses, and the feed or sitemap in it.
func (c *checker) xml(file string, data []byte) {
	root, err := parseXML(data)
	if err != nil {
		c.problems.Add(file, 0, "XML does not parse: %v", err)
		return
	}
	switch {
	case root.name.Local == "rss":
		c.rss(file, root)
	case root.name.Local == "feed" && root.name.Space == atomNS:
		c.atom(file, root)
	case root.name.Local == "urlset":
		c.sitemap(file, root)
	case root.name.Local == "sitemapindex":
		c.sitemapIndex(file, root)
	}
}

// sitemapIndex checks a sitemap index: each <sitemap> names a sitemap of
// the site.
func (c *checker) sitemapIndex(file string, root *node) {
	for _, sm := range root.all("sitemap") {
		c.require(file, sm, "sitemap index <sitemap>", "loc")
		c.absLink(file, sm.child("loc"))
		c.date(file, sm, "lastmod", "a W3C datetime", time.RFC3339, time.DateOnly)
	}
}

const atomNS = "http://www.w3.org/2005/Atom"

// require reports each of the named children that n lacks or has empty.
func (c *checker) require(file string, n *node, what string, names ...string) {
	for _, name := range names {
		if ch := n.child(name); ch == nil || strings.TrimSpace(ch.text) == "" && len(ch.children) == 0 {
			c.problems.Add(file, n.line, "%s has no <%s>", what, name)
		}
	}
}

// date checks the text of the child named name, if there is one, against
// the layouts.
func (c *checker) date(file string, n *node, name, format string, layouts ...string) {
	ch := n.child(name)
	if ch == nil {
		return
	}
	for _, layout := range layouts {
		if _, err := time.Parse(layout, strings.TrimSpace(ch.text)); err == nil {
			return
		}
	}
	c.problems.Add(file, ch.line, "<%s> %q is not %s", name, ch.text, format)
}

// rss checks an RSS 2.0 feed (https://www.rssboard.org/rss-specification).
func (c *checker) rss(file string, root *node) {
	if v := root.attr("version"); v != "2.0" {
		c.problems.Add(file, root.line, "RSS version is %q, want \"2.0\"", v)
	}
	ch := root.child("channel")
	if ch == nil {
		c.problems.Add(file, root.line, "RSS feed has no <channel>")
		return
	}
	c.require(file, ch, "RSS channel", "title", "link", "description")
	c.absLink(file, ch.child("link"))
	c.date(file, ch, "lastBuildDate", "an RFC 822 date", time.RFC1123Z, time.RFC1123)
	for _, it := range ch.all("item") {
		if it.child("title") == nil && it.child("description") == nil {
			c.problems.Add(file, it.line, "RSS item has neither <title> nor <description>")
		}
		c.absLink(file, it.child("link"))
		c.date(file, it, "pubDate", "an RFC 822 date", time.RFC1123Z, time.RFC1123)
	}
}

// atom checks an Atom 1.0 feed (RFC 4287).
func (c *checker) atom(file string, root *node) {
	c.require(file, root, "Atom feed", "id", "title", "updated")
	c.date(file, root, "updated", "an RFC 3339 date", time.RFC3339)
	feedAuthor := root.child("author") != nil
	for _, l := range root.all("link") {
		c.absolute(file, l.line, "<link> href", l.attr("href"))
	}
	for _, e := range root.all("entry") {
		c.require(file, e, "Atom entry", "id", "title", "updated")
		c.date(file, e, "updated", "an RFC 3339 date", time.RFC3339)
		c.date(file, e, "published", "an RFC 3339 date", time.RFC3339)
		if !feedAuthor && e.child("author") == nil {
			c.problems.Add(file, e.line, "Atom entry has no <author>, and neither has the feed")
		}
		if e.child("content") == nil && !hasAlternate(e) {
			c.problems.Add(file, e.line, "Atom entry has neither <content> nor <link rel=\"alternate\">")
		}
		for _, l := range e.all("link") {
			if c.absolute(file, l.line, "<link> href", l.attr("href")) {
				c.link(file, l.line, l.attr("href"))
			}
		}
	}
}

func hasAlternate(e *node) bool {
	for _, l := range e.all("link") {
		if rel := l.attr("rel"); rel == "" || rel == "alternate" {
			return true
		}
	}
	return false
}

// sitemap checks a sitemap (https://www.sitemaps.org/protocol.html) and a
// Google News sitemap's news:news elements.
func (c *checker) sitemap(file string, root *node) {
	for _, u := range root.all("url") {
		c.require(file, u, "sitemap <url>", "loc")
		c.absLink(file, u.child("loc"))
		c.date(file, u, "lastmod", "a W3C datetime", time.RFC3339, time.DateOnly)
		if n := u.child("news"); n != nil {
			c.require(file, n, "news:news", "publication", "publication_date", "title")
			if p := n.child("publication"); p != nil {
				c.require(file, p, "news:publication", "name", "language")
			}
			c.date(file, n, "publication_date", "a W3C datetime", time.RFC3339, time.DateOnly)
		}
	}
}

// absLink checks that the text of n, if any, is an absolute URL (see
// absolute) that resolves.
func (c *checker) absLink(file string, n *node) {
	if n == nil {
		return
	}
	ref := strings.TrimSpace(n.text)
	if c.absolute(file, n.line, "<"+n.name.Local+">", ref) {
		c.link(file, n.line, ref)
	}
}
