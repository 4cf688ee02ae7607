package plan

import (
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

// page is an entry for one HTML page at the site-relative URL path p.
func page(m *Model, kind, p string, reads Reads, make func() ([]byte, error)) Entry {
	file := route.File(p)
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

// The listing pages show cards of many articles, and a card may show an
// article's sidebar: they read every sidebar.
const listing = Articles | Topics | Sidebars

// articleReads: an article page shows its own article and sidebar, its
// topics and the navigation's featured topics.
func articleReads(a *site.Article) Reads { return Reads{Parts: Topics, Article: a} }
