package convert_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/t4k3news/digest/bench/gen/corpus/corpustest"
	"github.com/t4k3news/digest/internal/convert"
)

// BenchmarkRun converts a generated corpus: "fresh" into an empty
// content folder, "unchanged" over its own earlier output, and "saved" the
// one seed that an editor saved, as serve and build --watch do.
//
//	go test ./internal/convert -run '^$' -bench Run/n=.*/saved
func BenchmarkRun(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("n=%d/fresh", n), func(b *testing.B) {
			dir := corpustest.Seeds(b, n)
			for b.Loop() {
				b.StopTimer()
				if err := os.RemoveAll(filepath.Join(dir, "content")); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				run(b, dir, n)
			}
		})
		b.Run(fmt.Sprintf("n=%d/saved", n), func(b *testing.B) { benchSaved(b, n, nil) })
		// As serve and build --watch convert a saved seed: with a Memo of
		// the content files, kept from one save to the next.
		b.Run(fmt.Sprintf("n=%d/saved-memo", n), func(b *testing.B) { benchSaved(b, n, convert.NewMemo()) })
		b.Run(fmt.Sprintf("n=%d/unchanged", n), func(b *testing.B) {
			dir := corpustest.Seeds(b, n)
			run(b, dir, n)
			for b.Loop() {
				run(b, dir, 0)
			}
		})
	}
}

func run(b *testing.B, dir string, written int) {
	rep, err := convert.Run(convert.Options{Source: dir, Date: corpustest.Date})
	if err != nil {
		b.Fatal(err)
	}
	if len(rep.Written) != written {
		b.Fatalf("%d files written, want %d", len(rep.Written), written)
	}
}

// benchSaved converts one seed of n, saved again before each run, with memo.
func benchSaved(b *testing.B, n int, memo *convert.Memo) {
	dir := corpustest.Seeds(b, n)
	run(b, dir, n)
	seeds, err := filepath.Glob(filepath.Join(dir, "seeds", "*.txt"))
	if err != nil || len(seeds) == 0 {
		b.Fatal(seeds, err)
	}
	saved := seeds[len(seeds)/2]
	data, err := os.ReadFile(saved)
	if err != nil {
		b.Fatal(err)
	}
	rel, _ := filepath.Rel(dir, saved)
	if memo != nil { // filled as by an earlier save, once the files have settled
		time.Sleep(3 * time.Second)
		if _, err := convert.Run(convert.Options{Source: dir, Date: corpustest.Date, Seeds: []string{filepath.ToSlash(rel)}, Memo: memo}); err != nil {
			b.Fatal(err)
		}
	}
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		if err := os.WriteFile(saved, fmt.Appendf(data, "\nSaved %d times.\n", i+1), 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		rep, err := convert.Run(convert.Options{Source: dir, Date: corpustest.Date, Seeds: []string{filepath.ToSlash(rel)}, Memo: memo})
		if err != nil || len(rep.Written) != 1 {
			b.Fatalf("%v: %d files written, want 1", err, len(rep.Written))
		}
	}
}
