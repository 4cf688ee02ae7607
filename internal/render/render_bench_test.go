package render_test

import (
	"fmt"
	"os"
	"sync/atomic"
	"testing"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/gen/gentest"
	"github.com/t4k3news/digest/internal/render"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

// BenchmarkSite renders every page of a generated site, writing none.
func BenchmarkSite(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			fsys := os.DirFS(gentest.Site(b, n, "../.."))
			docs, err := content.Load(fsys, "content")
			if err != nil {
				b.Fatal(err)
			}
			routes, _ := route.New("https://example.com/")
			s, err := site.New(docs, routes)
			if err != nil {
				b.Fatal(err)
			}
			r, err := render.New(fsys, "templates")
			if err != nil {
				b.Fatal(err)
			}
			var pages, size atomic.Int64
			for b.Loop() {
				err := r.Site(s, func(_ string, data []byte) error {
					pages.Add(1)
					size.Add(int64(len(data)))
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(pages.Load())/b.Elapsed().Seconds(), "pages/s")
			b.ReportMetric(float64(size.Load())/float64(pages.Load()), "B/page")
		})
	}
}
