package site_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/t4k3news/digest/bench/gen/corpus/corpustest"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

// BenchmarkNew makes the site model of a generated site: topics, the
// related index and "More on this".
func BenchmarkNew(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			docs, err := content.Load(os.DirFS(corpustest.Site(b, n, "../..")), "content")
			if err != nil {
				b.Fatal(err)
			}
			routes, _ := route.New("https://example.com/")
			for b.Loop() {
				if _, err := site.New(docs, routes); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
