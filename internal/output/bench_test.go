package output

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// benchFile is a page of the benchmark's site.
type benchFile struct {
	rel  string
	data []byte
}

// benchSite is 10,000 pages of about 15 KB in 100 sections, made ahead so
// that the benchmark counts only the package's allocations.
func benchSite() []benchFile {
	body := strings.Repeat("<p>Some newsroom copy, rendered.</p>\n", 400)
	var s []benchFile
	for i := range 10000 {
		s = append(s, benchFile{
			rel:  fmt.Sprintf("s%02d/p%05d.html", i%100, i),
			data: fmt.Appendf(nil, "<h1>%d</h1>\n%s", i, body),
		})
	}
	return s
}

// writeBench writes s from the given number of goroutines.
func writeBench(b *testing.B, w *Writer, s []benchFile, workers int) {
	var wg sync.WaitGroup
	for k := range workers {
		wg.Go(func() {
			for i := k; i < len(s); i += workers {
				if err := w.WriteFile(s[i].rel, s[i].data); err != nil {
					b.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
}

func BenchmarkCommit(b *testing.B) {
	s := benchSite()
	workers := runtime.GOMAXPROCS(0)
	run := func(b *testing.B, dest string) Stats {
		w, err := Begin(dest)
		if err != nil {
			b.Fatal(err)
		}
		writeBench(b, w, s, workers)
		st, err := w.Commit()
		if err != nil {
			b.Fatal(err)
		}
		return st
	}
	b.Run("fresh", func(b *testing.B) {
		dir := b.TempDir()
		b.SetBytes(15 << 10 * 10000)
		for i := 0; b.Loop(); i++ {
			dest := filepath.Join(dir, fmt.Sprint(i))
			if st := run(b, dest); st.Written != len(s) {
				b.Fatalf("stats %+v", st)
			}
			b.StopTimer()
			os.RemoveAll(dest)
			b.StartTimer()
		}
	})
	b.Run("unchanged", func(b *testing.B) {
		dest := filepath.Join(b.TempDir(), "public")
		run(b, dest)
		run(b, dest) // both trees exist from here on
		b.SetBytes(15 << 10 * 10000)
		for b.Loop() {
			if st := run(b, dest); st.Unchanged != len(s) {
				b.Fatalf("stats %+v", st)
			}
		}
	})
}
