package check

import (
	"errors"
	"image"
	"image/png"
	"net/url"
	"strconv"
	"strings"
)

// image checks a page's share image: og:image names a PNG of the site
// whose size is og:image:width × og:image:height, as social networks read
// them before they fetch the image.
func (c *checker) image(file string, toks []token) {
	meta := make(map[string]string)
	line := 0
	for _, t := range toks {
		if t.kind == startTag && t.name == "meta" && t.attrs["name"] == "twitter:image" {
			c.absolute(file, t.line, "twitter:image", strings.TrimSpace(t.attrs["content"]))
		}
		if t.kind == startTag && t.name == "meta" && strings.HasPrefix(t.attrs["property"], "og:image") {
			meta[t.attrs["property"]] = strings.TrimSpace(t.attrs["content"])
			if t.attrs["property"] == "og:image" {
				line = t.line
			}
		}
	}
	ref, ok := meta["og:image"]
	if !ok {
		return
	}
	if !c.absolute(file, line, "og:image", ref) {
		return
	}
	u, _ := url.Parse(ref) // absolute parsed it
	rel, ok := strings.CutPrefix(c.pageURL(file).ResolveReference(u).Path, c.base.Path)
	if !ok || !c.files[rel] {
		c.problems.Add(file, line, "og:image %s does not resolve to an image of the site", ref)
		return
	}
	w, h, err := c.pngSize(rel)
	if err != nil {
		c.problems.Add(file, line, "og:image %s: %v", ref, err)
		return
	}
	if meta["og:image:width"] != strconv.Itoa(w) || meta["og:image:height"] != strconv.Itoa(h) {
		c.problems.Add(file, line, "og:image %s is %d×%d, the page says %s×%s", ref, w, h, meta["og:image:width"], meta["og:image:height"])
	}
}

// pngSize is the size of the PNG file rel, read once however many pages
// show it; only its header is read.
func (c *checker) pngSize(rel string) (w, h int, err error) {
	if s, ok := c.pngs[rel]; ok {
		return s.Width, s.Height, s.err
	}
	var s pngInfo
	f, err := c.fsys.Open(rel)
	if err != nil {
		s.err = err
	} else {
		s.Config, err = png.DecodeConfig(f)
		f.Close()
		if err != nil {
			s.err = errors.New("not a PNG file")
		}
	}
	if c.pngs == nil {
		c.pngs = make(map[string]pngInfo)
	}
	c.pngs[rel] = s
	return s.Width, s.Height, s.err
}

type pngInfo struct {
	image.Config
	err error
}
