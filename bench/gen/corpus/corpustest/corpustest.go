// Package corpustest makes generated sites for tests and benchmarks: a corpus
// from bench/gen/corpus, converted to content files, beside the repository's
// templates, static files and site config.
package corpustest

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/t4k3news/digest/bench/gen/corpus"
	"github.com/t4k3news/digest/internal/convert"
)

// Date stamps every generated article, so the digest is in seed order.
var Date = time.Date(2025, 8, 21, 0, 0, 0, 0, time.UTC)

// Seeds writes the corpus of n articles (seed 1) into a new temporary
// folder of tb and returns the folder, which holds seeds/.
func Seeds(tb testing.TB, n int) string {
	tb.Helper()
	dir := tb.TempDir()
	if err := corpus.New(corpus.Options{Count: n, Seed: 1}).Write(dir); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// Site returns a temporary site folder with the corpus of n articles
// converted into content/, and templates/, static/ and digest.yaml copied
// from root, the repository's root folder (for a package's tests,
// "../.."; "../../../.." from here).
func Site(tb testing.TB, n int, root string) string {
	tb.Helper()
	dir := Seeds(tb, n)
	if _, err := convert.Run(convert.Options{Source: dir, Date: Date}); err != nil {
		tb.Fatal(err)
	}
	for _, d := range []string{"templates", "static"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join(root, d))); err != nil {
			tb.Fatal(err)
		}
	}
	if data, err := os.ReadFile(filepath.Join(root, "digest.yaml")); err == nil {
		if err := os.WriteFile(filepath.Join(dir, "digest.yaml"), data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}
