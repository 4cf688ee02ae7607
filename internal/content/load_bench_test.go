package content_test

import (
	"fmt"
	"io/fs"
	"os"
	"testing"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/gen/gentest"
)

// BenchmarkLoad reads and parses the content files of a generated site.
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			fsys := os.DirFS(gentest.Site(b, n, "../.."))
			for b.Loop() {
				docs, err := content.Load(fsys, "content")
				if err != nil || len(docs) != n {
					b.Fatalf("%d documents, error %v", len(docs), err)
				}
			}
		})
	}
}

// BenchmarkParse parses the 1,000 content files of a generated site, read
// into memory beforehand, on one goroutine.
func BenchmarkParse(b *testing.B) {
	fsys := os.DirFS(gentest.Site(b, 1000, "../.."))
	names, err := fs.Glob(fsys, "content/*.md")
	if err != nil || len(names) != 1000 {
		b.Fatalf("%d files, error %v", len(names), err)
	}
	files := make([][]byte, len(names))
	for i, name := range names {
		if files[i], err = fs.ReadFile(fsys, name); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for i, data := range files {
			if _, err := content.Parse(names[i], data); err != nil {
				b.Fatal(err)
			}
		}
	}
}
