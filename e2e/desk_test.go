package e2e

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/t4k3news/digest/internal/build"
)

// deskSource is a small site with what an editor adds by hand: a story
// with a lead image and one in its body, a correction and two bylines,
// an author's bio, a topic's title and description, and a menu.
var deskSource = map[string]string{
	"digest.yaml": `title: T4K3.news
baseURL: /
authors:
  - name: Anna Virtanen
    bio: Covers the Baltic ports.
topics:
  - name: Ports
    title: Ports and shipping
    description: The Baltic's ports, their ships and their cargo.
menu:
  - label: Ports
    topic: Ports
  - label: Archive
    url: archive/
`,
	"content/port.md": `---
title: Helsinki port reopens after the strike
slug: port-reopens
date: 2025-08-22T09:00:00Z
lastmod: 2025-08-23T10:00:00Z
description: Cranes moved again on Monday, a week after the strike began.
image: images/port.png
imageAlt: Cranes over container stacks at Vuosaari harbour
authors: [Anna Virtanen, Ben Okafor]
tags: [Ports, Helsinki]
corrections:
  - date: 2025-08-23T10:00:00Z
    text: An earlier version gave the wrong date for the start of the strike.
---

The port of Helsinki reopened on Monday after a week-long strike.

![A bar chart of containers handled each day](/photos/chart.png)

Dockers returned to work after the union accepted the offer.
`,
	"content/ferry.md": `---
title: Ferry line adds a winter route
slug: ferry-route
date: 2025-08-21T09:00:00Z
description: A second ship will sail to Tallinn through the winter.
authors: [Anna Virtanen]
tags: [Ports]
---

The ferry line will run a second ship to Tallinn this winter.
`,
}

// deskImages are the site's image files and their sizes: the lead image in
// static/, the body's in content/.
var deskImages = map[string][2]int{"static/images/port.png": {1200, 800}, "content/photos/chart.png": {900, 300}}

// deskSite builds deskSource with the repository's templates and static
// files, serves it on loopback and returns its URL, without a trailing
// slash.
func deskSite(t *testing.T) string {
	t.Helper()
	needBrowser(t)
	root := t.TempDir()
	for _, dir := range []string{"templates", "static"} {
		if err := os.CopyFS(filepath.Join(root, dir), os.DirFS(filepath.Join(repoRoot, dir))); err != nil {
			t.Fatal(err)
		}
	}
	write := func(name string, data []byte) {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, text := range deskSource {
		write(name, []byte(text))
	}
	for name, size := range deskImages {
		img := image.NewRGBA(image.Rect(0, 0, size[0], size[1]))
		for y := range size[1] {
			for x := range size[0] {
				img.Set(x, y, color.RGBA{uint8(x), uint8(y), 120, 255})
			}
		}
		var b bytes.Buffer
		if err := png.Encode(&b, img); err != nil {
			t.Fatal(err)
		}
		write(name, b.Bytes())
	}
	public := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(build.Options{Source: os.DirFS(root), Destination: public}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(public)))
	t.Cleanup(srv.Close)
	return srv.URL
}

// imageBox is how the page lays out an image.
type imageBox struct {
	Loaded                          bool
	NaturalWidth, Width, Height     float64
	AttrWidth, AttrHeight           string
	Column                          float64
	Loading, FetchPriority, Decoded string
}

const measureImage = `(sel => {
	const img = document.querySelector(sel);
	if (!img) return null;
	const r = img.getBoundingClientRect();
	return {loaded: img.complete && img.naturalWidth > 0, naturalWidth: img.naturalWidth,
		width: r.width, height: r.height,
		attrWidth: img.getAttribute("width") ?? "", attrHeight: img.getAttribute("height") ?? "",
		column: img.closest(".story").clientWidth,
		loading: img.loading, fetchPriority: img.fetchPriority, decoded: img.decoding};
})(%q)`

// TestDeskStory opens a story with a lead image, an image in its body, a
// correction and two bylines, at a phone's width and a laptop's: the
// images load, keep their proportions, fit the column and shift nothing;
// the correction and the update show; a byline leads to the author's page.
func TestDeskStory(t *testing.T) {
	base := deskSite(t)
	tb := newTab(t)
	for _, w := range widths {
		tb.viewport(w, 800)
		tb.openURL(base + "/news/port-reopens/")
		lead := eval[imageBox](tb, fmt.Sprintf(measureImage, ".lead-image img"))
		if !lead.Loaded || lead.NaturalWidth != 1200 || lead.AttrWidth != "1200" || lead.AttrHeight != "800" {
			t.Errorf("%dpx: lead image %+v, want 1200×800, loaded, with its size", w, lead)
		}
		if lead.Width > lead.Column+0.5 || lead.Width < lead.Column*0.9 {
			t.Errorf("%dpx: lead image %.0fpx wide in a %.0fpx column", w, lead.Width, lead.Column)
		}
		if ratio := lead.Height / lead.Width; ratio < 0.66 || ratio > 0.68 {
			t.Errorf("%dpx: lead image %.0f×%.0f, not in its 3:2 proportion", w, lead.Width, lead.Height)
		}
		if lead.Loading == "lazy" || lead.FetchPriority != "high" {
			t.Errorf("%dpx: lead image loading %q, fetchpriority %q; want it fetched first", w, lead.Loading, lead.FetchPriority)
		}
		body := eval[imageBox](tb, fmt.Sprintf(measureImage, ".story-body img"))
		if body.Loading != "lazy" || body.Width > body.Column+0.5 {
			t.Errorf("%dpx: body image %+v, want lazy and within the column", w, body)
		}
		if shift := eval[float64](tb, `new Promise(done => new PerformanceObserver((list, obs) => {
			obs.disconnect(); done(list.getEntries().reduce((s, e) => s + e.value, 0));
		}).observe({type: "layout-shift", buffered: true}) || setTimeout(() => done(0), 500))`); shift > 0.01 {
			t.Errorf("%dpx: layout shift %.3f as the page loaded", w, shift)
		}
		if over := eval[bool](tb, `document.documentElement.scrollWidth > document.documentElement.clientWidth`); over {
			t.Errorf("%dpx: the page scrolls sideways", w)
		}
	}
	if got := text(tb, ".corrections li"); !strings.Contains(got, "An earlier version gave the wrong date") || !strings.Contains(got, "23 August 2025") {
		t.Errorf("corrections note: %q", got)
	}
	if got := text(tb, ".updated"); !strings.HasPrefix(got, "Updated 23 August 2025") {
		t.Errorf("updated line: %q", got)
	}
	if got := tb.click(`//p[@class="byline"]//a[normalize-space()="Anna Virtanen"]`); got != "/authors/anna-virtanen/" {
		t.Fatalf("the byline opened %s, want the author's page", got)
	}
	if h1 := text(tb, "h1"); h1 != "Anna Virtanen" {
		t.Errorf("author page h1 %q", h1)
	}
	if bio := text(tb, "main .dek"); bio != "Covers the Baltic ports." {
		t.Errorf("author page bio %q", bio)
	}
	if got := tb.click(`//main//a[normalize-space()="Ferry line adds a winter route"]`); got != "/news/ferry-route/" {
		t.Errorf("the author's story opened %s", got)
	}
	if got := tb.click(`//nav[@aria-label="Sections"]//a[normalize-space()="Ports"]`); got != "/topics/ports/" {
		t.Fatalf("the menu's topic opened %s", got)
	}
	if h1, dek := text(tb, "h1"), text(tb, "main .dek"); h1 != "Ports and shipping" || dek != "The Baltic's ports, their ships and their cargo." {
		t.Errorf("topic page: h1 %q, description %q", h1, dek)
	}
}

// TestDeskAxe runs axe on the desk site's story, author, topic and front
// pages, in light and dark mode.
func TestDeskAxe(t *testing.T) {
	script, err := os.ReadFile(axePath)
	if err != nil {
		missing(t, fmt.Errorf("axe-core not installed (run npm ci in e2e/): %w", err))
	}
	base := deskSite(t)
	tb := newTab(t)
	for _, scheme := range []string{"light", "dark"} {
		tb.colorScheme(scheme)
		for _, p := range []string{"/news/port-reopens/", "/authors/anna-virtanen/", "/topics/ports/", "/"} {
			tb.openURL(base + p)
			eval[bool](tb, string(script)+";true")
			res := eval[axeResult](tb, axeRun)
			if res.Passes == 0 {
				t.Errorf("%s: axe checked nothing", p)
			}
			for _, v := range res.Violations {
				var where []string
				for _, n := range v.Nodes {
					where = append(where, fmt.Sprint(n.Target)+": "+n.Summary)
				}
				t.Errorf("%s (%s mode): %s %s: %s\n\t%s", p, scheme, v.Impact, v.ID, v.Help, strings.Join(where, "\n\t"))
			}
		}
	}
}
