package markdown

import (
	"strings"
	"testing"
)

// BenchmarkRender renders a body shaped like a converted article's: a dozen
// paragraphs, then an Analysis section.
func BenchmarkRender(b *testing.B) {
	para := strings.Repeat("Officials close to the talks said the deal would be settled within weeks. ", 4)
	body := []byte(strings.Repeat(para+"\n\n", 9) + "## Analysis\n\n" + strings.Repeat(para+"\n\n", 3))
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(body); err != nil {
			b.Fatal(err)
		}
	}
}
