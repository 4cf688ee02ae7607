package check

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/t4k3news/digest/internal/build"
)

// TestRealSite builds the committed content as GitHub Pages would publish
// it, under a sub-path and at a root, and checks the result.
func TestRealSite(t *testing.T) {
	for _, baseURL := range []string{"https://example.github.io/digest/", "https://news.example.com/", "/"} {
		dest := filepath.Join(t.TempDir(), "public")
		if _, err := build.Build(build.Options{Source: os.DirFS("../.."), Destination: dest, BaseURL: baseURL}); err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{".nojekyll", "feed.xml", "atom.xml", "feed.json", "sitemap.xml", "news-sitemap.xml", "robots.txt", "404.html", "topics/ukraine/feed.xml"} {
			if _, err := os.Stat(filepath.Join(dest, f)); err != nil {
				t.Errorf("%s: %v", baseURL, err)
			}
		}
		problems, err := Site(dest, Options{Local: baseURL == "/"})
		if err != nil {
			t.Fatal(err)
		}
		if len(problems) > 0 {
			t.Errorf("%s:\n%s", baseURL, problems.Full())
		}
	}
}
