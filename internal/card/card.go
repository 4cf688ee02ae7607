// Package card draws the site's share images: a card for each story
// (news/<slug>/card.png), one for each of its takeaway quotes
// (quote-N.png), one for the site (card.png) and the publisher's logo
// (logo.png), in the site's colours, with no browser and no service. They
// are what a link shows when it is posted to a social network or a chat,
// and what search engines take as an article's image.
//
// A card is described by a [Spec], everything it shows; [Spec.Key] hashes
// it, so a [Cache] on disk can hand back the PNG of a card drawn before.
package card

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strconv"
	"sync"
)

// Kind is what a card is of.
type Kind string

// The kinds of card.
const (
	StoryCard Kind = "story" // a story: headline, topic, date
	QuoteCard Kind = "quote" // a takeaway quote: the quote, who said it, the headline
	SiteCard  Kind = "site"  // the site: its name and description
	Logo      Kind = "logo"  // the publisher's logo, the site's mark alone
)

// The cards' sizes in pixels: Open Graph's recommended 1200×630 (1.91:1)
// for stories and the site, a square for quotes (what image posts use) and
// for the logo (Google asks for at least 112×112).
const (
	StoryWidth, StoryHeight = 1200, 630
	QuoteSide               = 1080
	LogoSide                = 256
)

// version changes whenever the drawing or the encoding changes, so that
// the cache holds no card made by older code: a build from a warm cache
// must write the bytes a cold one does.
const version = 2

// Colors are the site's colours as a card uses them.
type Colors struct {
	Background color.RGBA `json:"bg"`     // the page
	Text       color.RGBA `json:"text"`   // headlines and quotes
	Muted      color.RGBA `json:"muted"`  // dates, context lines
	Accent     color.RGBA `json:"accent"` // the top band, the mark, topics
	Rule       color.RGBA `json:"rule"`   // rules between parts
	Quote      color.RGBA `json:"quote"`  // a quote card's ground
}

// Spec is everything a card shows.
type Spec struct {
	Kind Kind `json:"kind"`
	// Site is the site's name, and Mark the letters of its mark.
	Site string `json:"site"`
	Mark string `json:"mark"`
	// Text is the headline of a story card, the quote of a quote card,
	// the description on the site card.
	Text string `json:"text,omitempty"`
	// Label is a story's topic or a quote's context line.
	Label string `json:"label,omitempty"`
	// Note is a story's date, or the headline under a quote.
	Note   string `json:"note,omitempty"`
	Colors Colors `json:"colors"`
}

// Size is the card's width and height in pixels.
func (s Spec) Size() (w, h int) {
	switch s.Kind {
	case QuoteCard:
		return QuoteSide, QuoteSide
	case Logo:
		return LogoSide, LogoSide
	}
	return StoryWidth, StoryHeight
}

// Key names the card by a hash of what it shows, the fonts and the
// drawing code's version: two specs with one key draw the same PNG.
func (s Spec) Key() string {
	loadFonts()
	h := sha256.New()
	fmt.Fprintf(h, "card %d %s\n", version, fonts.id)
	h.Write(s.json())
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// json is json.Marshal(s), byte for byte (TestSpecJSON), written by
// hand: build --watch asks every story card's Key after each edit, and
// encoding/json cost it 7 ms at 10,000 articles.
func (s Spec) json() []byte {
	b := make([]byte, 0, 320+len(s.Site)+len(s.Text)+len(s.Label)+len(s.Note))
	b = jsonField(b, `{"kind":`, string(s.Kind))
	b = jsonField(b, `,"site":`, s.Site)
	b = jsonField(b, `,"mark":`, s.Mark)
	for _, f := range []struct{ name, value string }{{`,"text":`, s.Text}, {`,"label":`, s.Label}, {`,"note":`, s.Note}} {
		if f.value != "" {
			b = jsonField(b, f.name, f.value)
		}
	}
	b = append(b, `,"colors":`...)
	for _, c := range []struct {
		name string
		c    color.RGBA
	}{{`{"bg":`, s.Colors.Background}, {`,"text":`, s.Colors.Text}, {`,"muted":`, s.Colors.Muted},
		{`,"accent":`, s.Colors.Accent}, {`,"rule":`, s.Colors.Rule}, {`,"quote":`, s.Colors.Quote}} {
		b = append(b, c.name...)
		b = append(b, `{"R":`...)
		b = strconv.AppendUint(b, uint64(c.c.R), 10)
		b = append(b, `,"G":`...)
		b = strconv.AppendUint(b, uint64(c.c.G), 10)
		b = append(b, `,"B":`...)
		b = strconv.AppendUint(b, uint64(c.c.B), 10)
		b = append(b, `,"A":`...)
		b = strconv.AppendUint(b, uint64(c.c.A), 10)
		b = append(b, '}')
	}
	return append(b, "}}"...)
}

// jsonField appends name and v as a JSON string, as encoding/json writes
// it: as it is when it is printable ASCII with nothing to escape.
func jsonField(b []byte, name, v string) []byte {
	b = append(b, name...)
	for i := 0; i < len(v); i++ {
		if c := v[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(v) // a string: cannot fail
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, v...)
	return append(b, '"')
}

// Draw draws the card.
func (s Spec) Draw() *image.Paletted {
	loadFonts()
	switch s.Kind {
	case QuoteCard:
		return drawQuote(s)
	case SiteCard:
		return drawSite(s)
	case Logo:
		return drawLogo(s)
	}
	return drawStory(s)
}

// PNG draws the card and encodes it.
func (s Spec) PNG() ([]byte, error) { return encode(s.Draw()) }

// encoder compresses at zlib's fastest level: it halves the time of a
// card (2.9 against 5.9 ms of CPU for a story card, 4.7 against 8.5 for a
// quote) for files a fifth larger (18 against 15 KB for a story card), by
// go test ./internal/card -run '^$' -bench Draw -benchtime 200x.
var encoder = png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: new(bufferPool)}

func encode(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	if err := encoder.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("card: %w", err)
	}
	return buf.Bytes(), nil
}

// bufferPool lets the PNG encoder reuse its buffers across cards.
type bufferPool struct{ p sync.Pool }

func (b *bufferPool) Get() *png.EncoderBuffer {
	e, _ := b.p.Get().(*png.EncoderBuffer)
	return e
}

func (b *bufferPool) Put(e *png.EncoderBuffer) { b.p.Put(e) }
