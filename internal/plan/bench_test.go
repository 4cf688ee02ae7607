package plan_test

import (
	"fmt"
	"os"
	"sync/atomic"
	"testing"

	"github.com/t4k3news/digest/bench/gen/corpus/corpustest"
	"github.com/t4k3news/digest/internal/load"
	"github.com/t4k3news/digest/internal/plan"
	"github.com/t4k3news/digest/internal/site"
)

// BenchmarkBuild renders every output of a generated site, writing none.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			in, err := load.Load(os.DirFS(corpustest.Site(b, n, "../..")), load.Options{BaseURL: "https://example.com/"})
			if err != nil {
				b.Fatal(err)
			}
			s, err := site.New(in.Docs, in.Routes)
			if err != nil {
				b.Fatal(err)
			}
			var files, size atomic.Int64
			for b.Loop() {
				m := &plan.Model{Config: in.Config, Site: s, Pages: in.Templates.ForSite(), Static: in.Static}
				err := plan.Build(m, func(_ string, data []byte) error {
					files.Add(1)
					size.Add(int64(len(data)))
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(files.Load())/b.Elapsed().Seconds(), "files/s")
			b.ReportMetric(float64(size.Load())/float64(files.Load()), "B/file")
		})
	}
}
