package feed_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/t4k3news/digest/bench/gen/corpus/corpustest"
	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/cputime"
	"github.com/t4k3news/digest/internal/feed"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

// benchSites keeps each generated site for the next -count round: making
// the corpus costs far more than the feeds.
var benchSites = map[int]*site.Site{}

// benchSite returns the site of the generated corpus of n articles and the
// repository's config.
func benchSite(b *testing.B, n int) (*config.Config, *site.Site) {
	b.Helper()
	c, err := config.Load(os.DirFS("../.."), "digest.yaml")
	if err != nil {
		b.Fatal(err)
	}
	if s := benchSites[n]; s != nil {
		return c, s
	}
	docs, err := content.Load(os.DirFS(corpustest.Site(b, n, "../..")), "content")
	if err != nil {
		b.Fatal(err)
	}
	routes, _ := route.New(c.BaseURL)
	s, err := site.New(docs, routes)
	if err != nil {
		b.Fatal(err)
	}
	benchSites[n] = s
	return c, s
}

// BenchmarkWrite makes every feed of a generated site, writing none. It
// reports the CPU time of the process as cpu-ns/op: Write works on several
// goroutines, so that ns/op is less than what it costs.
func BenchmarkWrite(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			c, s := benchSite(b, n)
			var files, size int64
			cpu := cputime.Used()
			for b.Loop() {
				err := feed.Write(c, s, func(_ string, data []byte) error {
					files++
					size += int64(len(data))
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			if cpu := cputime.Used() - cpu; cpu > 0 {
				b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
			}
			b.SetBytes(size / int64(b.N))
			b.ReportMetric(float64(files)/b.Elapsed().Seconds(), "files/s")
		})
	}
}
