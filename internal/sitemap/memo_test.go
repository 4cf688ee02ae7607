package sitemap

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

// TestMemo edits a site at random through site.Live, which keeps the
// articles not edited, and checks after each edit that the sitemaps laid
// out with a memo are byte for byte those of a fresh site: a memo that
// kept a story's or a numbered page's entry past an edit, or left it in
// its old place, shows. Most layouts are told what changed since the
// last (site.Live.Since); some since an older one, as after a write that
// failed, which repeats what the memo applied; some nothing. A part's
// key must stand for its bytes.
func TestMemo(t *testing.T) {
	defer func(n int) { maxURLs = n }(maxURLs)
	maxURLs = 40 // split, too
	routes, err := route.New("https://example.github.io/digest/")
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(5, 6))
	start := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	var docs []*content.Document
	for i := range 60 {
		docs = append(docs, memoDoc(r, i, start))
	}
	pub := site.Publish{Now: now}
	l, err := pub.NewLive(docs, routes)
	if err != nil {
		t.Fatal(err)
	}
	l.Site().SetPagerSize(3)
	l.Complete() // else every change is wide
	c := config.Default()
	memo := NewMemo()
	keys := make(map[string][]byte) // the bytes of each part's key
	mark, told := l.Mark(), 0
	for step := range 300 {
		if step > 0 {
			for k := range 1 + r.IntN(3) {
				update, remove := memoEditSite(r, &docs, step*4+k, start)
				if err := l.Update(update, remove); err != nil {
					t.Fatal(err)
				}
			}
		}
		var ch *site.Change
		if c, ok := l.Since(mark); ok && r.IntN(8) > 0 {
			ch, told = c, told+1
		}
		got := make(map[string][]byte)
		emit := func(f string, data []byte) error { got[f] = bytes.Clone(data); return nil }
		lay := Lay(l.Site(), memo, ch)
		for i := range lay.Parts() {
			p := lay.Part(i)
			if old, ok := keys[p.Key]; ok && !bytes.Equal(old, p.Data) {
				t.Fatalf("step %d: %s has the key of other bytes", step, p.File)
			}
			keys[p.Key] = bytes.Clone(p.Data)
			emit(p.File, p.Data)
		}
		if err := lay.Write(c, emit); err != nil {
			t.Fatal(err)
		}
		if r.IntN(4) > 0 { // else the write failed: the next change repeats this one
			mark = l.Mark()
		}
		fresh, err := pub.New(slices.Clone(docs), routes)
		if err != nil {
			t.Fatal(err)
		}
		fresh.SetPagerSize(3)
		want := writeSite(t, fresh)
		if len(got) != len(want) {
			t.Fatalf("step %d: %d files, a fresh site's %d", step, len(got), len(want))
		}
		for f := range want {
			if !bytes.Equal(got[f], want[f]) {
				t.Fatalf("step %d (told the change: %v): %s differs from a fresh site's:\n%s\nwant\n%s", step, ch != nil, f, got[f], want[f])
			}
		}
	}
	if told < 100 {
		t.Errorf("told the change %d times of 300", told)
	}
}

// memoDoc is story i, of one or two of three topics, with a date and
// last change at random.
func memoDoc(r *rand.Rand, i int, start time.Time) *content.Document {
	slug := fmt.Sprintf("s%d", i)
	tags := []string{[]string{"Ukraine", "NATO", "Russia"}[r.IntN(3)]}
	if r.IntN(2) == 0 {
		tags = append(tags, "Defence")
	}
	date := start.Add(time.Duration(r.IntN(24*90)) * time.Hour)
	d := &content.Document{Path: slug + ".md", Meta: content.Meta{Title: slug, Slug: slug, Date: date, Tags: tags}}
	if r.IntN(3) == 0 {
		d.Meta.Lastmod = date.Add(time.Duration(r.IntN(48)) * time.Hour)
	}
	return d
}

// memoEditSite changes a random story's last change, date or topics,
// removes one or adds one, in docs, and returns the update for site.Live.
func memoEditSite(r *rand.Rand, docs *[]*content.Document, step int, start time.Time) ([]*content.Document, []string) {
	i := r.IntN(len(*docs))
	d := *(*docs)[i]
	switch r.IntN(5) {
	case 0:
		d.Meta.Lastmod = d.Meta.Date.Add(time.Duration(r.IntN(24*30)) * time.Hour)
	case 1:
		d.Meta.Date = d.Meta.Date.Add(time.Duration(r.IntN(24*20)-24*10) * time.Hour)
	case 2:
		d.Meta.Tags = memoDoc(r, 0, start).Meta.Tags
	case 3:
		*docs = slices.Delete(*docs, i, i+1)
		return nil, []string{d.Path}
	default:
		n := memoDoc(r, 1000+step, start)
		*docs = append(*docs, n)
		return []*content.Document{n}, nil
	}
	(*docs)[i] = &d
	return []*content.Document{&d}, nil
}
