package convert

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/t4k3news/digest/internal/content"
)

// TestSubjectsFromConfig checks that the site's digest.yaml replaces the
// default vocabulary, and that a bad one stops the run.
func TestSubjectsFromConfig(t *testing.T) {
	dir := site(t, map[string]string{"001_x.txt": "\nThe tractor fair drew farmers. Tractors everywhere.\nWritten By Ann Lee\n"})
	yaml := "subjects:\n  - name: Farming\n    cues: [tractor*]\n  - name: Other\n"
	if err := os.WriteFile(filepath.Join(dir, "digest.yaml"), []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := Run(Options{Source: dir, Date: testDate})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := content.Parse(rep.Written[0], mustRead(t, rep.Written[0]))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(doc.Meta.Categories, []string{"Farming"}) {
		t.Errorf("categories = %q, want [Farming]", doc.Meta.Categories)
	}
	if err := os.WriteFile(filepath.Join(dir, "digest.yaml"), []byte("subjects: 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(Options{Source: dir}); err == nil {
		t.Error("a bad digest.yaml converted")
	}
}
