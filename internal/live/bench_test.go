package live

import (
	"fmt"
	"testing"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/live/livetest"
)

// BenchmarkEdit measures the preview loop after a one-file edit (a new dek
// for one article) in a generated site of 1,000 and 10,000 articles:
// "apply" is the time until the engine has the new site, when the server
// sends the reload event; "apply+page" adds rendering the edited article's
// page, which the reloading browser asks for first.
//
//	go test ./internal/live -run '^$' -bench Edit -benchtime 200x
func BenchmarkEdit(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		ts := livetest.New(b, "../..", n)
		e := New(Options{Root: ts.Root})
		if err := e.Load(); err != nil {
			b.Fatal(err)
		}
		d := ts.Pick()
		page := "news/" + d.Meta.Slug + "/index.html"
		for _, withPage := range []bool{false, true} {
			name := fmt.Sprintf("articles=%d/apply", n)
			if withPage {
				name += "+page"
			}
			b.Run(name, func(b *testing.B) {
				i := 0
				for b.Loop() {
					b.StopTimer()
					d.Meta.Description = fmt.Sprintf("%s %d", livetest.Phrase(ts.Rng, 8), i)
					i++
					p := ts.Write(d.Path, content.Marshal(d))
					b.StartTimer()
					if _, err := e.Apply([]string{p}); err != nil {
						b.Fatal(err)
					}
					if withPage {
						if _, err := e.File(page); err != nil {
							b.Fatal(err)
						}
					}
				}
			})
		}
	}
}
