package feed

import (
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

// Feed files, written in the site's root for the whole digest and in each
// topic's folder for that topic.
const (
	RSSFile  = "feed.xml"
	AtomFile = "atom.xml"
	JSONFile = "feed.json"
)

// Media types of the feeds, for <link rel="alternate">.
const (
	RSSType  = "application/rss+xml"
	AtomType = "application/atom+xml"
	JSONType = "application/feed+json"
)

// Link is a page's <link rel="alternate"> to a feed.
type Link struct {
	Type, Title, URL string
}

// Links returns the alternate links to the three feeds in folder dir, a
// site-relative path such as "" or "topics/ukraine/", titled title.
func Links(routes *route.Site, dir, title string) []Link {
	return []Link{
		{RSSType, title + " (RSS)", routes.Abs(dir + RSSFile)},
		{AtomType, title + " (Atom)", routes.Abs(dir + AtomFile)},
		{JSONType, title + " (JSON Feed)", routes.Abs(dir + JSONFile)},
	}
}

// Files lists the feed files of s that Write makes: the digest's, then
// each topic's.
func Files(s *site.Site) []string {
	dirs := []string{""}
	for _, t := range s.Topics {
		dirs = append(dirs, t.Path)
	}
	files := make([]string, 0, 3*len(dirs))
	for _, dir := range dirs {
		files = append(files, dir+RSSFile, dir+AtomFile, dir+JSONFile)
	}
	return files
}
