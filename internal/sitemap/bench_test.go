package sitemap

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/cputime"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

var stories = flag.String("stories", "10000,40000", "sizes of the sites BenchmarkMemoEdit edits")

// benchDocs are n stories in 200 topics, one every 47 minutes.
func benchDocs(n int) []*content.Document {
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var docs []*content.Document
	for i := range n {
		date := start.Add(time.Duration(i) * 47 * time.Minute)
		docs = append(docs, &content.Document{Path: fmt.Sprintf("%d.md", i), Meta: content.Meta{
			Title: fmt.Sprintf("Story %d", i), Slug: fmt.Sprintf("story-%d", i), Date: date, Lastmod: date.Add(time.Duration(i%3) * time.Hour),
			Tags: []string{fmt.Sprintf("Topic %d", i%200), fmt.Sprintf("Topic %d", i*7%200)}}})
	}
	return docs
}

// BenchmarkMemoEdit writes the sitemaps with a memo after each edit of a
// story's dek in the middle of the site through site.Live, told what
// changed, as build --watch does, and reports the CPU an edit costs (the
// update of the model not counted):
//
//	go test ./internal/sitemap -run '^$' -bench MemoEdit -benchtime 50x
func BenchmarkMemoEdit(b *testing.B) {
	for _, f := range strings.Split(*stories, ",") {
		n, err := strconv.Atoi(f)
		if err != nil {
			b.Fatalf("-stories: %v", err)
		}
		b.Run(fmt.Sprintf("stories=%d", n), func(b *testing.B) {
			docs := benchDocs(n)
			routes, err := route.New("https://example.github.io/digest/")
			if err != nil {
				b.Fatal(err)
			}
			l, err := site.Publish{Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}.NewLive(docs, routes)
			if err != nil {
				b.Fatal(err)
			}
			l.Complete()
			c, memo := config.Default(), NewMemo()
			discard := func(string, []byte) error { return nil }
			if err := WriteMemo(c, l.Site(), memo, nil, discard); err != nil {
				b.Fatal(err)
			}
			d := *docs[n/2]
			var cpu time.Duration
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				mark := l.Mark()
				d.Meta.Description = fmt.Sprintf("A dek saved %d times", i+1)
				e := d
				if err := l.Update([]*content.Document{&e}, nil); err != nil {
					b.Fatal(err)
				}
				ch, _ := l.Since(mark)
				b.StartTimer()
				t := cputime.Used()
				if err := WriteMemo(c, l.Site(), memo, ch, discard); err != nil {
					b.Fatal(err)
				}
				cpu += cputime.Used() - t
			}
			b.ReportMetric(cpu.Seconds()*1000/float64(b.N), "cpu-ms/op")
		})
	}
}
