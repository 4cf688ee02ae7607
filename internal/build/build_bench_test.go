package build_test

import (
	"flag"
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

// BenchmarkUnchanged measures a rebuild with no source change, which
// keeps the whole site without rendering it, against one that renders
// every output because its manifest is gone (and writes no file either):
// pairs of the two, one after the other, so that the machine's load falls
// on both alike. "ratio" is the first's time over the second's.
//
//	go test ./internal/build -run '^$' -bench Unchanged -benchtime 5x
func BenchmarkUnchanged(b *testing.B) {
	src := benchSite(b)
	dest := filepath.Join(src, "public")
	buildOnce(b, src, dest)
	buildOnce(b, src, dest) // both trees exist from here on
	var tKeep, tAll, cKeep, cAll time.Duration
	for b.Loop() {
		t, c := time.Now(), cputime.Used()
		if res := buildOnce(b, src, dest); res.Rendered != 0 || res.Written != 0 {
			b.Fatalf("unchanged rebuild rendered %d outputs, wrote %d files", res.Rendered, res.Written)
		}
		tKeep, cKeep = tKeep+time.Since(t), cKeep+cputime.Used()-c
		if err := os.Remove(filepath.Join(src, ".public.manifest")); err != nil {
			b.Fatal(err)
		}
		t, c = time.Now(), cputime.Used()
		if res := buildOnce(b, src, dest); res.Kept != 0 || res.Written != 0 {
			b.Fatalf("rebuild without a manifest kept %d outputs, wrote %d files", res.Kept, res.Written)
		}
		tAll, cAll = tAll+time.Since(t), cAll+cputime.Used()-c
	}
	b.ReportMetric(tKeep.Seconds()/float64(b.N), "unchanged-s/build")
	b.ReportMetric(tAll.Seconds()/float64(b.N), "render-all-s/build")
	b.ReportMetric(tKeep.Seconds()/tAll.Seconds(), "wall-ratio")
	b.ReportMetric(cKeep.Seconds()/cAll.Seconds(), "cpu-ratio")
}

// BenchmarkCards measures what the share images add to a rebuild whose
// card cache is warm, the common case: pairs of rebuilds of the same
// site, with the config's cards at its default and at 0, one after the
// other so that the machine's load falls on both alike. Before each, a
// comment is added to a template, so that every page is rendered again
// (to the same bytes) while no card changes.
//
//	go test ./internal/build -run '^$' -bench Cards -benchtime 5x
func BenchmarkCards(b *testing.B) {
	src := benchSite(b)
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
		touchTemplate(b, src)
		t, c := time.Now(), cputime.Used()
		if res := buildWith(b, src, destOn, on, "cache-on"); res.Rendered == 0 || res.Cards.Drawn > 0 {
			b.Fatalf("a rebuild after a template edit rendered %d outputs and drew %d cards", res.Rendered, res.Cards.Drawn)
		}
		tOn, cOn = tOn+time.Since(t), cOn+cputime.Used()-c
		touchTemplate(b, src)
		t, c = time.Now(), cputime.Used()
		buildWith(b, src, destOff, &off, "cache-off")
		tOff, cOff = tOff+time.Since(t), cOff+cputime.Used()-c
	}
	b.ReportMetric(tOn.Seconds()/float64(b.N), "on-s/build")
	b.ReportMetric(tOff.Seconds()/float64(b.N), "off-s/build")
	b.ReportMetric(100*(tOn.Seconds()/tOff.Seconds()-1), "%wall")
	b.ReportMetric(100*(cOn.Seconds()/cOff.Seconds()-1), "%cpu")
}

// touchTemplate adds a comment to the layout template: every page is
// rendered again, to the same bytes.
func touchTemplate(b *testing.B, src string) {
	name := filepath.Join(src, "templates", "layout.html")
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	if err == nil {
		_, err = f.WriteString("{{/* touched */}}\n")
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		b.Fatal(err)
	}
}

var (
	siteDir = flag.String("site", "", "a site folder that BenchmarkUnchanged, BenchmarkCards and BenchmarkSearchIndex build instead of a generated one (they write beside its public/)")
	index   = flag.String("index", "both", "BenchmarkSearchIndex builds with the search index (on), without it (off), or both in turn")
)

// BenchmarkSearchIndex measures what the search index adds to a build
// that renders every output: pairs of builds of a generated site of
// 10,000 articles (or of -site DIR), with the index and without it, one
// after the other so that the machine's load falls on both alike, each
// over its own earlier output with its manifest removed, so that it
// renders everything and writes nothing. With -index on or off it builds
// one side alone, for /usr/bin/time -v to give that side's peak memory:
//
//	go test ./internal/build -run '^$' -bench SearchIndex -benchtime 5x
//	go test -c -o /tmp/build.test ./internal/build
//	/usr/bin/time -v /tmp/build.test -test.run '^$' -test.bench SearchIndex -test.benchtime 3x -index off -site DIR
func BenchmarkSearchIndex(b *testing.B) {
	src := benchSite(b)
	sides := map[string][]bool{"both": {true, false}, "on": {true}, "off": {false}}[*index]
	if sides == nil {
		b.Fatalf("-index %q: want on, off or both", *index)
	}
	run := func(on bool) {
		kind := "search-index"
		if on {
			kind = ""
		}
		build.LeaveOut(kind)
		defer build.LeaveOut("")
		dest := filepath.Join(src, "public-index-"+sideName(on))
		if err := os.Remove(filepath.Join(src, ".public-index-"+sideName(on)+".manifest")); err != nil && !os.IsNotExist(err) {
			b.Fatal(err)
		}
		if _, err := build.Build(build.Options{Source: os.DirFS(src), Destination: dest, CardCache: filepath.Join(src, ".cache", "cards")}); err != nil {
			b.Fatal(err)
		}
	}
	for _, on := range sides { // the trees and the card cache exist from here on
		run(on)
	}
	var wall, cpu [2]time.Duration
	for b.Loop() {
		for i, on := range sides {
			t, c := time.Now(), cputime.Used()
			run(on)
			wall[i], cpu[i] = wall[i]+time.Since(t), cpu[i]+cputime.Used()-c
		}
	}
	for i, on := range sides {
		b.ReportMetric(wall[i].Seconds()/float64(b.N), sideName(on)+"-s/build")
		b.ReportMetric(cpu[i].Seconds()/float64(b.N), sideName(on)+"-cpu-s/build")
	}
	if len(sides) == 2 {
		b.ReportMetric(100*(wall[0].Seconds()/wall[1].Seconds()-1), "%wall")
		b.ReportMetric(100*(cpu[0].Seconds()/cpu[1].Seconds()-1), "%cpu")
	}
}

// benchSite returns -site, or else a generated site of 10,000 articles.
func benchSite(b *testing.B) string {
	if *siteDir != "" {
		return *siteDir
	}
	return corpustest.Site(b, 10000, "../..")
}

func sideName(on bool) string {
	if on {
		return "on"
	}
	return "off"
}

func buildWith(b *testing.B, src, dest string, c *config.Config, cache string) build.Result {
	res, err := build.Build(build.Options{Source: os.DirFS(src), Destination: dest, Config: c, CardCache: filepath.Join(src, cache)})
	if err != nil {
		b.Fatal(err)
	}
	if res.Written != 0 && res.Cards.Cached > 0 {
		b.Fatalf("a rebuild with a warm cache wrote %d files, drew %d cards", res.Written, res.Cards.Drawn)
	}
	return res
}

func buildOnce(b *testing.B, src, dest string) build.Result {
	res, err := build.Build(build.Options{Source: os.DirFS(src), Destination: dest, CardCache: filepath.Join(src, ".cache", "cards")})
	if err != nil {
		b.Fatal(err)
	}
	return res
}
