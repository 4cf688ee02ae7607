package markdown

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/t4k3news/digest/internal/content"
)

// contentBodies returns the bodies of the repository's articles, as the
// site's build reads them.
func contentBodies(tb testing.TB) [][]byte {
	tb.Helper()
	names, err := filepath.Glob("../../content/*.md")
	if err != nil || len(names) == 0 {
		tb.Fatalf("no content files: %v", err)
	}
	var bodies [][]byte
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		doc, err := content.Parse(name, data)
		if err != nil {
			tb.Fatal(err)
		}
		bodies = append(bodies, []byte(doc.Body))
	}
	return bodies
}
