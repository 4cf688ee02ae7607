package plan

import "github.com/t4k3news/digest/internal/render"

// The 404 page offers the newest stories (render.Latest): it reads those
// and the masthead, not every article.
func init() {
	register(Kind{Name: "404", Order: 30, Reads: Config | Templates | Nav, Entries: func(m *Model) []Entry {
		reads := Reads{Parts: Nav, Stories: render.Latest(m.Site)}
		return []Entry{page(m, "404", "404.html", reads, func() ([]byte, error) { return m.Pages.NotFound(m.Site) })}
	}})
}
