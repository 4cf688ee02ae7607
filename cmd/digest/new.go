package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/route"
)

func runNew(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("new", `[--source DIR] "Headline"`, stderr)
	source := fs.String("source", ".", "the site's root `folder`: writes content/<slug>.md")
	if err := fs.Parse(args); err != nil {
		if isHelp(err) {
			return err
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() != 1 || strings.TrimSpace(fs.Arg(0)) == "" {
		fs.Usage()
		return fmt.Errorf("%w: want one headline, in quotes", errUsage)
	}
	path, err := newStory(filepath.Join(*source, "content"), strings.TrimSpace(fs.Arg(0)), time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, path)
	return nil
}

// newStory writes a draft story with the headline title into dir, dated
// now, and returns its path. The file is the editor's from the start:
// convert never touches it. An existing file is never overwritten.
func newStory(dir, title string, now time.Time) (string, error) {
	slug := route.Slug(title, "story")
	doc := &content.Document{
		Meta: content.Meta{
			Title: title, Slug: slug, Date: now.UTC().Truncate(time.Second), Draft: true,
			Description: "One sentence on what the story says.",
		},
		Body: "Write the story here. It stays a draft, in no build, until you remove \"draft: true\".",
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, slug+".md")
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("%s already exists: choose another headline, or edit that story", path)
	}
	if err != nil {
		return "", err
	}
	if _, err := f.Write(content.MarshalHand(doc)); err != nil {
		f.Close()
		return "", err
	}
	return path, f.Close()
}
