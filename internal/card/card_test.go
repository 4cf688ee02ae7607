package card

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/golden"
	"golang.org/x/image/font/sfnt"
)

var testColors = colors(config.Default().Colors)

func spec(kind Kind, text, label, note string) Spec {
	return Spec{Kind: kind, Site: "T4K3.news", Mark: "T4", Text: text, Label: label, Note: note, Colors: testColors}
}

var (
	story    = spec(StoryCard, "Central bank holds rates steady as inflation cools faster than expected across the eurozone", "Economy", "21 August 2025")
	cyrillic = spec(StoryCard, "Москва объявила о новых мерах поддержки малого бизнеса — Ёлки, Щука и Жёлудь", "Экономика", "21 August 2025")
	latin    = spec(StoryCard, "Über die Straße: Zoë, François, Łukasz and the naïve café owners of Șoseaua Kiseleff", "Café culture", "1 January 2026")
	long     = spec(StoryCard, strings.Repeat("A headline that goes on and on about everything that happened ", 8), "Topic", "1 January 2026")
	quote    = spec(QuoteCard, "We will not let the price of bread decide who gets to live in this city.", "The mayor, speaking at the council meeting on Tuesday", "Central bank holds rates steady as inflation cools faster than expected")
	siteCard = spec(SiteCard, "The T4K3.news digest: the latest stories, newest first.", "", "")
	logo     = spec(Logo, "", "", "")
)

func decode(t *testing.T, s Spec) *image.Paletted {
	t.Helper()
	data, err := s.PNG()
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s card does not decode: %v", s.Kind, err)
	}
	p, ok := img.(*image.Paletted)
	if !ok {
		t.Fatalf("%s card is a %T, want a palette image", s.Kind, img)
	}
	return p
}

func TestSize(t *testing.T) {
	for _, tt := range []struct {
		s    Spec
		w, h int
	}{{story, 1200, 630}, {quote, 1080, 1080}, {siteCard, 1200, 630}, {logo, 256, 256}} {
		img := decode(t, tt.s)
		if b := img.Bounds(); b.Dx() != tt.w || b.Dy() != tt.h {
			t.Errorf("%s card is %v, want %d×%d", tt.s.Kind, b.Size(), tt.w, tt.h)
		}
	}
}

// TestSafeMargins checks that everything but the top band and the ground
// lies inside the safe margins, for the longest headline too.
func TestSafeMargins(t *testing.T) {
	for _, tt := range []struct {
		name   string
		s      Spec
		ground color.RGBA
		margin int
		band   int
	}{
		{"story", story, testColors.Background, Margin, 12},
		{"long story", long, testColors.Background, Margin, 12},
		{"Cyrillic story", cyrillic, testColors.Background, Margin, 12},
		{"quote", quote, testColors.Quote, QuoteMargin, 16},
		{"long quote", spec(QuoteCard, long.Text, long.Text, long.Text), testColors.Quote, QuoteMargin, 16},
		{"site", siteCard, testColors.Background, Margin, 12},
	} {
		img := decode(t, tt.s)
		b := img.Bounds()
		safe := image.Rect(tt.margin, tt.margin, b.Dx()-tt.margin, b.Dy()-tt.margin)
		var drawn, outside int
		for y := tt.band; y < b.Dy(); y++ {
			for x := 0; x < b.Dx(); x++ {
				if img.At(x, y) == tt.ground {
					continue
				}
				drawn++
				if !image.Pt(x, y).In(safe) {
					outside++
				}
			}
		}
		if drawn == 0 || outside > 0 {
			t.Errorf("%s: %d of %d drawn pixels outside the safe margins", tt.name, outside, drawn)
		}
	}
}

// TestScripts checks that every letter of Latin headlines with diacritics
// and of a Cyrillic one has a glyph of its own in the cards' fonts, not
// the font's .notdef (glyph 0, the missing-glyph box), and that a script
// the fonts lack is told apart.
func TestScripts(t *testing.T) {
	loadFonts()
	var buf sfnt.Buffer
	missing := func(f *sfnt.Font, s string) string {
		var out []rune
		for _, r := range s {
			if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
				out = append(out, r)
			}
		}
		return string(out)
	}
	for _, s := range []Spec{cyrillic, latin, quote} {
		for _, f := range []*sfnt.Font{fonts.bold, fonts.regular, fonts.italic} {
			if m := missing(f, s.Text+s.Label+s.Note+"…“"); m != "" {
				t.Errorf("no glyphs for %q", m)
			}
		}
	}
	if m := missing(fonts.bold, "东京"); m != "东京" {
		t.Errorf("CJK: missing %q, want both", m)
	}
	// The Cyrillic card draws its headline: as many dark pixels as the
	// same number of Latin letters, give or take.
	dark := func(s Spec) int {
		img, n := decode(t, s), 0
		for _, p := range img.Pix {
			if img.Palette[p] == testColors.Text {
				n++
			}
		}
		return n
	}
	if c, l := dark(cyrillic), dark(story); c < l/2 {
		t.Errorf("Cyrillic headline draws %d text pixels, the Latin one %d", c, l)
	}
}

// TestGolden compares two cards with images under testdata/, pixel by
// pixel within a tolerance, so that a change of font rasteriser or zlib
// does not fail it but a change of layout does. go test -update rewrites
// them.
func TestGolden(t *testing.T) {
	for name, s := range map[string]Spec{"story.png": cyrillic, "quote.png": quote} {
		path := filepath.Join("testdata", name)
		data, err := s.PNG()
		if err != nil {
			t.Fatal(err)
		}
		if golden.Updating() {
			golden.Check(t, path, data)
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v; run go test -update to create it", err)
		}
		if d := differ(t, data, want); d > 0.002 {
			t.Errorf("%s: %.2f%% of pixels differ from %s; look at the card, then go test -update", name, 100*d, path)
		}
	}
}

// differ is the share of pixels whose colours differ by more than a few
// levels in any channel.
func differ(t *testing.T, a, b []byte) float64 {
	ia, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	ib, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if ia.Bounds() != ib.Bounds() {
		return 1
	}
	far := func(x, y uint32) bool { return max(x, y)-min(x, y) > 24<<8 }
	n := 0
	r := ia.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, _ := ia.At(x, y).RGBA()
			r2, g2, b2, _ := ib.At(x, y).RGBA()
			if far(r1, r2) || far(g1, g2) || far(b1, b2) {
				n++
			}
		}
	}
	return float64(n) / float64(r.Dx()*r.Dy())
}

// TestRGB checks the config's colours read by hand against fmt.Sscanf.
func TestRGB(t *testing.T) {
	for _, s := range []string{"#000000", "#ffffff", "#FfA01b", "#123456", "#9aBcDe"} {
		var r, g, b uint8
		if _, err := fmt.Sscanf(s, "#%02x%02x%02x", &r, &g, &b); err != nil {
			t.Fatal(err)
		}
		if got, want := rgb(s), (color.RGBA{r, g, b, 255}); got != want {
			t.Errorf("rgb(%q) = %v, want %v", s, got, want)
		}
	}
	for _, s := range []string{"", "#", "#12345", "#1234567", "123456#", "#12345g", "#g23456"} {
		if got := rgb(s); got != (color.RGBA{A: 255}) {
			t.Errorf("rgb(%q) = %v, want black", s, got)
		}
	}
}

// TestSpecJSON checks the spec written by hand, which Key hashes, against
// encoding/json: the keys of cards already made stay the same.
func TestSpecJSON(t *testing.T) {
	odd := []string{"", "plain", `quote " and \ back`, "<b>&amp;</b>", "a < b", "b > a", "R&D", "tab\tline\n", "café ’quoted’", "\u2028\u2029", "bad \xff utf-8", "\x00\x1f\x7f"}
	for i, text := range odd {
		s := Spec{Kind: StoryCard, Site: odd[(i+1)%len(odd)], Mark: "T4", Text: text, Label: odd[(i+2)%len(odd)], Note: odd[(i+3)%len(odd)], Colors: testColors}
		s.Colors.Quote = color.RGBA{R: uint8(i), G: 255 - uint8(i), B: 7, A: 100}
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.json(); !bytes.Equal(got, want) {
			t.Errorf("%+v: json() =\n%s\nwant\n%s", s, got, want)
		}
	}
}
