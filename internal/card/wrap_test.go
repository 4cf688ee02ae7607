package card

import (
	"strings"
	"testing"
)

func TestFit(t *testing.T) {
	loadFonts()
	sizes := []float64{60, 40, 20}
	tests := []struct {
		name, text string
		w, h       int
		size       float64
		lines      []string
	}{
		{"largest", "Short headline", 1000, 200, 60, []string{"Short headline"}},
		{"wrapped", "Short headline here", 400, 200, 60, []string{"Short headline", "here"}},
		{"smaller", "Short headline here and more words", 400, 120, 40, []string{"Short headline here", "and more words"}},
		{"ellipsis", strings.Repeat("word ", 60), 200, 50, 20, []string{"word word word word", "word word word…"}},
		{"long word shrinks", "Incomprehensibilities", 500, 200, 40, []string{"Incomprehensibilities"}},
		{"too long a word", "a Incomprehensibilities b", 150, 100, 20, []string{"a…"}},
		{"empty", "", 100, 100, 60, nil},
	}
	for _, tt := range tests {
		b := fit(fonts.regular, tt.text, sizes, 1.2, tt.w, tt.h)
		if b.size != tt.size || strings.Join(b.lines, "|") != strings.Join(tt.lines, "|") {
			t.Errorf("%s: size %v %q, want %v %q", tt.name, b.size, b.lines, tt.size, tt.lines)
		}
	}
}

// TestFitWords checks that lines break only between the text's words, and
// that every line fits, whatever the width.
func TestFitWords(t *testing.T) {
	loadFonts()
	text := "Über die Straße: Zoë, François and Łukasz discuss the long and winding road of the naïve café owners"
	words := strings.Fields(text)
	for w := 300; w <= 1200; w += 100 {
		b := fit(fonts.bold, text, headlineSizes, 1.16, w, 330)
		got := strings.Fields(strings.TrimSuffix(strings.Join(b.lines, " "), "…"))
		for i, word := range got {
			last := i == len(got)-1 && strings.HasSuffix(b.lines[len(b.lines)-1], "…")
			if i >= len(words) || word != words[i] && !(last && word == strings.TrimSuffix(words[i], "…")) {
				t.Errorf("width %d: word %d is %q, not a word of the text", w, i, word)
			}
		}
		for _, l := range b.lines {
			if lw := width(b.face, l).Ceil(); lw > w {
				t.Errorf("width %d: line %q is %d wide", w, l, lw)
			}
		}
		ellipsis := strings.HasSuffix(b.lines[len(b.lines)-1], "…")
		if ellipsis != (len(got) < len(words)) || ellipsis && b.size != headlineSizes[len(headlineSizes)-1] {
			t.Errorf("width %d: size %v, %d of %d words, ellipsis %v", w, b.size, len(got), len(words), ellipsis)
		}
	}
}
