package render

import (
	"fmt"
	"strconv"

	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

// Listing page template files: the archive (its index and its months) and
// the index of topics. A topic's pages are made with TopicTemplate.
const (
	ArchiveTemplate = "archive.html"
	TopicsTemplate  = "topics.html"
)

// Crumb is one step of an archive page's breadcrumbs.
type Crumb struct{ Name, URL string }

// pageTitle is the title of page p of a list named name.
func pageTitle(name string, p *site.ListPage) string {
	if p.Number == 0 {
		return name
	}
	return name + ", page " + strconv.Itoa(p.Number)
}

// TopicPage renders page p of topic t: its own page, topics/<slug>/, or a
// numbered page, topics/<slug>/page/N/.
func (r *Renderer) TopicPage(s *site.Site, t *site.Topic, p *site.ListPage) ([]byte, error) {
	c := r.config()
	desc := t.Description
	if desc == "" {
		desc = fmt.Sprintf("Stories on %s from %s.", t.Name, c.Title)
	}
	pg := r.newPage(s, p.Path, pageTitle(t.Name, p), desc)
	pg.Topic, pg.List = t, p
	pg.Feeds = append(feedLinks(s, t.Path, t.Name+" · "+c.Title), pg.Feeds...)
	return r.execute(TopicTemplate, pg)
}

// Month renders page p of month m of the archive.
func (r *Renderer) Month(s *site.Site, m *site.Month, p *site.ListPage) ([]byte, error) {
	c := r.config()
	desc := fmt.Sprintf("Stories of %s from %s.", m.Name(), c.Title)
	pg := r.newPage(s, p.Path, pageTitle(m.Name(), p), desc)
	pg.Month, pg.List = m, p
	pg.Crumbs = []Crumb{{"Home", s.Routes.Rel("")}, {"Archive", s.ArchiveURL}}
	if p.Number > 0 {
		pg.Crumbs = append(pg.Crumbs, Crumb{m.Name(), m.Home.URL})
	}
	return r.execute(ArchiveTemplate, pg)
}

// Archive renders the archive's index, archive/: every year and month with
// its number of stories.
func (r *Renderer) Archive(s *site.Site) ([]byte, error) {
	c := r.config()
	pg := r.newPage(s, route.ArchivePath, "Archive", "Every story of "+c.Title+", by month.")
	pg.Crumbs = []Crumb{{"Home", s.Routes.Rel("")}}
	return r.execute(ArchiveTemplate, pg)
}

// Topics renders the index of topics, topics/.
func (r *Renderer) Topics(s *site.Site) ([]byte, error) {
	c := r.config()
	pg := r.newPage(s, route.TopicsPath, "Topics", "Every topic of "+c.Title+", with its number of stories.")
	return r.execute(TopicsTemplate, pg)
}
