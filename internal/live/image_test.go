package live

import (
	"strings"
	"testing"

	"github.com/t4k3news/digest/internal/live/livetest"
)

// TestImages edits a story's image and the image files under the
// preview: a new image in content/, a story naming it, the image resized,
// a story naming a missing one (an error, the last good site kept), and
// each time the engine serves what a fresh build writes.
func TestImages(t *testing.T) {
	ts := livetest.New(t, "../..", 4)
	e := New(Options{Root: ts.Root})
	if err := e.Load(); err != nil {
		t.Fatal(err)
	}
	svg := func(w, h string) []byte {
		return []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="` + w + `" height="` + h + `"></svg>`)
	}
	apply := func(step string, paths ...string) error {
		t.Helper()
		_, err := e.Apply(paths)
		return err
	}
	ts.Write("content/pics/a.svg", svg("640", "360"))
	if err := apply("new image", "content/pics/a.svg"); err != nil {
		t.Fatal(err)
	}
	d := ts.Pick()
	d.Meta.Image, d.Meta.ImageAlt = "pics/a.svg", "A test image"
	if err := apply("story names it", ts.Save(d)); err != nil {
		t.Fatal(err)
	}
	compare(t, e, ts, "story names it")
	page := "news/" + d.Meta.Slug + "/index.html"
	if data, _ := e.File(page); !strings.Contains(string(data), `<img src="/pics/a.svg" alt="A test image" width="640" height="360"`) {
		t.Errorf("the story's page has no lead image of 640×360")
	}

	ts.Write("content/pics/a.svg", svg("320", "200"))
	if err := apply("resized", "content/pics/a.svg"); err != nil {
		t.Fatal(err)
	}
	compare(t, e, ts, "resized")
	if data, _ := e.File(page); !strings.Contains(string(data), `width="320" height="200"`) {
		t.Errorf("after resizing, the page does not give the new size")
	}

	d.Meta.Image = "pics/gone.svg"
	if err := apply("missing", ts.Save(d)); err == nil || !strings.Contains(err.Error(), `image "pics/gone.svg": no such image in static/ or content/`) {
		t.Errorf("a missing image: err = %v", err)
	}
	d.Meta.Image = "pics/a.svg"
	if err := apply("fixed", ts.Save(d)); err != nil {
		t.Fatal(err)
	}
	compare(t, e, ts, "fixed")

	// A file of static/ at the path of a page the site makes: the preview
	// gives the error a build gives, not one of the two files.
	page = "news/" + ts.Pick().Meta.Slug + "/index.html"
	if err := apply("clash", ts.Write("static/"+page, []byte("mine"))); err != nil {
		t.Fatal(err)
	}
	if _, err := e.File(page); err == nil || err.Error() != "static/"+page+": the site makes "+page+" itself; move or rename this file" {
		t.Errorf("a static file at a page's path: err = %v", err)
	}
	if err := apply("clash gone", ts.Remove("static/"+page)); err != nil {
		t.Fatal(err)
	}
	compare(t, e, ts, "clash gone")
}
