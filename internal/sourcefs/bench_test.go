package sourcefs_test

import (
	"io/fs"
	"os"
	"testing"

	"github.com/t4k3news/digest/bench/gen/corpus/corpustest"
	"github.com/t4k3news/digest/internal/sourcefs"
)

// BenchmarkRead reads the 10,000 content files of a generated site through
// os.DirFS and through sourcefs, which looks at each file before opening
// it: the cost of the looks.
func BenchmarkRead(b *testing.B) {
	dir := corpustest.Site(b, 10000, "../..")
	src, err := sourcefs.New(dir, sourcefs.Limits{})
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		fsys fs.FS
	}{{"dirfs", os.DirFS(dir)}, {"sourcefs", src}} {
		b.Run(tc.name, func(b *testing.B) {
			names, err := fs.Glob(tc.fsys, "content/*.md")
			if err != nil || len(names) != 10000 {
				b.Fatalf("%d files, %v", len(names), err)
			}
			for b.Loop() {
				for _, n := range names {
					if _, err := fs.ReadFile(tc.fsys, n); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
