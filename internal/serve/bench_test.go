package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// manySite is a site of n articles: copies of one real article, each with
// its own slug, title and tags, so that topics and sidebars have work.
func manySite(b *testing.B, n int) string {
	b.Helper()
	root := newSite(b)
	data, err := os.ReadFile(filepath.Join(root, veto))
	if err != nil {
		b.Fatal(err)
	}
	tags := []string{"Ukraine", "Russia", "NATO", "EU", "China", "Kyiv", "Moscow", "Berlin"}
	for i := range n {
		text := strings.Replace(string(data), "slug: russia-seeks-veto-in-ukraine-security-guarantees", fmt.Sprintf("slug: copy-%05d", i), 1)
		text = strings.Replace(text, "title: Russia seeks veto", fmt.Sprintf("title: Story %d, Russia seeks veto", i), 1)
		text = strings.Replace(text, "  - China\n", fmt.Sprintf("  - %s\n  - Place %d\n", tags[i%len(tags)], i%300), 1)
		text = strings.Replace(text, "date: 2025-08-21T00:00:00Z", fmt.Sprintf("date: 2025-%02d-%02dT%02d:00:00Z", 1+i%12, 1+i%28, i%24), 1)
		if err := os.WriteFile(filepath.Join(root, "content", fmt.Sprintf("copy-%05d.md", i)), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return root
}

// BenchmarkReload measures the whole preview loop at 1,000 and 10,000
// articles: from a rename-style save of one content file (a new dek) to
// the reload event at an open page, through the file watcher (whose quiet
// time, watch.Quiet, is most of it), the engine and the event stream.
//
//	go test ./internal/serve -run '^$' -bench Reload -benchtime 50x
func BenchmarkReload(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			root := manySite(b, n)
			url := start(b, root)
			events := listen(b, url)
			path := filepath.Join(root, "content", "copy-00007.md")
			data, _ := os.ReadFile(path)
			i := 0
			for b.Loop() {
				i++
				text := strings.Replace(string(data), "description: Lavrov", fmt.Sprintf("description: Edit %d, Lavrov", i), 1)
				renameSave(b, path, text)
				await(b, events, "reload")
			}
		})
	}
}
