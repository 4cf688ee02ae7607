package plan_test

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/live/livetest"
	"github.com/t4k3news/digest/internal/plan"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

// TestSumMemo edits a site at random through site.Live, which keeps the
// articles not edited and their sidebars current, and checks after each
// edit that every story's Sum with a memo of the sidebars summed before is
// its Sum without, and every card's Key too: a memo that kept a sidebar's
// sum, or a card's key, past a change shows. Most models have the change
// since the last (plan.Model.Change), as build --watch's do.
func TestSumMemo(t *testing.T) {
	ts := livetest.New(t, "../..", 60)
	docs := slices.SortedFunc(maps.Values(ts.Docs), func(a, b *content.Document) int { return strings.Compare(a.Path, b.Path) })
	routes, err := route.New("/")
	if err != nil {
		t.Fatal(err)
	}
	l, err := site.NewLive(docs, routes)
	if err != nil {
		t.Fatal(err)
	}
	l.Complete()
	c, memo := config.Default(), plan.NewSumMemo()
	for step := range 40 {
		mark := l.Mark()
		if step > 0 {
			d := *docs[ts.Rng.IntN(len(docs))]
			switch step % 3 {
			case 0: // its related titles may name another story
				d.Meta.Title = docs[ts.Rng.IntN(len(docs))].Meta.Title + " again"
			case 1:
				d.Meta.Tags = docs[ts.Rng.IntN(len(docs))].Meta.Tags
			default:
				d.Meta.Related = append(slices.Clone(d.Meta.Related), docs[ts.Rng.IntN(len(docs))].Meta.Title)
			}
			if err := l.Update([]*content.Document{&d}, nil); err != nil {
				t.Fatal(err)
			}
			docs[slices.IndexFunc(docs, func(x *content.Document) bool { return x.Path == d.Path })] = &d
		}
		with, without := &plan.Model{Config: c, Site: l.Site(), Sums: memo}, &plan.Model{Config: c, Site: l.Site()}
		if ch, ok := l.Since(mark); ok && step%3 != 0 {
			with.Change = ch // the memo forgets the stories gone
		}
		for _, a := range l.Site().Articles {
			r := plan.Reads{Article: a}
			if got, want := with.Sum(&r), without.Sum(&r); got != want {
				t.Fatalf("step %d: %s: Sum %x with the memo, %x without", step, a.Path, got, want)
			}
		}
		withKeys, withoutKeys := plan.List(with), plan.List(without)
		cards := 0
		for i, e := range withoutKeys {
			if e.Key == nil {
				continue
			}
			cards++
			if got, want := withKeys[i].Key(), e.Key(); got != want {
				t.Fatalf("step %d: %s: Key %s with the memo, %s without", step, e.Paths, got, want)
			}
		}
		if cards == 0 {
			t.Fatalf("step %d: no cards", step)
		}
	}
}
