// Package picture tells the site's image files from its other files and
// reads their size in pixels from their headers, so that a page can give
// an image its width and height and the browser keep its place before it
// loads. It reads headers only, never whole images.
package picture

import (
	"bytes"
	"encoding/xml"
	"image"
	_ "image/gif" // the formats a page can show, registered with image
	_ "image/jpeg"
	_ "image/png"
	"path"
	"strconv"
	"strings"

	_ "golang.org/x/image/webp"
)

// extensions are the file name extensions of images a page can show.
var extensions = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".avif": true, ".svg": true}

// Is reports whether the file name is an image's, by its extension.
func Is(name string) bool { return extensions[strings.ToLower(path.Ext(name))] }

// Size is an image's width and height in pixels; zero when not known.
type Size struct{ Width, Height int }

// Measure returns the size of the image file name with bytes data, or
// zero when it cannot tell: an AVIF file, or an SVG file without a width
// and height or a viewBox, has none it can read.
func Measure(name string, data []byte) Size {
	if strings.EqualFold(path.Ext(name), ".svg") {
		if w, h, ok := svgSize(data); ok {
			return Size{w, h}
		}
		return Size{}
	}
	c, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || c.Width <= 0 || c.Height <= 0 {
		return Size{}
	}
	return Size{c.Width, c.Height}
}

// svgSize reads the size of an SVG image from its root element: its width
// and height in pixels, else its viewBox.
func svgSize(data []byte) (width, height int, ok bool) {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err != nil {
			return 0, 0, false
		}
		el, isStart := tok.(xml.StartElement)
		if !isStart {
			continue
		}
		if el.Name.Local != "svg" {
			return 0, 0, false
		}
		attr := func(name string) string {
			for _, a := range el.Attr {
				if a.Name.Local == name {
					return strings.TrimSpace(a.Value)
				}
			}
			return ""
		}
		w, werr := pixels(attr("width"))
		h, herr := pixels(attr("height"))
		if werr == nil && herr == nil {
			return w, h, true
		}
		box := strings.Fields(strings.ReplaceAll(attr("viewBox"), ",", " "))
		if len(box) != 4 {
			return 0, 0, false
		}
		w, werr = pixels(box[2])
		h, herr = pixels(box[3])
		return w, h, werr == nil && herr == nil
	}
}

// pixels reads a length in pixels, "640" or "640px", rounded; anything
// else (percentages, ems) is an error.
func pixels(s string) (int, error) {
	f, err := strconv.ParseFloat(strings.TrimSuffix(s, "px"), 64)
	if err != nil || f < 1 || f > 1e5 {
		return 0, strconv.ErrRange
	}
	return int(f + 0.5), nil
}
