package plan

import (
	"sync"

	"github.com/t4k3news/digest/internal/sitemap"
)

// The sitemaps: an entry for each page sitemap that sitemap.xml indexes
// (sitemap-1.xml, ...), and one for sitemap.xml, news-sitemap.xml and
// robots.txt. They share one layout of the pages, made when the first of
// them needs it. With a memo (build --watch) a page sitemap has a Key,
// its bytes' sum: an edit changes one or two of a large site's, and the
// others are not handed again to be compared with the files on disk.
func init() {
	register(Kind{Name: "sitemap", Order: 60, Reads: Config | Articles | Topics, Entries: func(m *Model) []Entry {
		lay := sync.OnceValue(func() *sitemap.Layout { return sitemap.Lay(m.Site, m.Sitemap, m.Change) })
		reads := Reads{Parts: Config | Articles | Topics}
		files := sitemap.Files(m.Site)
		parts, rest := files[:len(files)-3], files[len(files)-3:]
		entries := make([]Entry, 0, len(files)-2)
		for i, file := range parts {
			e := Entry{Kind: "sitemap", Paths: []string{file}, Reads: reads,
				Render: func(emit Emit) error { return emit(file, lay().Part(i).Data) }}
			if m.Sitemap != nil {
				e.Key = func() string { return lay().Part(i).Key }
			}
			entries = append(entries, e)
		}
		return append(entries, Entry{Kind: "sitemap", Paths: rest, Reads: reads,
			Render: func(emit Emit) error { return lay().Write(m.Config, emit) }})
	}})
}
