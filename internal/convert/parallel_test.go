package convert

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/t4k3news/digest/internal/diag"
)

// TestOrder converts many seeds that want the same slug, some of them bad:
// slugs, warnings, errors and the report follow the seeds' names, as if
// they were converted one after the other.
func TestOrder(t *testing.T) {
	seeds := map[string]string{}
	var wantWarn, wantErr strings.Builder
	var wantWritten []string
	for i := range 60 {
		name := fmt.Sprintf("s%02d.txt", i)
		if i%7 == 3 {
			seeds[name] = "\n"
			fmt.Fprintf(&wantErr, "seeds/%s: empty seed\n", name)
			continue
		}
		seeds[name] = seedA
		slug := "first-headline"
		if n := len(wantWritten); n > 0 {
			slug = fmt.Sprintf("first-headline-%d", n+1)
			fmt.Fprintf(&wantWarn, "seeds/%s: slug \"first-headline\" is taken by seeds/s00.txt; using %q\n", name, slug)
		}
		wantWritten = append(wantWritten, "content/"+slug+".md")
	}
	dir := site(t, seeds)
	r, err := Run(Options{Source: dir, Date: testDate})
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("err = %v, want a diag.List", err)
	}
	if got := strings.ReplaceAll(list.Full(), dir+"/", ""); got != wantErr.String() {
		t.Errorf("errors:\n%s\nwant:\n%s", got, wantErr.String())
	}
	if got := messages(dir, r); got != wantWarn.String() {
		t.Errorf("warnings:\n%s\nwant:\n%s", got, wantWarn.String())
	}
	if got := relative(dir, r.Written); !slices.Equal(got, wantWritten) {
		t.Errorf("written %q, want %q", got, wantWritten)
	}
}

// TestStop checks that a seed that cannot be read stops the run there:
// the seeds before it are converted, those after it are not.
func TestStop(t *testing.T) {
	seeds := map[string]string{}
	for i := range 20 {
		seeds[fmt.Sprintf("s%02d.txt", i)] = strings.Replace(seedA, "First", fmt.Sprint("Number ", i), 1)
	}
	dir := site(t, seeds)
	if err := os.Mkdir(filepath.Join(dir, "seeds", "s10a.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	r, err := Run(Options{Source: dir, Date: testDate})
	if err == nil || !strings.Contains(err.Error(), "s10a.txt") {
		t.Fatalf("err = %v, want one about s10a.txt", err)
	}
	var want []string
	for i := range 11 {
		want = append(want, fmt.Sprintf("content/number-%d-headline.md", i))
	}
	if got := relative(dir, r.Written); !slices.Equal(got, want) {
		t.Errorf("written %q, want %q", got, want)
	}
	if files := snapshot(t, dir); len(files) != len(want) {
		t.Errorf("%d content files, want %d", len(files), len(want))
	}
}

func relative(dir string, paths []string) []string {
	var out []string
	for _, p := range paths {
		rel, _ := filepath.Rel(dir, p)
		out = append(out, filepath.ToSlash(rel))
	}
	return out
}
