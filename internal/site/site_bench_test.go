package site_test

import (
	"fmt"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/t4k3news/digest/bench/gen/corpus/corpustest"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/cputime"
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

// BenchmarkUpdate saves a new dek of one story again and again through
// Live.Update, sidebars complete, as watchbuild's BenchmarkEdit does, at
// two sizes of the generated corpus: the CPU an edit costs should not
// grow with the site.
func BenchmarkUpdate(b *testing.B) {
	for _, n := range []int{10000, 40000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			docs, err := content.Load(os.DirFS(corpustest.Site(b, n, "../..")), "content")
			if err != nil {
				b.Fatal(err)
			}
			routes, _ := route.New("https://example.com/")
			l, err := site.NewLive(docs, routes)
			if err != nil {
				b.Fatal(err)
			}
			l.Complete()
			runtime.GC() // not to count the collection of what loading left
			var cpu time.Duration
			for i := 0; b.Loop(); i++ {
				d := *docs[len(docs)/2]
				d.Meta.Description = fmt.Sprintf("A dek saved %d times", i+1)
				c := cputime.Used()
				if err := l.Update([]*content.Document{&d}, nil); err != nil {
					b.Fatal(err)
				}
				cpu += cputime.Used() - c
				if _, ok := l.Since(l.Mark() - 1); !ok {
					b.Fatal("a dek edit is a wide change")
				}
			}
			b.ReportMetric(cpu.Seconds()*1000/float64(b.N), "cpu-ms/op")
		})
	}
}
