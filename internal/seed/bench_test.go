package seed_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/t4k3news/digest/bench/gen/corpus/corpustest"
	"github.com/t4k3news/digest/internal/seed"
)

// BenchmarkParse parses 1,000 generated seeds.
func BenchmarkParse(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(corpustest.Seeds(b, 1000), "seeds", "*.txt"))
	data := make([][]byte, len(files))
	for i, f := range files {
		var err error
		if data[i], err = os.ReadFile(f); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for i, f := range files {
			if _, err := seed.Parse(f, data[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
}
