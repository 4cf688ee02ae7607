package tags

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/t4k3news/digest/internal/seed"
)

// seedText builds the Text of a real seed the way convert does.
func seedText(t *testing.T, file string) Text {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	a, err := seed.Parse(file, data)
	if err != nil {
		t.Fatal(err)
	}
	var tx Text
	for _, h := range []string{a.Headline, a.AltHeadline, a.Dek} {
		if h != "" {
			tx.Headlines = append(tx.Headlines, h)
		}
	}
	if a.Lede != "" {
		tx.Paragraphs = append(tx.Paragraphs, a.Lede)
	}
	for _, p := range slices.Concat(a.Body, a.Analysis) {
		tx.Paragraphs = append(tx.Paragraphs, p.Text)
	}
	for _, tk := range a.Takeaways {
		if tk.Context != "" {
			tx.Paragraphs = append(tx.Paragraphs, tk.Context)
		}
	}
	if a.Risk != nil {
		tx.Paragraphs = append(tx.Paragraphs, a.Risk.Text)
	}
	return tx
}

func TestSeeds(t *testing.T) {
	want := map[string][]string{
		"000": {"NATO", "Russia", "Ukraine"},
		"001": {"Ukraine", "Europe", "Washington"},
		"002": {"Russia", "Ukraine", "Sergei Lavrov", "NATO"},
		"003": {"Russia", "Ukraine", "Sergei Lavrov", "China"},
		"004": {"NATO", "Ukraine", "Russia", "Zelenskyy"},
	}
	files, _ := filepath.Glob("../../seeds/*.txt")
	if len(files) != len(want) {
		t.Fatalf("found %d seeds, want %d", len(files), len(want))
	}
	for _, file := range files {
		tx := seedText(t, file)
		got := Extract(tx)
		t.Logf("%s: %q", filepath.Base(file), got)
		for _, w := range want[filepath.Base(file)[:3]] {
			if !slices.Contains(got, w) {
				t.Errorf("%s: tags %q lack %q", file, got, w)
			}
		}
		for _, g := range got {
			if stop[strings.ToLower(g)] || titles[strings.ToLower(g)] {
				t.Errorf("%s: junk tag %q", file, g)
			}
		}
		for range 5 {
			if again := Extract(tx); !slices.Equal(again, got) {
				t.Fatalf("%s: Extract not stable: %q then %q", file, got, again)
			}
		}
	}
}
