package content_test

import (
	"fmt"
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
