package build_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/t4k3news/digest/internal/build"
	"github.com/t4k3news/digest/internal/gen/gentest"
)

// BenchmarkBuild builds a generated site end to end: "fresh" into a new
// destination each time, "unchanged" over its own earlier output, which
// must write no file.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("n=%d/fresh", n), func(b *testing.B) {
			src := gentest.Site(b, n, "../..")
			for i := 0; b.Loop(); i++ {
				res := buildOnce(b, src, filepath.Join(src, fmt.Sprint("public", i)))
				b.ReportMetric(float64(res.Pages()), "pages")
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
		})
		b.Run(fmt.Sprintf("n=%d/unchanged", n), func(b *testing.B) {
			src := gentest.Site(b, n, "../..")
			dest := filepath.Join(src, "public")
			buildOnce(b, src, dest)
			buildOnce(b, src, dest) // both trees exist from here on
			for b.Loop() {
				if res := buildOnce(b, src, dest); res.Written != 0 {
					b.Fatalf("unchanged rebuild wrote %d files", res.Written)
				}
			}
		})
	}
}

func buildOnce(b *testing.B, src, dest string) build.Result {
	res, err := build.Build(build.Options{Source: os.DirFS(src), Destination: dest})
	if err != nil {
		b.Fatal(err)
	}
	return res
}
