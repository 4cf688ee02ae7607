package card

import (
	"image"
	"image/color"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// levels is the number of palette entries in each ramp from a background
// colour to a text colour: 16 shades are as many as the eye tells apart
// at the edge of a glyph, and keep the palette, and so the PNG, small.
const levels = 16

// canvas draws a card straight into a palette image. Everything on a card
// is flat colour and text on flat colour, so each text colour gets a ramp
// of shades towards the colour it is drawn on, and a glyph's coverage
// picks a shade: no full-colour image, no quantising afterwards.
type canvas struct {
	img    *image.Paletted
	ramps  map[[2]color.RGBA]uint8 // (text, background) → index of the background's shade
	solids map[color.RGBA]uint8
}

func newCanvas(w, h int, bg color.RGBA) *canvas {
	c := &canvas{img: image.NewPaletted(image.Rect(0, 0, w, h), nil), ramps: make(map[[2]color.RGBA]uint8), solids: make(map[color.RGBA]uint8)}
	c.fill(c.img.Rect, bg) // index 0: the whole card starts as bg
	return c
}

// ramp returns the palette index of the first of levels shades from bg
// (level 0) to fg (level levels-1), adding them to the palette.
func (c *canvas) ramp(fg, bg color.RGBA) uint8 {
	key := [2]color.RGBA{fg, bg}
	if i, ok := c.ramps[key]; ok {
		return i
	}
	base := len(c.img.Palette)
	if base+levels > 256 {
		panic("card: more colours than a palette holds")
	}
	for k := range levels {
		c.img.Palette = append(c.img.Palette, mix(bg, fg, k))
	}
	c.ramps[key] = uint8(base)
	return uint8(base)
}

// mix is the colour k/(levels-1) of the way from a to b.
func mix(a, b color.RGBA, k int) color.RGBA {
	m := func(x, y uint8) uint8 { return uint8((int(x)*(levels-1-k) + int(y)*k + (levels-1)/2) / (levels - 1)) }
	return color.RGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), 255}
}

// solid is the palette index of colour col.
func (c *canvas) solid(col color.RGBA) uint8 {
	if i, ok := c.solids[col]; ok {
		return i
	}
	if len(c.img.Palette) == 256 {
		panic("card: more colours than a palette holds")
	}
	c.img.Palette = append(c.img.Palette, col)
	c.solids[col] = uint8(len(c.img.Palette) - 1)
	return c.solids[col]
}

// fill paints r in colour col.
func (c *canvas) fill(r image.Rectangle, col color.RGBA) {
	i := c.solid(col)
	r = r.Intersect(c.img.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := c.img.Pix[c.img.PixOffset(r.Min.X, y):c.img.PixOffset(r.Max.X, y)]
		for x := range row {
			row[x] = i
		}
	}
}

// text draws s with its baseline starting at (x, y) in colour fg over
// ground colour bg, and returns the x where it ends.
func (c *canvas) text(f font.Face, x, y int, s string, fg, bg color.RGBA) int {
	base := c.ramp(fg, bg)
	dot := fixed.P(x, y)
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			dot.X += f.Kern(prev, r)
		}
		dr, mask, mp, adv, ok := f.Glyph(dot, r)
		if ok {
			c.glyph(dr, mask, mp, base)
		}
		dot.X += adv
		prev = r
	}
	return dot.X.Round()
}

// glyph puts the shades of one glyph's coverage mask at dr. Where glyphs
// overlap (kerned pairs) the darker shade wins.
func (c *canvas) glyph(dr image.Rectangle, mask image.Image, mp image.Point, base uint8) {
	alpha, ok := mask.(*image.Alpha)
	if !ok {
		return // opentype faces always give *image.Alpha
	}
	clip := dr.Intersect(c.img.Rect)
	for y := clip.Min.Y; y < clip.Max.Y; y++ {
		src := alpha.Pix[alpha.PixOffset(mp.X+clip.Min.X-dr.Min.X, mp.Y+y-dr.Min.Y):]
		dst := c.img.Pix[c.img.PixOffset(clip.Min.X, y):]
		for x := range clip.Dx() {
			a := int(src[x])
			if a == 0 {
				continue
			}
			lvl := uint8((a*(levels-1) + 127) / 255)
			if old := dst[x]; old >= base && old < base+levels && old-base >= lvl {
				continue
			}
			if lvl > 0 {
				dst[x] = base + lvl
			}
		}
	}
}

// width is the advance of s in face f, kerning included.
func width(f font.Face, s string) fixed.Int26_6 {
	var w fixed.Int26_6
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			w += f.Kern(prev, r)
		}
		a, _ := f.GlyphAdvance(r)
		w += a
		prev = r
	}
	return w
}
