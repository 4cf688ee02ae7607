package watchbuild

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/t4k3news/digest/bench/gen/corpus/corpustest"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/cputime"
)

var siteDir = flag.String("site", "", "a site folder that BenchmarkEdit edits instead of generated ones: it writes into DIR/public-watch and puts the edited content file back as it was at the end")

// BenchmarkEdit measures build --watch from a saved content file (a new
// dek for a story in the middle of the archive, and its old one again)
// to every file it changes on disk, in a generated site of 1,000 and
// 10,000 articles (or in the site -site names, say one of 100,000 made
// with bench/gen), with wall and CPU time per edit and what one edit
// renders and writes.
//
//	go test ./internal/watchbuild -run '^$' -bench Edit -benchtime 5x
//	go test ./internal/watchbuild -run '^$' -bench Edit -benchtime 10x -site DIR
func BenchmarkEdit(b *testing.B) {
	if *siteDir != "" {
		b.Run("site", func(b *testing.B) { benchEdit(b, *siteDir, filepath.Join(*siteDir, "public-watch")) })
		return
	}
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			src := corpustest.Site(b, n, "../..")
			benchEdit(b, src, filepath.Join(src, "public"))
		})
	}
}

func benchEdit(b *testing.B, src, dest string) {
	bld := New(Options{Root: src, Destination: dest})
	if _, err := bld.Load(); err != nil {
		b.Fatal(err)
	}
	rel, doc := story(b, src)
	// The garbage of loading (and of story's reading every content file)
	// is collected once, not in the first edits: at 100,000 articles
	// marking the model's heap takes seconds of CPU.
	runtime.GC()
	file := filepath.Join(src, rel)
	was, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		if err := os.WriteFile(file, was, 0o644); err != nil {
			b.Error(err)
		}
	})
	dek := doc.Meta.Description
	var res Result
	var cpu time.Duration
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		// A dek in other words, and back: each edit gives the story words
		// it did not have and takes others away, as an editor's does.
		doc.Meta.Description = dek
		if i%2 == 0 {
			doc.Meta.Description = fmt.Sprintf("Harbour cranes stand idle as the dock strike enters week %d", i+1)
		}
		if err := os.WriteFile(file, content.Marshal(doc), 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		c := cputime.Used()
		var err error
		if res, err = bld.Apply([]string{rel}); err != nil {
			b.Fatal(err)
		}
		cpu += cputime.Used() - c
	}
	b.ReportMetric(cpu.Seconds()*1000/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(res.Rendered), "rendered")
	b.ReportMetric(float64(res.Written), "written")
}

// story returns the content file in the middle of the site's, by name,
// and its document.
func story(b *testing.B, root string) (string, *content.Document) {
	docs, err := content.Load(os.DirFS(root), "content")
	if err != nil {
		b.Fatal(err)
	}
	slices.SortFunc(docs, func(x, y *content.Document) int { return strings.Compare(x.Path, y.Path) })
	d := docs[len(docs)/2]
	return d.Path, d
}
