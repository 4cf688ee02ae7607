package build_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/t4k3news/digest/internal/build"
)

// siteWith makes a site folder with the repository's templates and static
// files, its config, and the given content files.
func siteWith(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{"templates", "static"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join("..", "..", d))); err != nil {
			t.Fatal(err)
		}
	}
	files["digest.yaml"] = "baseURL: https://example.com/\n"
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// treeSize is the number of bytes in the files below dir.
func treeSize(t *testing.T, dir string) int64 {
	var n int64
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		n += fi.Size()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func article(slug string, tags []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: Story %s\nslug: %s\ndate: 2025-08-21T10:00:00Z\ntags:\n", slug, slug)
	for _, tag := range tags {
		fmt.Fprintf(&b, "  - %s\n", tag)
	}
	b.WriteString("---\nThe story's text.\n")
	return b.String()
}

// A file with 10,000 distinct tags once made 9.1 GB of output, each tag's
// topic page and feeds listing the article with all its tags. Capped, the
// output grows with the input, not with its square: this measures the
// output's bytes per byte of input, against a small site's.
func TestTagExplosion(t *testing.T) {
	var many []string
	for i := range 10000 {
		many = append(many, fmt.Sprintf("Topic number %d", i))
	}
	many = append(many, "topic NUMBER 1", "Topic-number-2") // the same topics
	big := article("big", many)
	dir := siteWith(t, map[string]string{"content/big.md": big})
	res, err := build.Build(build.Options{Source: os.DirFS(dir), Destination: filepath.Join(dir, "public")})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].Error(), "content/big.md: 10000 tags; only the first 20 are kept") {
		t.Errorf("warnings: %v", res.Warnings)
	}
	if res.Topics != 20 {
		t.Errorf("%d topics, want 20", res.Topics)
	}
	out := treeSize(t, filepath.Join(dir, "public"))
	static := treeSize(t, filepath.Join(dir, "static"))
	perByte := float64(out-static) / float64(len(big))
	t.Logf("%d bytes of content, %d bytes of output less static files: %.2f output bytes per input byte", len(big), out-static, perByte)
	if perByte > 2 {
		t.Errorf("%.2f output bytes per input byte, want at most 2", perByte)
	}
}

// Tags that make one topic page are one tag.
func TestDuplicateTags(t *testing.T) {
	dir := siteWith(t, map[string]string{"content/a.md": article("a", []string{"Trade", "trade", "TRADE!", "Trade war"})})
	res, err := build.Build(build.Options{Source: os.DirFS(dir), Destination: filepath.Join(dir, "public")})
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(dir, "public", "news", "a", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	// The story's topics are listed once each in its "Topics" box.
	_, box, _ := strings.Cut(string(page), `<nav class="story-topics"`)
	box, _, _ = strings.Cut(box, "</nav>")
	if n := strings.Count(box, "<li>"); res.Topics != 2 || n != 2 {
		t.Errorf("%d topics, %d topic links; want 2 of each", res.Topics, n)
	}
}
