package build_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/t4k3news/digest/bench/gen/corpus/corpustest"
	"github.com/t4k3news/digest/internal/build"
	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/cputime"
)

// BenchmarkBuild builds a generated site end to end: "fresh" into a new
// destination each time, "unchanged" over its own earlier output, which
// must write no file.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("n=%d/fresh", n), func(b *testing.B) {
			src := corpustest.Site(b, n, "../..")
			for i := 0; b.Loop(); i++ {
				res := buildOnce(b, src, filepath.Join(src, fmt.Sprint("public", i)))
				b.ReportMetric(float64(res.Pages()), "pages")
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
		})
		b.Run(fmt.Sprintf("n=%d/unchanged", n), func(b *testing.B) {
			src := corpustest.Site(b, n, "../..")
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

// BenchmarkCards measures what the share images add to an unchanged
// rebuild whose card cache is warm, the common case: pairs of rebuilds of
// the same site, with the config's cards at its default and at 0, one
// after the other so that the machine's load falls on both alike.
//
//	go test ./internal/build -run '^$' -bench Cards -benchtime 5x
func BenchmarkCards(b *testing.B) {
	src := corpustest.Site(b, 10000, "../..")
	on, err := config.Load(os.DirFS(src), config.File)
	if err != nil {
		b.Fatal(err)
	}
	off := *on
	off.Cards = 0
	destOn, destOff := filepath.Join(src, "public-on"), filepath.Join(src, "public-off")
	for range 2 { // both trees, and the cache, exist from here on
		buildWith(b, src, destOn, on, "cache-on")
		buildWith(b, src, destOff, &off, "cache-off")
	}
	var tOn, tOff, cOn, cOff time.Duration
	for b.Loop() {
		t, c := time.Now(), cputime.Used()
		buildWith(b, src, destOn, on, "cache-on")
		tOn, cOn = tOn+time.Since(t), cOn+cputime.Used()-c
		t, c = time.Now(), cputime.Used()
		buildWith(b, src, destOff, &off, "cache-off")
		tOff, cOff = tOff+time.Since(t), cOff+cputime.Used()-c
	}
	b.ReportMetric(tOn.Seconds()/float64(b.N), "on-s/build")
	b.ReportMetric(tOff.Seconds()/float64(b.N), "off-s/build")
	b.ReportMetric(100*(tOn.Seconds()/tOff.Seconds()-1), "%wall")
	b.ReportMetric(100*(cOn.Seconds()/cOff.Seconds()-1), "%cpu")
}

func buildWith(b *testing.B, src, dest string, c *config.Config, cache string) {
	res, err := build.Build(build.Options{Source: os.DirFS(src), Destination: dest, Config: c, CardCache: filepath.Join(src, cache)})
	if err != nil {
		b.Fatal(err)
	}
	if res.Written != 0 && res.Cards.Cached > 0 {
		b.Fatalf("a rebuild with a warm cache wrote %d files, drew %d cards", res.Written, res.Cards.Drawn)
	}
}

func buildOnce(b *testing.B, src, dest string) build.Result {
	res, err := build.Build(build.Options{Source: os.DirFS(src), Destination: dest, CardCache: filepath.Join(src, ".cache", "cards")})
	if err != nil {
		b.Fatal(err)
	}
	return res
}
