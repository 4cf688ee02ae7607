package check

import (
	"bytes"
	"image"
	"image/png"
	"testing"
	"testing/fstest"
)

func pngOf(t *testing.T, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func ogImage(url, w, h string) string {
	return `<meta property="og:image" content="` + url + `">
<meta property="og:image:width" content="` + w + `">
<meta property="og:image:height" content="` + h + `">`
}

func TestShareImages(t *testing.T) {
	tests := []struct {
		name, meta, want string
	}{
		{"good", ogImage(base+"card.png", "1200", "630"), ""},
		{"relative", ogImage("/digest/card.png", "1200", "630"), `index.html:12: og:image "/digest/card.png" is not an absolute URL` + "\n"},
		{"missing", ogImage(base+"news/a/card.png", "1200", "630"), "index.html:12: og:image " + base + "news/a/card.png does not resolve to an image of the site\n"},
		{"not a PNG", ogImage(base+"style.css", "1200", "630"), "index.html:12: og:image " + base + "style.css: not a PNG file\n"},
		{"wrong size", ogImage(base+"card.png", "1080", "1080"), "index.html:12: og:image " + base + "card.png is 1200×630, the page says 1080×1080\n"},
		{"relative twitter:image", ogImage(base+"card.png", "1200", "630") + `<meta name="twitter:image" content="card.png">`, `index.html:14: twitter:image "card.png" is not an absolute URL` + "\n"},
		{"no size", `<meta property="og:image" content="` + base + `card.png">`, "index.html:12: og:image " + base + "card.png is 1200×630, the page says ×\n"},
	}
	for _, tt := range tests {
		fsys := goodSite()
		fsys["card.png"] = &fstest.MapFile{Data: pngOf(t, 1200, 630)}
		fsys["index.html"] = &fstest.MapFile{Data: []byte(page("", tt.meta+"\n"+`<a href="/digest/news/a/">A</a>`))}
		problems, err := FS(fsys, Options{})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := problems.Full(); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}
