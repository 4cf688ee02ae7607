package card

import (
	"image"
	"image/color"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// Margin is the safe margin of a story card: no text within it of the
// edges, as social networks crop and round the corners of what they show.
// A quote card keeps QuoteMargin.
const (
	Margin      = 64
	QuoteMargin = 96
)

var (
	headlineSizes = []float64{72, 66, 60, 54, 48, 42, 38}
	quoteSizes    = []float64{76, 68, 62, 56, 50, 45, 40, 36, 32}
)

func drawStory(s Spec) *image.Paletted {
	col := s.Colors
	c := newCanvas(StoryWidth, StoryHeight, col.Background)
	c.fill(image.Rect(0, 0, StoryWidth, 12), col.Accent)
	const m, markSide = Margin, 56
	brand(c, s, m, m, markSide, 30, col.Background)
	top := m + markSide + 24
	if s.Label != "" {
		kicker := face(fonts.bold, 26)
		top += ascent(kicker)
		c.text(kicker, m, top, strings.ToUpper(s.Label), col.Accent, col.Background)
		top += 24
	}
	note := face(fonts.regular, 26)
	noteBase := StoryHeight - m - descent(note)
	ruleY := noteBase - ascent(note) - 20
	c.fill(image.Rect(m, ruleY, StoryWidth-m, ruleY+2), col.Rule)
	c.text(note, m, noteBase, s.Note, col.Muted, col.Background)
	b := fit(fonts.bold, s.Text, headlineSizes, 1.16, StoryWidth-2*m, ruleY-20-top)
	c.lines(b, m, top, col.Text, col.Background)
	return c.img
}

func drawQuote(s Spec) *image.Paletted {
	col := s.Colors
	c := newCanvas(QuoteSide, QuoteSide, col.Quote)
	c.fill(image.Rect(0, 0, QuoteSide, 16), col.Accent)
	const m, markSide, w = QuoteMargin, 48, QuoteSide - 2*QuoteMargin
	brand(c, s, m, QuoteSide-m-markSide, markSide, 26, col.Quote)
	// The story's headline, small, above the mark.
	small := fit(fonts.bold, s.Note, []float64{26}, 1.25, w, 2*int(26*1.25+0.5))
	headTop := QuoteSide - m - markSide - 28 - small.height()
	c.lines(small, m, headTop, col.Text, col.Quote)
	ruleY := headTop - 28
	c.fill(image.Rect(m, ruleY, m+120, ruleY+4), col.Accent)
	// A large opening quotation mark, then the quote and who said it.
	mark := face(fonts.bold, 160)
	top := m + ascent(mark)*3/5
	c.text(mark, m-6, top+ascent(mark)*2/5, "“", col.Accent, col.Quote)
	top += 24
	ctx := fit(fonts.italic, s.Label, []float64{30, 27}, 1.25, w, 2*int(30*1.25+0.5))
	room := ruleY - 40 - top
	if s.Label != "" {
		room -= ctx.height() + 28
	}
	b := fit(fonts.regular, s.Text, quoteSizes, 1.22, w, room)
	used := b.height()
	if s.Label != "" {
		used += ctx.height() + 28
	}
	top += (room - used) / 3 // nearer the mark above than the rule below
	end := c.lines(b, m, top, col.Text, col.Quote)
	if s.Label != "" {
		c.lines(ctx, m, end+28, col.Muted, col.Quote)
	}
	return c.img
}

func drawSite(s Spec) *image.Paletted {
	col := s.Colors
	c := newCanvas(StoryWidth, StoryHeight, col.Background)
	c.fill(image.Rect(0, 0, StoryWidth, 12), col.Accent)
	const m, markSide, gap = Margin, 160, 48
	desc := fit(fonts.regular, s.Text, []float64{40, 36, 32, 28}, 1.3, StoryWidth-2*m, StoryHeight-3*m-markSide-gap)
	top := (StoryHeight + 12 - markSide - gap - desc.height()) / 2
	c.mark(s.Mark, m, top, markSide, col.Accent, col.Background)
	name := fit(fonts.bold, s.Site, []float64{96, 84, 72, 60, 52}, 1.1, StoryWidth-3*m-markSide, markSide)
	c.lines(name, 2*m+markSide, top+(markSide-name.height())/2, col.Text, col.Background)
	c.lines(desc, m, top+markSide+gap, col.Muted, col.Background)
	return c.img
}

func drawLogo(s Spec) *image.Paletted {
	c := newCanvas(LogoSide, LogoSide, s.Colors.Accent)
	c.mark(s.Mark, 0, 0, LogoSide, s.Colors.Accent, s.Colors.Background)
	return c.img
}

// brand draws the site's mark, side pixels square at (x, y), and its name
// beside it, on ground bg.
func brand(c *canvas, s Spec, x, y, side int, size float64, bg color.RGBA) {
	c.mark(s.Mark, x, y, side, s.Colors.Accent, s.Colors.Background)
	f := face(fonts.bold, size)
	c.text(f, x+side+16, y+(side+ascent(f)-descent(f))/2, s.Site, s.Colors.Text, bg)
}

// mark draws the site's mark: its letters in ink, centred on a square of
// colour ground.
func (c *canvas) mark(letters string, x, y, side int, ground, ink color.RGBA) {
	c.fill(image.Rect(x, y, x+side, y+side), ground)
	size := float64(side) * 0.5
	f := face(fonts.bold, size)
	for width(f, letters) > fixed.I(side*3/4) && size > 4 {
		size *= 0.9
		f = face(fonts.bold, size)
	}
	w := width(f, letters).Round()
	c.text(f, x+(side-w)/2, y+(side+ascent(f)-descent(f))/2, letters, ink, ground)
}

// lines draws block b with its first line's top at y, and returns the y
// below its last line.
func (c *canvas) lines(b block, x, y int, fg, bg color.RGBA) int {
	if b.face == nil {
		return y
	}
	base := y + ascent(b.face)
	for _, l := range b.lines {
		c.text(b.face, x, base, l, fg, bg)
		base += b.lead
	}
	return base - b.lead + descent(b.face)
}

func ascent(f font.Face) int  { return f.Metrics().Ascent.Ceil() }
func descent(f font.Face) int { return f.Metrics().Descent.Ceil() }
