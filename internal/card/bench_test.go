package card

import (
	"fmt"
	"os"
	"testing"

	"github.com/t4k3news/digest/bench/gen/corpus/corpustest"
	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/cputime"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

// BenchmarkDraw draws and encodes the cards of the newest stories of a
// generated corpus of 1,000, on one goroutine: ns/op is the cold cost of
// a card on one core, which the issue bounds at 10 ms. KB/card is the
// PNG's average size (story cards at most 60 KB).
//
//	go test ./internal/card -run '^$' -bench Draw -benchtime 300x
func BenchmarkDraw(b *testing.B) {
	s := generated(b, 1000)
	c := config.Default()
	var stories, quotes []Spec
	for _, a := range s.Articles {
		for _, e := range ArticleEntries(c, a) {
			if e.Spec.Kind == StoryCard {
				stories = append(stories, e.Spec)
			} else {
				quotes = append(quotes, e.Spec)
			}
		}
	}
	for _, k := range []struct {
		name  string
		specs []Spec
	}{{"story", stories}, {"quote", quotes}} {
		b.Run(k.name, func(b *testing.B) {
			var bytes int
			i, cpu := 0, cputime.Used()
			for ; b.Loop(); i++ {
				data, err := k.specs[i%len(k.specs)].PNG()
				if err != nil {
					b.Fatal(err)
				}
				bytes += len(data)
			}
			b.ReportMetric(float64(bytes)/float64(i)/1000, "KB/card")
			b.ReportMetric(float64((cputime.Used()-cpu).Microseconds())/1000/float64(i), "cpu-ms/card")
		})
	}
}

// TestStorySize checks the average size of the story cards of the first
// 40 articles of a generated corpus against the 60 KB.
func TestStorySize(t *testing.T) {
	s := generated(t, 40)
	total, n := 0, 0
	for _, a := range s.Articles {
		data, err := ArticleEntries(config.Default(), a)[0].Spec.PNG()
		if err != nil {
			t.Fatal(err)
		}
		total += len(data)
		n++
	}
	if avg := total / n; avg > 60_000 {
		t.Errorf("story cards average %d bytes, want at most 60 KB", avg)
	} else {
		t.Logf("%d story cards, %d bytes on average", n, avg)
	}
}

func generated(tb testing.TB, n int) *site.Site {
	tb.Helper()
	dir := corpustest.Site(tb, n, "../..")
	docs, err := content.Load(os.DirFS(dir), "content")
	if err != nil {
		tb.Fatal(err)
	}
	routes, _ := route.New("/")
	s, err := site.New(docs, routes)
	if err != nil {
		tb.Fatal(fmt.Errorf("site: %w", err))
	}
	return s
}
