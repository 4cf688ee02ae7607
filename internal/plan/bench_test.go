package plan_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/t4k3news/digest/bench/gen/corpus/corpustest"
	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/cputime"
	"github.com/t4k3news/digest/internal/live/livetest"
	"github.com/t4k3news/digest/internal/load"
	"github.com/t4k3news/digest/internal/plan"
	"github.com/t4k3news/digest/internal/route"
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

// BenchmarkChanged measures what build --watch spends in this package
// after an edit of one story (a new dek) in a site of 10,000 and 40,000
// generated stories: listing the entries the change touches
// (plan.Changed) and summing them (Model.Sum, or Key for a card), as the
// engine's Render does before it renders those picked. The model's
// update is not timed. "pages=made" takes the change as site.Live reports
// it; "pages=showing" keeps of its pages only those that show the story
// edited, the others being made again with what they showed before.
//
//	go test ./internal/plan -run '^$' -bench Changed -benchtime 20x
func BenchmarkChanged(b *testing.B) {
	for _, n := range []int{10000, 40000} {
		rng := rand.New(rand.NewPCG(uint64(n), 9))
		titles := make([]string, n)
		for i := range titles {
			titles[i] = livetest.Phrase(rng, 6) + fmt.Sprintf(" %d", i)
		}
		docs := make([]*content.Document, n)
		date := time.Date(2025, 8, 21, 0, 0, 0, 0, time.UTC)
		for i := range docs {
			docs[i] = livetest.Generated(rng, i, titles, date.Add(-time.Duration(i)*time.Hour))
			docs[i].Path = "content/" + docs[i].Meta.Slug + ".md"
		}
		routes, err := route.New("/")
		if err != nil {
			b.Fatal(err)
		}
		l, err := site.NewLive(docs, routes)
		if err != nil {
			b.Fatal(err)
		}
		l.Complete()
		c, memo := config.Default(), plan.NewSumMemo()
		saves := 0
		save := func() *site.Change { // a new dek for the story in the middle
			saves++
			d := *docs[n/2]
			d.Meta.Description = fmt.Sprintf("A dek saved %d times", saves)
			docs[n/2] = &d
			mark := l.Mark()
			if err := l.Update([]*content.Document{&d}, nil); err != nil {
				b.Fatal(err)
			}
			ch, ok := l.Since(mark)
			if !ok {
				b.Fatal("a new dek is a wide change")
			}
			return ch
		}
		save() // the first update after Complete makes again more sidebars than the next
		for _, pages := range []string{"made", "showing"} {
			b.Run(fmt.Sprintf("stories=%d/pages=%s", n, pages), func(b *testing.B) {
				var cpu time.Duration
				listed := 0
				for b.Loop() {
					b.StopTimer()
					ch := save()
					if pages == "showing" {
						ch = showing(ch)
					}
					b.StartTimer()
					used := cputime.Used()
					m := &plan.Model{Config: c, Site: l.Site(), Sums: memo, Change: ch}
					listing := plan.Changed(m)
					for _, e := range listing.Entries {
						if e.Key != nil {
							e.Key()
						} else {
							m.Sum(&e.Reads)
						}
					}
					cpu += cputime.Used() - used
					listed = len(listing.Entries)
				}
				b.ReportMetric(cpu.Seconds()*1000/float64(b.N), "cpu-ms/op")
				b.ReportMetric(float64(listed), "listed")
			})
		}
	}
}

// showing returns c with only the pages that show one of its stories.
func showing(c *site.Change) *site.Change {
	out := *c
	out.Pages = slices.DeleteFunc(slices.Clone(c.Pages), func(p *site.ListPage) bool {
		return !slices.ContainsFunc(p.Articles, func(a *site.Article) bool { return slices.Contains(c.Stories, a) })
	})
	out.GonePages = nil // a new dek moves no page
	return &out
}
