package build_test

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/t4k3news/digest/bench/gen/corpus/corpustest"
	"github.com/t4k3news/digest/internal/build"
	"github.com/t4k3news/digest/internal/card"
	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/load"
	"github.com/t4k3news/digest/internal/plan"
	"github.com/t4k3news/digest/internal/race"
	"github.com/t4k3news/digest/internal/render"
	"github.com/t4k3news/digest/internal/site"
)

// everyField are the templates of testdata/everyfield: every page prints
// every field of its page data, the listing pages every field of every
// article, sidebars included.
const everyField = "testdata/everyfield"

// TestDeterministic builds a generated site with templates that read every
// field of every page 20 times at each of GOMAXPROCS 1, 2 and 8, and wants
// the same bytes every time: the model is complete before the first page
// renders, and nothing that renders writes it. Under the race detector,
// which would see a page write the model in any build, 3 times each.
func TestDeterministic(t *testing.T) {
	dir := corpustest.Site(t, 100, "../..")
	tmpl := filepath.Join(dir, load.TemplatesDir)
	if err := os.RemoveAll(tmpl); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(tmpl, os.DirFS(everyField)); err != nil {
		t.Fatal(err)
	}
	cards := card.OpenCache(t.TempDir()) // drawn once, for speed
	// Share images are costly to draw and read little of the model: ten
	// stories have them.
	conf := filepath.Join(dir, load.ConfigFile)
	data, err := os.ReadFile(conf)
	if err != nil {
		t.Fatal(err)
	}
	data = regexp.MustCompile(`(?m)^cards: \d+$`).ReplaceAll(data, []byte("cards: 10"))
	if err := os.WriteFile(conf, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var want map[string][sha256.Size]byte
	for _, procs := range []int{1, 2, 8} {
		prev := runtime.GOMAXPROCS(procs)
		for i := range race.Size(20, 3) {
			got := buildSums(t, dir, cards)
			if want == nil {
				want = got
				continue
			}
			if diff := differ(want, got); diff != "" {
				t.Fatalf("GOMAXPROCS=%d, build %d: %s differs from the first build", procs, i+1, diff)
			}
		}
		runtime.GOMAXPROCS(prev)
	}
}

// buildSums builds the site in dir in memory and returns every file's sum.
func buildSums(t *testing.T, dir string, cards *card.Cache) map[string][sha256.Size]byte {
	t.Helper()
	in, err := load.Load(os.DirFS(dir), load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := build.Model(in, site.Publish{})
	if err != nil {
		t.Fatal(err)
	}
	m.Cards = cards
	var mu sync.Mutex
	sums := make(map[string][sha256.Size]byte)
	err = plan.Build(m, func(p string, data []byte) error {
		sum := sha256.Sum256(data)
		mu.Lock()
		defer mu.Unlock()
		sums[p] = sum
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return sums
}

// differ names a file that differs between two builds, or returns "".
func differ(a, b map[string][sha256.Size]byte) string {
	for p, sum := range a {
		if other, ok := b[p]; !ok || other != sum {
			return p
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			return p
		}
	}
	return ""
}

// TestEveryFieldTemplates checks that the templates of TestDeterministic
// name every exported field of the page data, so that a field added to
// the model is read there too.
func TestEveryFieldTemplates(t *testing.T) {
	var text strings.Builder
	err := filepath.WalkDir(everyField, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		text.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []any{render.Page{}, site.Site{}, site.Article{}, site.Topic{}, site.Related{},
		content.Document{}, content.Meta{}, content.Takeaway{}, content.Risk{}, config.Config{}, config.Publisher{}} {
		typ := reflect.TypeOf(v)
		for f := range typ.Fields() {
			if f.IsExported() && !strings.Contains(text.String(), "."+f.Name) {
				t.Errorf("%s: no template of %s reads field %s", typ, everyField, f.Name)
			}
		}
	}
}
