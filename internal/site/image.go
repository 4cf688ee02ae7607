package site

import (
	"net/url"
	"strings"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/diag"
)

// Image is an image of a story as its page shows it: its lead image, or
// another of its images (front matter "images", Hugo's name).
type Image struct {
	// URL is the image's address for the site's pages, and Permalink in
	// full, for schema.org data.
	URL, Permalink string
	// Alt says what the image shows (front matter imageAlt); "" for none.
	Alt string
	// Width and Height are its size in pixels, 0 when not known (an image
	// elsewhere on the web, an SVG file without a size).
	Width, Height int
}

// images makes the story's images, its lead image first, and returns an
// error for each that names a file the site does not have.
func (s *Site) images(d *content.Document) ([]Image, error) {
	var errs diag.List
	m := &d.Meta
	var names []string
	if m.Image != "" {
		names = append(names, m.Image)
	}
	names = append(names, m.Images...)
	var out []Image
	for _, name := range names {
		if isURL(name) {
			out = append(out, Image{URL: name, Permalink: name})
			continue
		}
		file := strings.TrimPrefix(name, "/")
		size, ok := s.pub.Images[file]
		if !ok {
			errs.Add(d.Path, d.ImageLine, "image %q: no such image in static/ or content/", name)
			continue
		}
		out = append(out, Image{URL: s.Routes.Rel(file), Permalink: s.Routes.Abs(file), Width: size.Width, Height: size.Height})
	}
	if len(out) > 0 {
		out[0].Alt = m.ImageAlt
	}
	return out, errs.Err()
}

// Image is the article's lead image, or nil.
func (a *Article) Image() *Image {
	if len(a.Images) == 0 {
		return nil
	}
	return &a.Images[0]
}

// isURL reports whether an image names a URL, not a file of the site;
// content checks that it is http(s).
func isURL(name string) bool {
	u, err := url.Parse(name)
	return err == nil && u.Scheme != ""
}
