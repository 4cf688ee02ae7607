package card

import (
	"crypto/sha256"
	"encoding/hex"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
)

// The Go fonts (golang.org/x/image/font/gofont) are the cards' type: they
// are open (BSD licence, like Go), come as a Go module rather than a file
// to install, and cover WGL4, which holds Latin with its diacritics, Greek
// and Cyrillic, the scripts the digest's headlines use.
var fonts struct {
	once                  sync.Once
	bold, regular, italic *sfnt.Font
	id                    string // names the fonts' bytes in cache keys
}

func loadFonts() {
	fonts.once.Do(func() {
		h := sha256.New()
		for _, f := range []struct {
			ttf []byte
			dst **sfnt.Font
		}{{gobold.TTF, &fonts.bold}, {goregular.TTF, &fonts.regular}, {goitalic.TTF, &fonts.italic}} {
			parsed, err := opentype.Parse(f.ttf)
			if err != nil {
				panic("card: the Go fonts do not parse: " + err.Error())
			}
			*f.dst = parsed
			h.Write(f.ttf)
		}
		fonts.id = hex.EncodeToString(h.Sum(nil)[:8])
	})
}

// face is a font at one size. Faces keep a glyph mask between calls, so
// each card makes its own.
func face(f *sfnt.Font, size float64) font.Face {
	fc, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic("card: " + err.Error()) // only for a size <= 0
	}
	return fc
}
