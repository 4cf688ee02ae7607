package content_test

import (
	"fmt"
	"io/fs"
	"os"
	"testing"
	"time"

	"github.com/t4k3news/digest/bench/gen/corpus/corpustest"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/cputime"
)

// BenchmarkLoad reads and parses the content files of a generated site.
// It reports the CPU time of the process as cpu-ns/op: Load works on every
// CPU, and other jobs share the machine.
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			fsys := os.DirFS(corpustest.Site(b, n, "../.."))
			cpu := cputime.Used()
			for b.Loop() {
				docs, err := content.Load(fsys, "content")
				if err != nil || len(docs) != n {
					b.Fatalf("%d documents, error %v", len(docs), err)
				}
			}
			reportCPU(b, cpu)
		})
	}
}

// BenchmarkParse parses the 1,000 content files of a generated site, read
// into memory beforehand, on one goroutine.
func BenchmarkParse(b *testing.B) {
	fsys := os.DirFS(corpustest.Site(b, 1000, "../.."))
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
	cpu := cputime.Used()
	for b.Loop() {
		for i, data := range files {
			if _, err := content.Parse(names[i], data); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportCPU(b, cpu)
}

// reportCPU reports the CPU time used since start as cpu-ns/op.
func reportCPU(b *testing.B, start time.Duration) {
	if cpu := cputime.Used() - start; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}
