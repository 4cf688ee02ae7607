package live

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/t4k3news/digest/internal/content"
)

// vocabulary for generated headlines and deks.
var vocabulary = strings.Fields(`talks summit ceasefire border energy grain
	sanctions election budget court strike drone harbour pipeline rally treaty
	minister parliament reform inflation tariff vaccine flood wildfire satellite
	refinery airport railway union protest coalition veto guarantee aid loan
	export import currency bank market factory harvest drought storm bridge`)

// topics for generated tags; the first few are much more common.
var topics = []string{"Ukraine", "Russia", "NATO", "EU", "China", "Trump", "Putin", "Zelensky",
	"Kyiv", "Moscow", "Washington", "Brussels", "Berlin", "Paris", "London", "Warsaw"}

// corpus writes n generated content files into root/content, deterministic
// for a given n: shared topics, related titles that name other articles.
func corpus(tb testing.TB, root string, n int) {
	tb.Helper()
	rng := rand.New(rand.NewPCG(uint64(n), 7))
	dir := filepath.Join(root, "content")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	titles := make([]string, n)
	for i := range n {
		titles[i] = phrase(rng, 5+rng.IntN(4)) + fmt.Sprintf(" %d", i)
	}
	date := time.Date(2025, 8, 21, 0, 0, 0, 0, time.UTC)
	for i := range n {
		doc := generated(rng, i, titles, date.Add(-time.Duration(i)*time.Hour))
		path := filepath.Join(dir, doc.Meta.Slug+".md")
		if err := os.WriteFile(path, content.Marshal(doc), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

func generated(rng *rand.Rand, i int, titles []string, date time.Time) *content.Document {
	m := content.Meta{
		Title: titles[i], Slug: fmt.Sprintf("story-%05d", i), Date: date,
		Description: phrase(rng, 12), Summary: phrase(rng, 20), Source: "T4K3.news",
		Seed:       fmt.Sprintf("%05d.txt", i),
		Takeaways:  []content.Takeaway{{Quote: phrase(rng, 8), Context: phrase(rng, 4)}},
		Highlights: []string{phrase(rng, 6), phrase(rng, 6)},
		Risk:       &content.Risk{Title: phrase(rng, 4), Text: phrase(rng, 15)},
		Closing:    phrase(rng, 10),
	}
	for range 2 + rng.IntN(4) {
		t := topics[min(rng.IntN(len(topics)), rng.IntN(len(topics)))]
		if rng.IntN(4) == 0 {
			t = fmt.Sprintf("Place %d", rng.IntN(200))
		}
		m.Tags = append(m.Tags, t)
	}
	for range 3 + rng.IntN(4) {
		if rng.IntN(3) == 0 {
			m.Related = append(m.Related, phrase(rng, 6))
			continue
		}
		m.Related = append(m.Related, titles[rng.IntN(len(titles))])
	}
	body := phrase(rng, 60) + ".\n\n" + phrase(rng, 50) + ".\n\n## Analysis\n\n" + phrase(rng, 70) + ".\n"
	return &content.Document{Meta: m, Body: body}
}

// phrase makes n words: common words from vocabulary, the rest made of
// syllables, so that headlines share some terms but not all of them.
func phrase(rng *rand.Rand, n int) string {
	w := make([]string, n)
	for i := range w {
		if rng.IntN(3) == 0 {
			w[i] = vocabulary[rng.IntN(len(vocabulary))]
			continue
		}
		w[i] = word(rng.IntN(1 + rng.IntN(5000)))
	}
	w[0] = strings.ToUpper(w[0][:1]) + w[0][1:]
	return strings.Join(w, " ")
}

var syllables = strings.Fields("ka ri to mel an os ve li du ran sor pe tin bal gor ne sha vik")

// word is the k-th made-up word.
func word(k int) string {
	var b strings.Builder
	for {
		b.WriteString(syllables[k%len(syllables)])
		k /= len(syllables)
		if k == 0 {
			return b.String()
		}
	}
}
