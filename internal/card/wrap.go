package card

import (
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// block is text set in lines at one size.
type block struct {
	face  font.Face
	size  float64
	lines []string
	lead  int // baseline to baseline, in pixels
}

// height is the block's height from the first line's top to the last
// line's baseline plus descent, roughly: lines × leading.
func (b block) height() int { return len(b.lines) * b.lead }

// fit sets text in the largest of sizes (largest first) at which every
// line is at most w pixels wide and there are at most h/leading lines,
// breaking lines only between words. At the smallest size, text that still
// does not fit is cut after its last whole word that does, and ends in an
// ellipsis. lineHeight is the leading as a multiple of the size.
func fit(f *sfnt.Font, text string, sizes []float64, lineHeight float64, w, h int) block {
	words := strings.Fields(text)
	for i, size := range sizes {
		b := block{face: face(f, size), size: size, lead: int(size*lineHeight + 0.5)}
		maxLines := max(1, h/b.lead)
		lines, ok := wrap(b.face, words, fixed.I(w))
		if ok && len(lines) <= maxLines {
			b.lines = lines
			return b
		}
		if i == len(sizes)-1 {
			b.lines = ellipsize(b.face, lines, maxLines, fixed.I(w))
			return b
		}
	}
	return block{}
}

// wrap breaks words into lines at most w wide, greedily. A word wider than
// w gets a line of its own and ok is false.
func wrap(f font.Face, words []string, w fixed.Int26_6) (lines []string, ok bool) {
	ok = true
	space := width(f, " ")
	var line string
	var lw fixed.Int26_6
	for _, word := range words {
		ww := width(f, word)
		if ww > w {
			ok = false
		}
		if line != "" && lw+space+ww <= w {
			line, lw = line+" "+word, lw+space+ww
			continue
		}
		if line != "" {
			lines = append(lines, line)
		}
		line, lw = word, ww
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines, ok
}

// ellipsize keeps the lines before the first that is too wide, at most
// maxLines of them, and ends the last with "…", dropping whole words from
// its end until it fits.
func ellipsize(f font.Face, lines []string, maxLines int, w fixed.Int26_6) []string {
	keep := 0
	for keep < len(lines) && keep < maxLines && width(f, lines[keep]) <= w {
		keep++
	}
	if keep == len(lines) {
		return lines
	}
	if keep == 0 {
		return []string{"…"}
	}
	out := append([]string(nil), lines[:keep]...)
	words := strings.Fields(out[keep-1])
	for ; len(words) > 0; words = words[:len(words)-1] {
		if last := strings.Join(words, " ") + "…"; width(f, last) <= w {
			out[keep-1] = last
			return out
		}
	}
	out[keep-1] = "…"
	return out
}
