package livetest

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

// Topics are the generated tags; the first few are much more common.
var Topics = []string{"Ukraine", "Russia", "NATO", "EU", "China", "Trump", "Putin", "Zelensky",
	"Kyiv", "Moscow", "Washington", "Brussels", "Berlin", "Paris", "London", "Warsaw"}

// Corpus writes n generated content files into root/content, deterministic
// for a given n: shared topics, related titles that name other articles.
func Corpus(tb testing.TB, root string, n int) {
	tb.Helper()
	rng := rand.New(rand.NewPCG(uint64(n), 7))
	dir := filepath.Join(root, "content")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	titles := make([]string, n)
	for i := range n {
		titles[i] = Phrase(rng, 5+rng.IntN(4)) + fmt.Sprintf(" %d", i)
	}
	date := time.Date(2025, 8, 21, 0, 0, 0, 0, time.UTC)
	for i := range n {
		doc := Generated(rng, i, titles, date.Add(-time.Duration(i)*time.Hour))
		path := filepath.Join(dir, doc.Meta.Slug+".md")
		if err := os.WriteFile(path, content.Marshal(doc), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// Generated is the generated document i of a corpus, titled titles[i],
// whose related titles name others of titles.
func Generated(rng *rand.Rand, i int, titles []string, date time.Time) *content.Document {
	m := content.Meta{
		Title: titles[i], Slug: fmt.Sprintf("story-%05d", i), Date: date,
		Description: Phrase(rng, 12), Summary: Phrase(rng, 20), Source: "T4K3.news",
		Seed:       fmt.Sprintf("%05d.txt", i),
		Takeaways:  []content.Takeaway{{Quote: Phrase(rng, 8), Context: Phrase(rng, 4)}},
		Highlights: []string{Phrase(rng, 6), Phrase(rng, 6)},
		Risk:       &content.Risk{Title: Phrase(rng, 4), Text: Phrase(rng, 15)},
		Closing:    Phrase(rng, 10),
	}
	for range 2 + rng.IntN(4) {
		t := Topics[min(rng.IntN(len(Topics)), rng.IntN(len(Topics)))]
		if rng.IntN(4) == 0 {
			t = fmt.Sprintf("Place %d", rng.IntN(200))
		}
		m.Tags = append(m.Tags, t)
	}
	for range 3 + rng.IntN(4) {
		if rng.IntN(3) == 0 {
			m.Related = append(m.Related, Phrase(rng, 6))
			continue
		}
		m.Related = append(m.Related, titles[rng.IntN(len(titles))])
	}
	body := Phrase(rng, 60) + ".\n\n" + Phrase(rng, 50) + ".\n\n## Analysis\n\n" + Phrase(rng, 70) + ".\n"
	return &content.Document{Meta: m, Body: body}
}

// Phrase makes n words: common words from vocabulary, the rest made of
// syllables, so that headlines share some terms but not all of them.
func Phrase(rng *rand.Rand, n int) string {
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
