package markdown

import (
	"strings"
	"testing"
)

// benchBody is shaped like a converted article's body: a dozen paragraphs,
// then an Analysis section. Like Escape's output, its lines have no space
// at the end.
func benchBody() string {
	para := strings.TrimSpace(strings.Repeat("Officials close to the talks said the deal would be settled within weeks. ", 4))
	return strings.Repeat(para+"\n\n", 9) + "## Analysis\n\n" + strings.Repeat(para+"\n\n", 3)
}

// BenchmarkRender renders benchBody.
func BenchmarkRender(b *testing.B) {
	benchmarkRender(b, []byte(benchBody()))
}

// BenchmarkRenderMarkup renders benchBody with emphasis in its last line,
// which renderPlain reads to the end before leaving the body to goldmark.
func BenchmarkRenderMarkup(b *testing.B) {
	benchmarkRender(b, []byte(benchBody()+"Some *emphasis*.\n"))
}

func benchmarkRender(b *testing.B, body []byte) {
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(body); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderContent renders the bodies of the repository's own
// articles, which are hand-edited text with typographic quotes.
func BenchmarkRenderContent(b *testing.B) {
	bodies := contentBodies(b)
	var n int64
	for _, body := range bodies {
		n += int64(len(body))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, body := range bodies {
			if _, err := Render(body); err != nil {
				b.Fatal(err)
			}
		}
	}
}
