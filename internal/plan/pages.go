package plan

import (
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

// page is an entry for one HTML page at the site-relative URL path p.
func page(m *Model, kind, p string, reads Reads, make func() ([]byte, error)) Entry {
	return pageFile(m, kind, route.File(p), reads, make)
}

// pageFile is page, for the output file of the page.
func pageFile(m *Model, kind, file string, reads Reads, make func() ([]byte, error)) Entry {
	reads.Parts |= Config | Templates
	return Entry{Kind: kind, Paths: []string{file}, Reads: reads, Render: func(emit Emit) error {
		data, err := make()
		if err != nil {
			return err
		}
		err = emit(file, data)
		m.Pages.Recycle(data)
		return err
	}}
}

// The pages that list the whole site (the front page, the index of
// topics, the archive's) read every article, topic and sidebar.
const listing = Articles | Topics | Sidebars

// articleReads: an article page shows its own article and sidebar, its
// topics and bylines, and the masthead.
func articleReads(a *site.Article) Reads { return Reads{Parts: Nav, Article: a} }

// listReads: a page of a list (a topic's, an author's, a month's) shows
// its stories, a card each, its place among the list's pages, and the
// masthead.
func listReads(p *site.ListPage) Reads { return Reads{Parts: Nav, List: p, Stories: p.Articles} }
